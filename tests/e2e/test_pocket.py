"""The directory in the pocket, in a real browser: the manifest, "My
numbers" and sharing (offline pages: test_offline.py)."""

import re

import pytest
from playwright.sync_api import expect

from directory.models import Division, Service

from .conftest import PHONE, SCREENSHOTS
from .worker import SERVICE, gettext, open_with_worker, wait_until_saved


def test_every_page_links_a_manifest_in_its_language_with_icons(site, page):
    page.goto(site + "/vi/helplines/")
    href = page.locator("link[rel=manifest]").get_attribute("href")
    assert href == "/vi/manifest.webmanifest"
    manifest = page.request.get(site + href).json()
    assert manifest["lang"] == "vi"
    assert manifest["start_url"] == "/vi/"
    assert manifest["display"] == "standalone"
    assert manifest["name"] == gettext("vi", "Gyeonggi public service directory")
    for icon in manifest["icons"]:
        response = page.request.get(site + icon["src"])
        assert response.ok, icon
        assert response.headers["content-type"] == "image/png"
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])


def test_kept_numbers_survive_a_reload_without_a_network(site, page, screenshot):
    page.set_viewport_size(PHONE)
    service = Service.objects.get(name=SERVICE)
    open_with_worker(page, site + "/vi" + service.get_absolute_url())
    keep = page.locator(".keep-button")
    expect(keep).to_have_text(gettext("vi", "Keep on this phone"))
    expect(keep).to_have_attribute("aria-pressed", "false")
    keep.click()
    expect(keep).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#pocket-status")).to_have_text(
        gettext("vi", "Kept on this phone: see My numbers.")
    )
    page.screenshot(path=SCREENSHOTS / "pocket-service-vi.png")
    page.locator(".page-qr").scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "pocket-service-qr-vi.png")
    wait_until_saved(page, "/vi/my-numbers/", "/vi/offline/")

    page.context.set_offline(True)
    page.goto(site + "/vi/my-numbers/")
    page.reload()
    entry = page.locator(".kept-entry")
    expect(entry).to_have_count(1)
    expect(entry.locator(".kept-name")).to_have_text(service.name_vi or service.name_ko)
    expect(entry.locator("a.tel")).to_have_text(["031-8030-4776", "031-8030-4778"])
    expect(entry.locator("a.tel").first).to_have_attribute(
        "href", "tel:+82-31-8030-4776"
    )
    screenshot(page, "pocket-my-numbers-vi")

    # The offline page lists them too, above the help lines.
    page.goto(site + "/vi/areas/3/")
    expect(page.locator(".kept-entry a.tel").first).to_have_text("031-8030-4776")
    screenshot(page, "pocket-offline-vi")

    page.goto(site + "/vi/my-numbers/")
    page.get_by_role("button", name=re.compile(gettext("vi", "Remove"))).click()
    expect(page.locator(".kept-entry")).to_have_count(0)
    expect(page.locator("[data-pocket-empty]")).to_be_visible()


def test_a_kept_number_is_updated_when_its_page_is_opened_again(site, page):
    service = Service.objects.get(name=SERVICE)
    page.goto(site + service.get_absolute_url())
    page.locator(".keep-button").click()
    # As if the number had changed since it was kept.
    page.evaluate(
        """() => {
            const list = JSON.parse(localStorage.getItem("pocket-numbers"));
            list[0].phones = [{label: "031-0000-0000", tel: "tel:+82-31-0000-0000"}];
            localStorage.setItem("pocket-numbers", JSON.stringify(list));
        }"""
    )
    page.reload()
    expect(page.locator(".keep-button")).to_have_attribute("aria-pressed", "true")
    phones = page.evaluate(
        "JSON.parse(localStorage.getItem('pocket-numbers'))[0].phones.map(p => p.label)"
    )
    assert phones == ["031-8030-4776", "031-8030-4778"]


def test_share_copies_the_link_where_the_browser_cannot_share(site, page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    division = Division.objects.get(name="이민체류지원 담당")
    page.goto(site + "/vi" + division.get_absolute_url())
    if page.evaluate("!!navigator.share"):
        pytest.skip("this browser shares with the system's sheet")
    page.locator(".share-button").click()
    expect(page.locator("#pocket-status")).to_have_text(
        gettext("vi", "The link is copied. Paste it in a message.")
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == site + "/vi" + division.get_absolute_url()
