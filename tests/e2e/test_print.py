"""Printed pages: no navigation, the numbers and addresses on paper."""

import re

from playwright.sync_api import expect

from directory.models import Division, Service

from .conftest import PHONE


def test_printed_page_hides_navigation_and_keeps_numbers(site, page):
    division = Division.objects.get(name="이민체류지원 담당")
    page.goto(site + division.get_absolute_url())
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".breadcrumbs")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator("main")).to_contain_text("031-8030-4692")


def test_contact_sheet_prints_urls_and_qr_codes(site, page):
    division = Division.objects.get(name="이민체류지원 담당")
    page.goto(f"{site}/divisions/{division.pk}/sheet/")
    page.emulate_media(media="print")
    expect(page.locator(".sheet-row")).to_have_count(2)
    expect(page.locator(".sheet-qr svg").first).to_be_visible()
    expect(page.locator(".sheet-url").first).to_contain_text(f"{site}/services/")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_a_printed_service_page_is_one_clean_page(site, page, screenshot):
    page.set_viewport_size(PHONE)
    service = Service.objects.get(name="다문화가족 등 이주 배경 자녀 지원")
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
