"""The public pages (search and translated pages have their own modules): home,
services, divisions and the standard."""

from unittest.mock import patch

from django.db.models import Count
from django.test import TestCase
from django.urls import reverse

from directory.models import Division, Service
from standards.models import Commitment, PolicyArea, Sector
from tests import base
from tests.factories import (
    OFFICE_HOURS,
    make_area,
    make_commitment,
    make_contact,
    make_division,
    make_sector,
    make_service,
)


class HomePageTests(base.SeededTestCase):
    def test_search_box_comes_first_then_areas_and_divisions(self):
        response = self.client.get(reverse("directory:home"))
        html = response.content.decode()
        self.assertContains(response, '<html lang="ko">', html=False)
        self.assertInHTML(
            '<label for="search-q">서비스·담당 부서·전화번호 검색</label>', html
        )
        search_at = html.index('role="search"')
        area_at = html.index("1. 이주민 인권증진 및 안정적인 정착 지원")
        division_at = html.index("이민체류지원 담당")
        self.assertLess(search_at, area_at)
        self.assertLess(area_at, division_at)
        self.assertContains(response, "가. 경기도 이주민 정책 수립")
        self.assertContains(response, 'href="tel:+82-31-8030-4692"')
        self.assertEqual(html.count("<h1>"), 1)


class HomePageScaleTests(TestCase):
    def test_home_page_shows_the_first_teams_and_links_to_all(self):
        sector = make_sector()
        for position in range(1, 15):
            make_division(
                sector=sector, name=f"시험{position:02d} 담당", position=position
            )
        all_teams = (
            f'<a href="{reverse("directory:division-list")}">전체 담당 부서 보기</a>'
        )
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, "시험12 담당")
        self.assertNotContains(response, "시험13 담당")
        self.assertContains(response, all_teams)
        # A search that finds nothing offers the same first teams, not all.
        response = self.client.get(reverse("directory:search"), {"q": "우주여행"})
        self.assertContains(response, "시험12 담당")
        self.assertNotContains(response, "시험13 담당")
        self.assertContains(response, all_teams)

    def test_a_card_lists_the_first_services_and_links_to_the_rest(self):
        area = make_area()
        team = make_division(sector=area.sector, name="민원 담당")
        few = make_division(sector=area.sector, name="통역 담당", position=2)
        for position in range(1, 9):
            make_service(
                area=area,
                division=team,
                name=f"민원 서비스 {position}",
                position=position,
                phones=[f"031-8030-41{position:02d}"],
            )
        make_service(area=area, division=few, name="통역 서비스", position=9)
        for url in (reverse("directory:home"), reverse("directory:division-list")):
            with self.subTest(url=url):
                response = self.client.get(url)
                html = response.content.decode()
                self.assertContains(response, "민원 서비스 6")
                self.assertContains(response, 'href="tel:+82-31-8030-4106"')
                self.assertNotContains(response, "민원 서비스 7")
                self.assertNotContains(response, "tel:+82-31-8030-4107")
                self.assertInHTML(
                    f'<p class="card-more"><a href="{team.get_absolute_url()}">'
                    "이 부서의 서비스 8개 모두 보기</a></p>",
                    html,
                )
                # A card with all its services links to nothing more.
                self.assertEqual(html.count('class="card-more"'), 1)
        # The division's own page lists every service.
        response = self.client.get(team.get_absolute_url())
        self.assertContains(response, "민원 서비스 8")

    def test_counts_are_grouped_as_each_language_writes_them(self):
        area = make_area()
        team = make_division(sector=area.sector, name="민원 담당")
        Service.objects.bulk_create(
            Service(area=area, division=team, name=f"민원 서비스 {n}", position=n)
            for n in range(1, 1235)
        )
        expected = {
            "": "이 부서의 서비스 1,234개 모두 보기",
            "/vi": "Xem tất cả 1.234 dịch vụ của nhóm này",
            "/zh-hans": "查看该组全部 1,234 项服务",
            "/ru": "1\xa0234",
        }
        for prefix, text in expected.items():
            with self.subTest(prefix=prefix):
                response = self.client.get(f"{prefix}/divisions/")
                self.assertContains(response, text)
                # Addresses keep their digits whole.
                self.assertNotContains(response, "1,234/")

    def test_many_commitments_are_left_to_their_area_pages(self):
        area = make_area()
        for position in range(1, 62):
            make_commitment(
                area=area,
                position=position,
                letter=str(position),
                title=f"시험 약속 {position:02d}",
            )
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, f'<a href="{area.get_absolute_url()}">')
        self.assertNotContains(response, "시험 약속 01")
        Commitment.objects.filter(position__gt=60).delete()
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, "시험 약속 60")

    def test_seeded_home_page_lists_every_team_without_a_more_link(self):
        base.load_seed()
        response = self.client.get(reverse("directory:home"))
        self.assertEqual(len(response.context["teams"]["divisions"]), 6)
        self.assertNotContains(response, "전체 담당 부서 보기")
        # Every service of the standard is on its team's card.
        self.assertNotContains(response, 'class="card-more"')
        self.assertEqual(
            response.content.decode().count('class="service-name"'),
            Service.objects.count(),
        )


class ServiceDetailTests(base.SeededTestCase):
    def test_shows_name_area_division_phones_then_fax(self):
        response = self.client.get(self.service.get_absolute_url())
        html = response.content.decode()
        self.assertContains(
            response, "<h1>다문화가족 등 이주 배경 자녀 지원</h1>", html=True
        )
        self.assertContains(response, "<title>다문화가족 등 이주 배경 자녀 지원 |")
        self.assertContains(
            response, "2. 이주민 정착 및 지역사회 적응을 위한 이민사회 지원"
        )
        self.assertContains(response, "다문화가족지원 담당")
        first = html.index('href="tel:+82-31-8030-4776">031-8030-4776</a>')
        second = html.index('href="tel:+82-31-8030-4778">031-8030-4778</a>')
        fax = html.index("031-8030-4659")
        self.assertLess(first, second)
        self.assertLess(second, fax)
        self.assertContains(response, "최종 확인일")
        self.assertContains(response, "확인 기록 없음")

    def test_last_verified_date_is_shown(self):
        Service.objects.filter(pk=self.service.pk).update(last_verified="2026-11-02")
        response = self.client.get(self.service.get_absolute_url())
        self.assertContains(response, '<time datetime="2026-11-02">2026-11-02</time>')

    def test_breadcrumbs_link_to_home_and_area(self):
        response = self.client.get(self.service.get_absolute_url())
        self.assertContains(response, '<a href="/">홈</a>', html=True)
        self.assertContains(response, f'href="{self.service.area.get_absolute_url()}"')

    def test_missing_service_is_a_korean_404(self):
        response = self.client.get(reverse("directory:service-detail", args=[99999]))
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "페이지를 찾을 수 없습니다", status_code=404)


class DivisionPageTests(base.SeededTestCase):
    def test_detail_lists_its_services_and_numbers(self):
        response = self.client.get(self.division.get_absolute_url())
        self.assertContains(response, "<h1>다문화가족지원 담당</h1>", html=True)
        for name in ["결혼이민자 지원", "폭력피해이주여성 상담센터 운영"]:
            self.assertContains(response, name)
        self.assertContains(response, 'href="tel:+82-31-8030-4775"')
        self.assertNotContains(response, "이주노동자 행복일터 만들기")

    def test_list_shows_every_division_with_numbers(self):
        response = self.client.get(reverse("directory:division-list"))
        for division in Division.objects.all():
            self.assertContains(response, division.name)
        self.assertContains(response, "031-8030-4662")

    def test_missing_division_is_404(self):
        response = self.client.get(reverse("directory:division-detail", args=[99999]))
        self.assertEqual(response.status_code, 404)


class ServiceIndexTests(base.SeededTestCase):
    def test_groups_services_by_initial_consonant_with_jump_links(self):
        response = self.client.get(reverse("directory:service-list"))
        html = response.content.decode()
        self.assertContains(response, '<a href="#index-ㄱ">ㄱ</a>', html=True)
        self.assertContains(response, '<h2 id="index-ㅍ">ㅍ</h2>', html=True)
        # No service starts with ㅋ: the letter is shown but not a link.
        self.assertContains(
            response, '<span class="empty" aria-disabled="true">ㅋ</span>', html=True
        )
        self.assertLess(
            html.index("결혼이민자 지원"), html.index("포괄적 거버넌스 운영")
        )
        self.assertEqual(html.count('class="tel"'), 20)


class StandardPagesTests(base.SeededTestCase):
    def test_whole_standard_reads_like_the_document(self):
        sector = Sector.objects.get()
        response = self.client.get(sector.get_absolute_url())
        html = response.content.decode()
        order = [
            "<h1>이민사회 분야 행정서비스 이행표준</h1>",
            "1. 이주민 인권증진 및 안정적인 정착 지원",
            "가. 경기도 이주민 정책 수립",
            "외국인종합지원센터를 구축·운영하겠습니다.",
            "비자 개선 등 외국인 정주 유도",
            "2. 이주민 정착 및 지역사회 적응을 위한 이민사회 지원",
            "폭력피해이주여성 상담센터 운영",
        ]
        positions = [html.index(text) for text in order]
        self.assertEqual(positions, sorted(positions))
        self.assertEqual(html.count("<tr>"), 2 + 19)

    def test_area_shows_commitments_pledges_and_service_table(self):
        area = PolicyArea.objects.get(number=2)
        response = self.client.get(area.get_absolute_url())
        self.assertContains(
            response,
            "<h1>2. 이주민 정착 및 지역사회 적응을 위한 이민사회 지원</h1>",
            html=True,
        )
        self.assertContains(response, "나. 이주민 · 고려인동포의 안정적인 정착 지원")
        self.assertContains(response, '<li value="2">고려인동포의 특수성을')
        self.assertContains(response, '<th scope="col">서비스명</th>', html=True)
        self.assertContains(response, "이주민·고려인동포 정착지원")
        self.assertNotContains(response, "외국인SNS기자단 운영")

    def test_a_large_area_is_read_a_page_at_a_time(self):
        from directory.views import AreaDetailView, AreaSheetView

        area = PolicyArea.objects.annotate(n=Count("services")).order_by("-n")[0]
        names = list(
            Service.objects.in_area(area)
            .in_document_order()
            .values_list("name", flat=True)
        )
        self.assertGreater(len(names), 2)
        for view, path in [
            (AreaDetailView, area.get_absolute_url()),
            (AreaSheetView, reverse("directory:area-sheet", args=[area.pk])),
        ]:
            with self.subTest(path=path), patch.object(view, "services_per_page", 2):
                first = self.client.get(path)
                self.assertEqual([s.name for s in first.context["services"]], names[:2])
                self.assertContains(first, 'href="?page=2" rel="next"')
                last = -(-len(names) // 2)
                pages = [self.client.get(path, {"page": n}) for n in range(1, last + 1)]
                self.assertEqual(
                    [s.name for page in pages for s in page.context["services"]],
                    names,
                )
                # Not a page number, or past the end: the nearest page.
                for asked, shown in [("abc", 1), ("0", last), ("999", last)]:
                    page = self.client.get(path, {"page": asked})
                    self.assertEqual(page.status_code, 200)
                    self.assertEqual(page.context["page_obj"].number, shown)

    def test_the_standard_shows_a_large_areas_first_services_and_links_to_all(self):
        from directory.views import SectorDetailView

        sector = Sector.objects.get()
        counts = dict(
            PolicyArea.objects.annotate(n=Count("services")).values_list("pk", "n")
        )
        with patch.object(SectorDetailView, "services_shown", 2):
            response = self.client.get(sector.get_absolute_url())
        html = response.content.decode()
        self.assertEqual(
            html.count("<tr>"), 2 + sum(min(n, 2) for n in counts.values())
        )
        for pk, n in counts.items():
            link = f'<a href="/areas/{pk}/">이 정책분야의 서비스 {n}개 모두 보기</a>'
            self.assertEqual(link in html, n > 2, link)

    def test_an_areas_numbers_come_before_its_commitments(self):
        from directory.views import AreaDetailView

        area = PolicyArea.objects.annotate(n=Count("services")).order_by("-n")[0]
        html = self.client.get(area.get_absolute_url()).content.decode()
        self.assertLess(html.index('href="tel:'), html.index("<h2>이행표준 항목</h2>"))
        # Further pages list the rest of the services, not the commitments again.
        with patch.object(AreaDetailView, "services_per_page", 2):
            second = self.client.get(area.get_absolute_url(), {"page": 2})
        self.assertContains(second, 'href="tel:')
        self.assertNotContains(second, "<h2>이행표준 항목</h2>")

    def test_missing_area_and_sector_are_404(self):
        for name in ["directory:area-detail", "directory:sector-detail"]:
            response = self.client.get(reverse(name, args=[99999]))
            self.assertEqual(response.status_code, 404)
            self.assertContains(response, "페이지를 찾을 수 없습니다", status_code=404)

    def test_unknown_address_is_a_korean_404(self):
        response = self.client.get("/no-such-page/")
        self.assertContains(response, "페이지를 찾을 수 없습니다", status_code=404)


LANGUAGES_SHOWN = (
    '응대 언어: <span lang="ko">한국어</span>, <span lang="en">English</span>, '
    '<span lang="zh-hans">中文</span>'
)


class ContactFactsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.contact = make_contact(
            hours=OFFICE_HOURS, languages=["ko", "en", "zh-hans"], extension="12"
        )
        cls.service = make_service(phones=[cls.contact])

    def test_service_page_shows_hours_and_languages_beside_the_number(self):
        response = self.client.get(self.service.get_absolute_url())
        html = response.content.decode()
        number_at = html.index("031-8030-4652 (내선 12)</a>")
        self.assertLess(number_at, html.index("월–금 09:00–18:00"))
        self.assertContains(response, LANGUAGES_SHOWN)
        self.assertContains(response, 'href="tel:+82-31-8030-4652;ext=12"')

    def test_division_page_shows_hours_and_languages(self):
        response = self.client.get(self.service.division.get_absolute_url())
        self.assertContains(response, "월–금 09:00–18:00")
        self.assertContains(response, LANGUAGES_SHOWN)
