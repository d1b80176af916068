"""The display settings in a real browser: WCAG 2.1 AA holds in every mode,
and the header's settings form works by keyboard, without JavaScript."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .test_accessibility import page_paths, violations

MODES = {
    "high-contrast": ({"contrast": "high"}, "light"),
    "largest-text": ({"text_size": "5"}, "light"),
    "dark-scheme": ({}, "dark"),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_type_has_no_wcag_violation_in_each_mode(site, page, viewport, mode):
    cookies, scheme = MODES[mode]
    page.context.add_cookies(
        [{"name": name, "value": value, "url": site} for name, value in cookies.items()]
    )
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size(viewport)
    found = {}
    for name, path in page_paths().items():
        page.goto(site + path)
        page.evaluate(
            "document.querySelectorAll('details').forEach(d => d.open = true)"
        )
        if problems := violations(page):
            found[name] = problems
    assert found == {}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_settings_by_keyboard_are_kept_across_pages(site, browser, javascript):
    context = browser.new_context(java_script_enabled=javascript, locale="ko-KR")
    page = context.new_page()
    page.goto(site + "/divisions/")
    summary = page.locator(".display-settings summary")
    summary.focus()
    page.keyboard.press("Enter")
    page.get_by_label("가장 크게").focus()
    page.keyboard.press("Space")
    page.get_by_label("고대비").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="적용").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(site + "/divisions/")
    expect(page.locator("html")).to_have_class("text-5 contrast-high")
    page.goto(site + "/services/")
    expect(page.locator("html")).to_have_class("text-5 contrast-high")
    size = page.evaluate("getComputedStyle(document.documentElement).fontSize")
    assert float(size.removesuffix("px")) > 10
    context.close()
