"""On a 360×740 phone, in Vietnamese and Nepali: the first number of the
results answers in the reader's language and says whether it is open."""

import re

import pytest

from tests.directory.search.questions import QUESTIONS

from .conftest import PHONE

# "Open now" or "Closed · opens …", as the catalogues say them.
STATES = {
    "vi": re.compile(r"Đang mở|Đang đóng · mở lúc"),
    "ne": re.compile(r"अहिले खुला|बन्द · .* खुल्छ"),
}
NAMES = {"vi": "Tiếng Việt", "ne": "नेपाली"}


@pytest.mark.parametrize("language", ["vi", "ne"])
def test_the_first_number_answers_in_the_readers_language(site, page, language):
    page.set_viewport_size(PHONE)
    for question in QUESTIONS[language][:2]:
        page.goto(f"{site}/{language}/search/?q={question}")
        first = page.locator("ol.results > li").first
        first.locator("a.tel").first.wait_for()
        box = first.locator("a.tel").first.bounding_box()
        # On the first screen, without scrolling.
        assert box["y"] + box["height"] <= PHONE["height"], question
        facts = first.inner_text()
        assert NAMES[language] in facts, question
        assert STATES[language].search(facts), facts
