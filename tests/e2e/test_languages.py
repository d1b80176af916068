"""Switching language in the browser, and the pages in another language."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from directory.models import Service

from .test_accessibility import WCAG_AA, page_paths


def test_switch_language_keeps_the_page_and_its_number(site, page):
    service = Service.objects.get(name="결혼이민자 지원")
    page.goto(site + service.get_absolute_url())
    page.locator(".language-switcher").get_by_role("link", name="Русский").click()
    expect(page).to_have_url(f"{site}/ru{service.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator(".answer a.tel").first).to_have_text("031-8030-4773")
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
        results = Axe().run(page, options=WCAG_AA)
        if violations := [v["id"] for v in results.response["violations"]]:
            found[name] = violations
    assert found == {}
