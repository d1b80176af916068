"""WCAG 2.1 AA (the level KWCAG 2.2 audits) on every page type, with axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from directory.models import Division, Service
from standards.models import PolicyArea, Sector

from .conftest import DESKTOP, PHONE, log_in_as_staff

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Only violations are reported in full: axe then skips listing every node
    # that passed, which is most of its time on a long page.
    "resultTypes": ["violations"],
}


def page_paths():
    service = Service.objects.get(name="결혼이민자 지원")
    return {
        "home": "/",
        "area": PolicyArea.objects.get(number=1).get_absolute_url(),
        "service": service.get_absolute_url(),
        "division": Division.objects.get(name="이민체류지원 담당").get_absolute_url(),
        "standard": Sector.objects.get().get_absolute_url(),
        "index": "/services/",
        "search": "/search/?q=고려인",
        "search-none": "/search/?q=우주여행",
        "sheet": f"/divisions/{service.division_id}/sheet/",
        "not-found": "/no-such-page/",
        "admin-login": "/admin/login/",
        "open-data": "/api/",
        "privacy": "/privacy/",
        "copyright": "/en/copyright/",
        "accessibility": "/ru/accessibility/",
        "report-sent": f"/services/{service.pk}/report/sent/",
    }


def staff_paths():
    service = Service.objects.get(name="결혼이민자 지원")
    contact = service.phones_in_order[0]
    return {
        "admin-home": "/admin/",
        "admin-services": "/admin/directory/service/",
        "admin-contact": f"/admin/directory/contact/{contact.pk}/change/",
        "admin-service": f"/admin/directory/service/{service.pk}/change/",
        "admin-import": "/admin/directory/service/import/",
        "admin-export": "/admin/directory/service/export/",
        "admin-history": f"/admin/directory/service/{service.pk}/history/",
    }


def violations(page):
    results = Axe().run(page, options=WCAG_AA)
    return [
        (v["id"], [node["target"] for node in v["nodes"]])
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_type_has_no_wcag_violation(site, page, viewport, screenshot):
    page.set_viewport_size(viewport)
    found = {}
    for name, path in page_paths().items():
        page.goto(site + path)
        if problems := violations(page):
            found[name] = problems
        screenshot(page, f"{name}-{'phone' if viewport is PHONE else 'desktop'}")
    assert found == {}


@pytest.mark.changes_data
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_staff_pages_have_no_wcag_violation(site, page, viewport):
    page.set_viewport_size(viewport)
    log_in_as_staff(site, page)
    found = {}
    for name, path in staff_paths().items():
        page.goto(site + path)
        if problems := violations(page):
            found[name] = problems
    assert found == {}, found
