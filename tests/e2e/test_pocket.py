"""The directory in the pocket, in a real browser: the manifest, the service
worker, pages opened without a network, "My numbers", sharing and printing."""

import re
import time

import pytest
from django.conf import settings
from django.utils import translation
from playwright.sync_api import expect

from directory.models import Division, HelpLine, Service
from standards.models import PolicyArea

from .conftest import PHONE, SCREENSHOTS

SERVICE = "다문화가족 등 이주 배경 자녀 지원"


def prefix_of(language):
    return "" if language == "ko" else f"/{language}"


def cached(page, path):
    return page.evaluate(
        "path => caches.match(path, {ignoreVary: true}).then(r => !!r)", path
    )


def wait_until_saved(page, *paths, timeout=20):
    """Wait until the worker has saved every path (it saves them while the
    page is shown, after the page has loaded)."""
    deadline = time.monotonic() + timeout
    missing = list(paths)
    while time.monotonic() < deadline:
        missing = [path for path in missing if not cached(page, path)]
        if not missing:
            return
        time.sleep(0.2)
    raise AssertionError(f"never saved: {missing}")


def open_with_worker(page, url):
    page.goto(url)
    state = page.evaluate("navigator.serviceWorker.ready.then(r => r.active.state)")
    assert state in ("activating", "activated")


def gettext(language, text):
    with translation.override(language):
        return translation.gettext(text)


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


def test_worker_is_registered_for_the_whole_site(site, page):
    open_with_worker(page, site + "/")
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == site + "/"
    script = page.evaluate(
        "navigator.serviceWorker.ready.then(r => r.active.scriptURL)"
    )
    assert script == site + "/sw.js"


@pytest.mark.parametrize("language", ["ko", "vi"])
def test_visited_pages_and_help_lines_open_without_a_network(site, page, language):
    prefix = prefix_of(language)
    service = Service.objects.get(name=SERVICE)
    division = Division.objects.get(name="이민체류지원 담당")
    service_url = prefix + service.get_absolute_url()
    division_url = prefix + division.get_absolute_url()
    open_with_worker(page, site + service_url)
    # The first page, and the essential pages of its language.
    wait_until_saved(
        page, service_url, f"{prefix}/", f"{prefix}/helplines/", f"{prefix}/offline/"
    )
    page.goto(site + division_url)
    wait_until_saved(page, division_url)

    page.context.set_offline(True)
    page.goto(site + service_url)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator(".answer a.tel").first).to_have_text("031-8030-4776")
    notice = page.locator(".saved-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(
        gettext(language, "You are offline. This copy was saved on")
    )
    expect(notice.locator("time")).to_have_attribute(
        "datetime", re.compile(r"^20\d\d-")
    )

    page.goto(site + division_url)
    expect(page.locator(".answer")).to_contain_text("031-8030-4692")

    page.goto(site + f"{prefix}/helplines/")
    line = HelpLine.objects.get(number="1345")
    expect(page.locator(f'a.tel[href="{line.tel_uri}"]')).to_be_visible()

    page.goto(site + f"{prefix}/")
    expect(page.locator("h1")).to_have_text(
        gettext(language, "Find the team and the number")
    )


@pytest.mark.parametrize("language", ["ko", "vi"])
def test_a_page_never_opened_shows_the_offline_page_of_its_language(
    site, page, language
):
    prefix = prefix_of(language)
    open_with_worker(page, site + f"{prefix}/helplines/")
    wait_until_saved(page, f"{prefix}/offline/")
    page.context.set_offline(True)
    area = PolicyArea.objects.get(number=2)
    page.goto(site + prefix + area.get_absolute_url())
    expect(page.locator("h1")).to_have_text(gettext(language, "No network"))
    expect(page.locator("html")).to_have_attribute("lang", language)
    # The help lines of the reader's language, as numbers to call.
    lines = HelpLine.objects.all().in_language(language)
    assert lines
    for line in lines:
        expect(page.locator(f'main a.tel[href="{line.tel_uri}"]')).to_be_visible()
    expect(page.locator(".saved-notice time")).not_to_be_empty()


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


def test_a_printed_service_page_is_one_clean_page(site, page, screenshot):
    page.set_viewport_size(PHONE)
    service = Service.objects.get(name=SERVICE)
    page.goto(site + "/vi" + service.get_absolute_url())
    page.emulate_media(media="print")
    for hidden in ["form", ".report", ".site-header", ".site-footer", ".share-button"]:
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    expect(page.locator(".answer a.tel").first).to_be_visible()
    expect(page.locator(".answer .division")).to_be_visible()
    expect(page.locator(".korean-card")).to_be_visible()
    expect(page.locator(".page-qr svg")).to_be_visible()
    screenshot(page, "pocket-print-vi")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1


def test_main_menu_fits_a_small_phone_in_every_language(site, page):
    page.set_viewport_size(PHONE)
    cut = {}
    for code, _name in settings.LANGUAGES:
        page.goto(site + prefix_of(code) + "/")
        menu = page.locator(".main-menu ul")
        overflow = menu.evaluate("ul => ul.scrollWidth - ul.clientWidth")
        for link in menu.locator("a").all():
            box = link.bounding_box()
            if overflow > 0 or box["x"] < 0 or box["x"] + box["width"] > PHONE["width"]:
                cut.setdefault(code, []).append(link.inner_text())
    assert cut == {}


def test_a_new_release_takes_over_at_once_and_keeps_the_saved_pages(
    site, page, monkeypatch
):
    from directory import pocket

    open_with_worker(page, site + "/vi/helplines/")
    wait_until_saved(page, "/vi/helplines/", "/vi/offline/")
    page.reload()
    # A cache left by a release whose caches had another shape.
    page.evaluate("caches.open('pocket-pages-v0')")
    release = pocket.worker_source() + "\n// The next release.\n"
    monkeypatch.setattr(pocket, "worker_source", lambda: release)
    took_over = page.evaluate(
        """async () => {
            const registration = await navigator.serviceWorker.ready;
            const changed = new Promise(resolve =>
                navigator.serviceWorker.addEventListener("controllerchange", resolve));
            await registration.update();
            await changed;
            // The new worker controls the page as it starts to activate; its
            // old caches are gone once it has activated.
            const worker = navigator.serviceWorker.controller;
            if (worker.state !== "activated") {
                await new Promise(resolve => worker.addEventListener("statechange",
                    () => worker.state === "activated" && resolve()));
            }
            return true;
        }"""
    )
    assert took_over
    names = page.evaluate("caches.keys()")
    assert "pocket-pages-v0" not in names
    assert "pocket-pages-v1" in names
    page.context.set_offline(True)
    page.goto(site + "/vi/helplines/")
    expect(page.locator(".saved-notice")).to_be_visible()
    expect(page.locator("h1")).to_have_text(gettext("vi", "Help lines"))


def test_saved_pages_are_bounded_in_number_and_age(site, page):
    open_with_worker(page, site + "/vi/")
    wait_until_saved(page, "/vi/", "/vi/offline/")
    page.reload()
    # Entries as the worker writes them: 90 recent, one of 40 days ago.
    page.evaluate(
        """async () => {
            const cache = await caches.open("pocket-pages-v1");
            const day = 24 * 60 * 60 * 1000;
            const saved = (age) => new Response("<html><body>old</body></html>", {
                headers: {
                    "Content-Type": "text/html",
                    "X-Pocket-Saved-At": new Date(Date.now() - age).toISOString(),
                },
            });
            await cache.put("/vi/old-page/", saved(40 * day));
            for (let i = 0; i < 90; i++) {
                await cache.put(`/vi/page-${i}/`, saved(day + i * 1000));
            }
        }"""
    )
    page.goto(site + "/vi/helplines/")
    wait_until_saved(page, "/vi/helplines/")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        keys = page.evaluate(
            "caches.open('pocket-pages-v1').then(c => c.keys())"
            ".then(keys => keys.map(k => new URL(k.url).pathname))"
        )
        if len(keys) <= 80:
            break
        time.sleep(0.2)
    assert len(keys) == 80
    assert "/vi/old-page/" not in keys
    # The newest stay: the page just opened and the essential pages.
    assert {"/vi/helplines/", "/vi/", "/vi/offline/"} <= set(keys)
    assert "/vi/page-89/" not in keys
