"""Lists that staff and residents read: no word cut into syllables, nothing
cut off, no number broken over two lines."""

import pytest

from .conftest import DESKTOP, PHONE, log_in_as_staff

# Lines of text in an element: its content's height (not the cell's, which
# stretches to the row) over its line height.
LINES = """el => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const line = parseFloat(getComputedStyle(el).lineHeight);
    return Math.round(range.getBoundingClientRect().height / line);
}"""


@pytest.mark.changes_data
def test_admin_service_list_is_readable_at_1280(site, page):
    page.set_viewport_size(DESKTOP)
    log_in_as_staff(site, page)
    page.goto(site + "/admin/directory/service/?all=")

    names = page.locator("#result_list .field-name a")
    assert names.count() > 10
    tall = {
        names.nth(i).inner_text(): lines
        for i in range(names.count())
        if (lines := names.nth(i).evaluate(LINES)) > 2
    }
    assert tall == {}
    numbers = page.locator("#result_list td.field-phone_numbers")
    assert max(numbers.nth(i).evaluate(LINES) for i in range(numbers.count())) <= 2
    # Every column in view: the list neither scrolls sideways nor runs off the page.
    overflow = page.evaluate(
        """() => {
        const box = document.querySelector('#changelist .results');
        const table = document.querySelector('#result_list');
        return [box.scrollWidth - box.clientWidth,
                table.getBoundingClientRect().right - window.innerWidth];
    }"""
    )
    assert overflow[0] <= 0 and overflow[1] <= 0, overflow


def test_suggestions_on_a_phone_fit_their_numbers(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site + "/")
    box = page.locator("form[data-suggest-url] input[name=q]").first
    box.fill("다문화")
    options = page.locator(".suggestions [role=option]")
    options.first.wait_for()
    numbers = page.locator(".suggestions .suggestion-number")
    assert numbers.count() > 0

    one_line = [numbers.nth(i).evaluate(LINES) for i in range(numbers.count())]
    assert set(one_line) == {1}, one_line
    sizes = page.evaluate(
        """() => {
        const list = document.querySelector('.suggestions:not([hidden])');
        const input = list.closest('form').querySelector('input[name=q]');
        return {list: list.getBoundingClientRect().toJSON(),
                input: input.getBoundingClientRect().width,
                clipped: list.scrollWidth - list.clientWidth};
    }"""
    )
    # As wide as its content needs (up to the screen), never narrower than the box.
    assert sizes["list"]["width"] >= sizes["input"]
    assert sizes["clipped"] <= 0
    assert sizes["list"]["left"] >= 0 and sizes["list"]["right"] <= PHONE["width"]
    for i in range(numbers.count()):
        right = numbers.nth(i).bounding_box()
        assert right["x"] + right["width"] <= sizes["list"]["right"]
