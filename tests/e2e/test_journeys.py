"""What people do on the site, in a real browser."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from directory.models import Service


def test_find_a_number_by_typing_in_the_search_box(site, page):
    page.goto(site)
    page.get_by_label("서비스·담당 부서·전화번호 검색").fill("고려인")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    first = page.locator("ol.results > li").first
    expect(first.locator("h3")).to_have_text("이주민·고려인동포 정착지원")
    expect(first.locator("a.tel")).to_have_text("031-8030-4692")


def test_find_a_number_by_browsing(site, page):
    page.goto(site)
    page.get_by_role(
        "link", name="2. 이주민 정착 및 지역사회 적응을 위한 이민사회 지원"
    ).click()
    page.get_by_role("link", name="결혼이민자 지원").click()
    expect(page.locator("h1")).to_have_text("결혼이민자 지원")
    phone = page.locator(".answer a.tel")
    expect(phone).to_have_text("031-8030-4773")
    expect(phone).to_have_attribute("href", "tel:+82-31-8030-4773")


def test_filters_narrow_the_results(site, page):
    page.goto(f"{site}/search/?q=지원")
    before = page.locator("ol.results > li").count()
    # The filters fold behind one control; each choice carries its number of
    # results: "다문화가족지원 담당 (7)".
    page.locator("details.filters-drop > summary").click()
    division = page.get_by_label("담당:", exact=True)
    choice = division.locator("option", has_text="다문화가족지원 담당 (")
    assert choice.count() == 1
    division.select_option(value=choice.get_attribute("value"))
    page.get_by_role("button", name="필터 적용").click()
    results = page.locator("ol.results > li .meta")
    assert 0 < results.count() < before
    for text in results.all_inner_texts():
        assert text.startswith("다문화가족지원 담당")


def test_keyboard_only_skip_link_and_search(site, page):
    page.goto(site)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="본문 바로가기")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["width"] > 0, "the skip link shows on focus"
    outline = skip.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "search-q":
            break
    expect(page.locator("#search-q")).to_be_focused()
    page.keyboard.type("4655")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=4655"))
    names = page.locator("ol.results > li h3").all_inner_texts()
    # The two services of the number, and the team that answers it.
    assert set(names) == {
        "외국인종합지원센터 구축",
        "외국인인권지원센터 운영",
        "이민사회정책 담당",
    }


@pytest.mark.changes_data
def test_staff_member_changes_a_phone_number_in_the_admin(site, page):
    get_user_model().objects.create_superuser("staff", "", "a-long-staff-password-1")
    page.goto(f"{site}/admin/")
    page.get_by_label("사용자 이름:").fill("staff")
    page.get_by_label("비밀번호:").fill("a-long-staff-password-1")
    page.get_by_role("button", name="로그인").click()
    page.get_by_role("link", name="연락처").first.click()
    page.get_by_role("link", name="031-8030-4692").click()
    page.get_by_label("번호:", exact=True).fill("031-8030-4699")
    page.get_by_role("button", name="저장", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("031-8030-4699")

    service = Service.objects.get(name="이주민·고려인동포 정착지원")
    page.context.clear_cookies()
    page.goto(f"{site}{service.get_absolute_url()}")
    expect(page.locator(".answer a.tel")).to_have_text("031-8030-4699")


def test_suggestions_appear_as_one_types_and_work_by_keyboard(site, page):
    page.goto(site)
    box = page.get_by_role("combobox", name="서비스·담당 부서·전화번호 검색")
    box.press_sequentially("고려인", delay=50)
    first = page.get_by_role("option").first
    expect(first).to_contain_text("이주민·고려인동포 정착지원")
    expect(first).to_contain_text("031-8030-4692")
    expect(page.locator("#search-q-status")).to_contain_text("추천 검색어")
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "search-q-suggestions-0")
    box.press("Enter")
    expect(page.locator("h1")).to_have_text("이주민·고려인동포 정착지원")
