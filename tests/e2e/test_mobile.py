"""On a small phone (360×740): nothing scrolls sideways, numbers are easy to tap."""

from django.conf import settings

from directory.models import Service

from .conftest import PHONE
from .test_accessibility import page_paths
from .worker import prefix_of


def test_no_page_scrolls_sideways_on_a_phone(site, page):
    page.set_viewport_size(PHONE)
    wide = {}
    for name, path in page_paths().items():
        page.goto(site + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[name] = width
    assert wide == {}


def test_phone_links_are_large_tap_targets(site, page):
    page.set_viewport_size(PHONE)
    small = []
    for path in ["/", Service.objects.get(name="결혼이민자 지원").get_absolute_url()]:
        page.goto(site + path)
        for link in page.locator("a.tel").all():
            box = link.bounding_box()
            if box["width"] < 44 or box["height"] < 44:
                small.append((path, link.inner_text(), box))
    assert small == []


def test_number_is_visible_without_scrolling_on_a_service_page(site, page):
    page.set_viewport_size(PHONE)
    service = Service.objects.get(name="다문화가족 등 이주 배경 자녀 지원")
    page.goto(site + service.get_absolute_url())
    for link in page.locator(".answer a.tel").all():
        box = link.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], link.inner_text()


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
