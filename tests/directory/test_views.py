from django.test import TestCase
from django.urls import reverse

from directory.models import Division, HelpLine, Service
from standards.models import Commitment, PolicyArea, Sector
from tests import base
from tests.directory.search.queries import HOSTILE
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


class SearchFilterScaleTests(TestCase):
    def test_a_long_menu_offers_the_choices_with_most_results(self):
        area = make_area()
        teams = []
        for position in range(1, 33):
            team = make_division(
                sector=area.sector, name=f"상담{position:02d} 담당", position=position
            )
            teams.append(team)
            # The first two teams have one result each, the others two.
            for n in range(1 if position <= 2 else 2):
                make_service(
                    area=area,
                    division=team,
                    name=f"외국인 상담 {position:02d}-{n}",
                    position=position * 10 + n,
                )
        url = reverse("directory:search")
        response = self.client.get(url, {"q": "외국인 상담"})
        division = response.context["search_filter"].form["division"]
        offered = {int(str(value)) for value, _label in division.field.choices if value}
        self.assertEqual(offered, {team.pk for team in teams[2:]})
        html = response.content.decode()
        self.assertIn("상담03 담당 (2)", html)
        self.assertNotIn("상담01 담당 (1)", html)
        self.assertInHTML(
            '<p class="help" id="id_division_helptext">결과가 많은 30개만 보입니다'
            "(전체 32개). 분야나 정책분야를 먼저 고르면 좁혀집니다.</p>",
            html,
        )
        self.assertIn('aria-describedby="id_division_helptext"', html)
        # A team outside the menu can still be the filter in use.
        response = self.client.get(url, {"q": "외국인 상담", "division": teams[0].pk})
        self.assertNotContains(response, "잘못된 필터 값")
        self.assertEqual(
            [s.name for s in response.context["services"]], ["외국인 상담 01-0"]
        )
        self.assertContains(response, "상담01 담당 (1)")


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

    def test_missing_area_and_sector_are_404(self):
        for name in ["directory:area-detail", "directory:sector-detail"]:
            response = self.client.get(reverse(name, args=[99999]))
            self.assertEqual(response.status_code, 404)
            self.assertContains(response, "페이지를 찾을 수 없습니다", status_code=404)

    def test_unknown_address_is_a_korean_404(self):
        response = self.client.get("/no-such-page/")
        self.assertContains(response, "페이지를 찾을 수 없습니다", status_code=404)


class SearchPageTests(base.SeededTestCase):
    def search(self, **params):
        return self.client.get(reverse("directory:search"), params)

    def test_finds_goryeoin_in_names_and_the_standard(self):
        response = self.search(q="고려인")
        self.assertContains(response, "이주민·고려인동포 정착지원")
        self.assertContains(response, "이주민 · 고려인동포의 안정적인 정착 지원")
        self.assertContains(response, 'href="tel:+82-31-8030-4692"')

    def test_finds_service_by_phone_digits(self):
        response = self.search(q="4692")
        results = response.context["services"]
        self.assertEqual([s.name for s in results], ["이주민·고려인동포 정착지원"])

    def test_finds_by_division_name(self):
        response = self.search(q="이주노동권익")
        self.assertEqual(
            [s.name for s in response.context["services"]],
            ["이주노동자 행복일터 만들기", "외국인SNS기자단 운영"],
        )

    def test_filters_by_area_and_division(self):
        area = PolicyArea.objects.get(number=2)
        response = self.search(q="지원", area=area.pk, division=self.division.pk)
        names = {s.name for s in response.context["services"]}
        self.assertIn("결혼이민자 지원", names)
        self.assertNotIn("외국인 우수인재 유치 지원", names)
        self.assertNotIn("이주민·고려인동포 정착지원", names)

    def test_invalid_filter_is_ignored_with_a_notice(self):
        response = self.search(q="지원", area="abc", division="99999")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "잘못된 필터 값은 무시했습니다.")
        self.assertIn("결혼이민자 지원", {s.name for s in response.context["services"]})

    def test_empty_query_shows_divisions_to_browse(self):
        response = self.search(q="")
        self.assertContains(response, "목록에서 찾기")
        self.assertContains(response, "031-8030-4772")

    def test_no_result_explains_and_offers_browsing(self):
        response = self.search(q="우주여행")
        self.assertContains(response, "“우주여행”에 해당하는 서비스가 없습니다.")
        self.assertContains(response, "이민사회정책 담당")

    def test_too_long_query_gets_a_korean_message(self):
        response = self.search(q="가" * 101)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "100자 이내로 입력하세요.")

    def test_hostile_input_is_escaped_and_control_characters_dropped(self):
        response = self.search(q="<script>alert(1)</script>\x00%_")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<script>alert(1)</script>")
        self.assertContains(response, "&lt;script&gt;")
        self.assertNotContains(response, "\x00")

    def test_hostile_input_never_fails_or_reflects_markup(self):
        for query in HOSTILE:
            with self.subTest(query=query[:20]):
                response = self.search(q=query)
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "<script>alert")
                self.assertNotContains(response, "<img src=x")

    def test_results_show_the_number_and_division_in_place(self):
        response = self.search(q="외국인인권")
        self.assertContains(response, 'href="tel:+82-31-8030-4655"')
        self.assertContains(response, "이민사회정책 담당")

    def test_filters_offer_counts_and_hide_a_single_choice(self):
        response = self.search(q="4655")
        self.assertContains(response, "서비스 (2)")
        self.assertContains(response, "담당 부서 (1)")
        # Every result is the same team's: a team menu would offer one choice.
        self.assertNotContains(response, 'name="division"')
        self.assertNotContains(response, "---------")

    def test_type_filter(self):
        response = self.search(q="4655", type="division")
        self.assertEqual(response.context["services"], [])
        self.assertContains(response, "담당 부서 (1)")

    def test_no_result_offers_browsing_without_empty_filters(self):
        response = self.search(q="우주여행")
        self.assertNotContains(response, 'class="filters"')
        self.assertContains(response, "목록에서 찾기")

    def test_filters_stay_when_they_emptied_the_results(self):
        first_area = Service.objects.get(name="포괄적 거버넌스 운영").area
        second_division = Division.objects.get(name="다문화가족지원 담당")
        response = self.search(
            q="지원", area=first_area.pk, division=second_division.pk
        )
        self.assertEqual(response.context["results"], [])
        self.assertNotContains(response, "잘못된 필터 값")
        self.assertContains(response, 'class="filters"')

    def test_results_show_extension_and_hours_beside_the_number(self):
        contact = self.service.phones_in_order[0]
        contact.extension, contact.hours = "123", OFFICE_HOURS
        contact.save()
        response = self.search(q=self.service.name)
        self.assertContains(response, f'href="{contact.tel_uri}"')
        self.assertContains(response, contact.label)
        self.assertContains(
            response, '<span class="hours">월–금 09:00–18:00; 공휴일 휴무</span>'
        )

    def test_the_best_match_comes_first_whatever_its_kind(self):
        visa = self.search(q="비자")
        results = visa.context["results"]
        self.assertEqual(results[0].name, "외국인종합안내센터")
        self.assertIn("service", {result.kind for result in results})
        # The line's number is there to call, before the services, and its
        # link leads to its own place on the help lines page.
        page = visa.content.decode()
        self.assertLess(
            page.index('href="tel:1345"'), page.index('class="result result-service"')
        )
        line = HelpLine.objects.get(number="1345")
        self.assertEqual(results[0].url, f"/helplines/#line-{line.pk}")
        # A service's name puts that service first, not a section of lines.
        named = self.search(q="결혼이민자 지원")
        self.assertEqual(named.context["results"][0].kind, "service")

    def test_correction_is_announced(self):
        response = self.search(q="rhfuddls")
        self.assertContains(response, "“고려인” 검색 결과")
        self.assertContains(response, "이주민·고려인동포 정착지원")

    def test_form_has_suggestion_hooks_and_works_without_javascript(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, 'data-suggest-url="/api/v1/search"')
        self.assertContains(response, 'role="listbox"')
        self.assertContains(response, 'action="/search/"')


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


PREFIXES = {"ko": "", "en": "/en", "zh-hans": "/zh-hans", "vi": "/vi", "ru": "/ru"}


class SayItInKoreanTests(base.SeededTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.service = Service.objects.get(name="결혼이민자 지원")
        cls.path = f"/services/{cls.service.pk}/"

    def test_translated_service_page_has_a_card_in_korean_with_the_number(self):
        response = self.client.get("/vi" + self.path)
        self.assertContains(response, "Đưa cho người nói tiếng Hàn xem")
        self.assertContains(response, '<div lang="ko">')
        self.assertContains(response, "이 서비스에 대해 문의하고 싶습니다.")
        self.assertContains(response, '<p class="korean-name">결혼이민자 지원</p>')
        self.assertContains(
            response, f'<p class="korean-team">{self.service.division.name_ko}</p>'
        )
        number = self.service.phones_in_order[0].international
        self.assertTrue(number.startswith("+82 31-"))
        self.assertContains(response, f">{number}</a>")

    def test_translated_names_come_with_the_korean_names_beside_them(self):
        response = self.client.get("/en" + self.path)
        self.assertContains(
            response,
            '<h1>Support for Marriage Migrants <span class="korean-text" lang="ko">'
            "결혼이민자 지원</span></h1>",
            html=True,
        )
        self.assertContains(
            response,
            'Multicultural Family Support Team <span class="korean-text" lang="ko">'
            "다문화가족지원 담당</span>",
        )
        self.assertContains(response, "<title>Support for Marriage Migrants |")
        self.assertContains(response, '<meta property="og:locale" content="en_US">')
        response = self.client.get("/zh-hans" + self.path)
        self.assertContains(response, '<meta property="og:locale" content="zh_CN">')

    def test_every_language_shows_its_own_names(self):
        area = self.service.area
        for prefix, service_name, area_title in [
            ("/zh-hans", "结婚移民者支援", area.title_zh_hans),
            ("/vi", "Hỗ trợ người nhập cư kết hôn", area.title_vi),
            ("/ru", "Поддержка брачных мигрантов", area.title_ru),
        ]:
            with self.subTest(prefix=prefix):
                response = self.client.get(prefix + self.path)
                self.assertContains(response, service_name)
                self.assertContains(response, area_title)
                response = self.client.get(f"{prefix}/areas/{area.pk}/")
                self.assertContains(response, f"<h1>{area.number}. {area_title}")
                self.assertContains(response, service_name)

    def test_a_missing_translation_falls_back_to_korean_marked_as_korean(self):
        Service.objects.filter(pk=self.service.pk).update(name_en=None)
        response = self.client.get("/en" + self.path)
        self.assertContains(response, '<h1><span lang="ko">결혼이민자 지원</span></h1>')
        response = self.client.get("/en/services/")
        self.assertContains(response, '<span lang="ko">결혼이민자 지원</span>')

    def test_korean_pages_show_only_the_korean_names(self):
        response = self.client.get(self.path)
        self.assertContains(response, "<h1>결혼이민자 지원</h1>")
        self.assertNotContains(response, "Support for Marriage Migrants")
        self.assertNotContains(response, "korean-text")

    def test_translated_pages_say_the_korean_text_is_official(self):
        response = self.client.get("/ru/")
        self.assertContains(response, "Официальным является текст на корейском")

    def test_korean_pages_have_neither_card_nor_notice(self):
        response = self.client.get(self.path)
        self.assertNotContains(response, "korean-card")
        self.assertNotContains(response, "translation-notice")
