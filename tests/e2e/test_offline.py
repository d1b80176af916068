"""Offline, in a real browser: the service worker, pages opened without a
network, the offline page, a new release and the bounds of what is saved."""

import re
import time

import pytest
from playwright.sync_api import expect

from directory.models import Division, HelpLine, Service
from standards.models import PolicyArea

from .worker import SERVICE, gettext, open_with_worker, prefix_of, wait_until_saved


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
