"""Switching language in the browser, and the pages in another language."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from directory.models import Service

from .test_accessibility import page_paths, violations


def test_switch_language_keeps_the_page_and_its_number(site, page):
    service = Service.objects.get(name="결혼이민자 지원")
    page.goto(site + service.get_absolute_url())
    page.locator(".language-switcher summary").click()
    page.locator(".language-switcher").get_by_role("link", name="Русский").click()
    expect(page).to_have_url(f"{site}/ru{service.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator(".answer a.tel").first).to_have_text("031-8030-4773")
    page.locator(".language-switcher summary").click()
    page.locator(".language-switcher").get_by_role("link", name="한국어").click()
    expect(page).to_have_url(site + service.get_absolute_url())
    expect(page.locator("html")).to_have_attribute("lang", "ko")


@pytest.mark.parametrize("language", ["en", "vi"])
def test_pages_in_another_language_have_no_wcag_violation(site, page, language):
    found = {}
    for name, path in page_paths().items():
        if name == "admin-login":
            continue
        page.goto(f"{site}/{language}{path}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        if problems := violations(page):
            found[name] = problems
    assert found == {}


# Each character of a script's sample is drawn with the page's own font and
# compared, pixel for pixel, with a character no font has (U+E000): a font
# missing from the machine draws them all as that same "missing glyph" box.
GLYPHS_MISSING = """([sample]) => {
  const font = getComputedStyle(document.body).font;
  const pixels = (text) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 64;
    const context = canvas.getContext("2d");
    context.font = font.replace(/\\d+(\\.\\d+)?px/, "40px");
    context.fillText(text, 4, 48);
    return context.getImageData(0, 0, 64, 64).data.join();
  };
  const box = pixels("\\u{E000}");
  return [...sample].filter((c) => c.trim() && pixels(c) === box);
}"""
SAMPLES = {
    "th": "ภาษาไทยสายด่วน",
    "km": "ភាសាខ្មែរជំនួយ",
    "lo": "ພາສາລາວສາຍດ່ວນ",
    "ne": "नेपाली सहायता",
    "ja": "日本語の相談電話",
    "zh-hans": "中文咨询电话",
    "mn": "Монгол утас",
    "uz": "Oʻzbekcha yordam",
}
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_renders_with_real_fonts_and_fits_a_phone(site, page, language):
    page.set_viewport_size({"width": 360, "height": 740})
    service = Service.objects.get(name="결혼이민자 지원")
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    for path in ["/", service.get_absolute_url(), "/helplines/"]:
        page.goto(site + prefix + path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        # The check itself finds a character that no font draws.
        assert page.evaluate(GLYPHS_MISSING, ["\ue001"]) == ["\ue001"]
        if language in SAMPLES:
            assert page.evaluate(GLYPHS_MISSING, [SAMPLES[language]]) == []
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} scrolls sideways ({width} px)"
        assert violations(page) == [], path


def test_the_switcher_lists_thirteen_languages_on_a_phone(site, page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site + "/")
    page.locator(".language-switcher summary").click()
    links = page.locator(".language-switcher a")
    expect(links).to_have_count(12)
    for index in range(12):
        box = links.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    links.filter(has_text="ພາສາລາວ").click()
    expect(page).to_have_url(site + "/lo/")
