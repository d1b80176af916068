"""At 360×740 the answer, a phone number, is on the first screen in every language."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from directory.models import Service
from standards.models import PolicyArea

from .conftest import PHONE

SEARCH = "/search/?q=고려인"


def language_path(code, path):
    return path if code == settings.LANGUAGE_CODE else f"/{code}{path}"


def first_number_bottom(page):
    box = page.locator("main a.tel").first.bounding_box()
    return box["y"] + box["height"]


def test_first_number_is_on_the_first_screen_in_every_language(site, page):
    page.set_viewport_size(PHONE)
    service = Service.objects.get(name="다문화가족 등 이주 배경 자녀 지원")
    below = {}
    for code, _name in settings.LANGUAGES:
        for path in [service.get_absolute_url(), SEARCH]:
            with translation.override(settings.LANGUAGE_CODE):
                path = language_path(code, path)
            page.goto(site + path)
            if (bottom := first_number_bottom(page)) > PHONE["height"]:
                below[path] = bottom
    assert below == {}


def test_an_areas_numbers_come_first_on_a_phone(site, page):
    page.set_viewport_size(PHONE)
    area = PolicyArea.objects.get(number=2)
    for code, _name in settings.LANGUAGES:
        page.goto(site + language_path(code, area.get_absolute_url()))
        number = page.locator("main a.tel").first.bounding_box()
        commitments = page.locator("main h2").last.bounding_box()
        assert number["y"] < commitments["y"], code
        # Stacked, the table's caption is a line or two, not a letter a line.
        caption = page.locator(".service-table caption").bounding_box()
        assert caption["width"] > PHONE["width"] / 2, code
        assert caption["height"] < 100, code
        # The first number is on the first screen, in every language: right
        # under the service's name, its team's (long, translated) name after.
        assert first_number_bottom(page) <= PHONE["height"], code
        team = page.locator(".service-table td.after-numbers a").first.bounding_box()
        assert number["y"] < team["y"], code


def test_service_tables_stack_on_a_phone_with_the_number_in_view(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site + PolicyArea.objects.get(number=1).get_absolute_url())
    wrap = page.locator(".table-wrap").first
    assert wrap.evaluate("el => el.scrollWidth <= el.clientWidth")
    number = page.locator(".service-table a.tel").first
    box = number.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"]
    assert number.evaluate("el => getComputedStyle(el).whiteSpace") == "nowrap"
    label = page.locator(".service-table td[data-label]").first
    assert (
        label.evaluate("el => getComputedStyle(el, '::before').content")
        == f'"{label.get_attribute("data-label")}"'
    )


def test_search_filters_are_one_closed_control_without_blank_dashes(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site + "/search/?q=지원")
    filters = page.locator("details.filters-drop")
    assert filters.count() == 1
    assert filters.get_attribute("open") is None
    assert not page.locator("#id_type").is_visible()
    options = page.locator(".filters option").all_text_contents()
    assert "---------" not in options
    assert options.count("전체") == page.locator(".filters select").count()
    for select in page.locator(".filters select").all():
        assert select.locator("option").count() > 2
    filters.locator("summary").click()
    assert page.locator(".filters select").first.is_visible()


def test_largest_text_keeps_search_box_and_heading_on_the_first_screen(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site + reverse("core:display-settings") + "?text_size=5&next=/")
    for selector in ["main h1", "#search-q"]:
        box = page.locator(selector).bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], selector


def test_home_team_cards_say_which_service_each_number_answers(site, page):
    page.goto(site + "/")
    card = page.locator(".card").first
    assert card.locator(".service-name").count() >= 1
    entry = card.locator(".card-services > li").first
    assert entry.locator(".service-name").count() == 1
    assert entry.locator("a.tel").count() >= 1
    assert page.locator("a[href$='services.csv'], a[download]").count() == 0


@pytest.mark.changes_data
def test_report_ends_on_a_confirmation_with_the_number_to_call(site, page):
    page.set_viewport_size(PHONE)
    service = Service.objects.get(name="다문화가족 등 이주 배경 자녀 지원")
    page.goto(site + reverse("directory:service-report", args=[service.pk]))
    page.fill("textarea[name=problem]", "번호가 바뀌었습니다")
    page.click("form[method=post] button[type=submit]")
    assert page.url.endswith(
        reverse("directory:service-report-sent", args=[service.pk])
    )
    assert page.locator("h1").inner_text() == "신고 접수 완료"
    assert page.locator("main a.tel").count() >= 1


PLACEHOLDER_FIT = """input => {
    const shown = getComputedStyle(input, "::placeholder");
    const box = getComputedStyle(input);
    const context = document.createElement("canvas").getContext("2d");
    context.font = [shown.fontStyle, shown.fontWeight, shown.fontSize,
        shown.fontFamily].join(" ");
    const room = input.clientWidth - parseFloat(box.paddingLeft)
        - parseFloat(box.paddingRight);
    return [context.measureText(input.placeholder).width, room];
}"""


def test_search_placeholder_fits_the_box_on_a_phone_in_every_language(site, page):
    page.set_viewport_size(PHONE)
    cut = {}
    for code, _name in settings.LANGUAGES:
        page.goto(site + language_path(code, "/"))
        width, room = page.locator("#search-q").evaluate(PLACEHOLDER_FIT)
        if width > room:
            cut[code] = (round(width), round(room))
    assert cut == {}
