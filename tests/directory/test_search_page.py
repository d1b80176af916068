"""The search page: results of every kind, the filters beside them, and
input it refuses."""

from collections import Counter
from unittest.mock import patch

from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from directory.forms import SearchFilter
from directory.models import Division, HelpLine, Service
from directory.views import SearchView
from standards.models import PolicyArea
from tests import base
from tests.directory.search.queries import HOSTILE
from tests.factories import OFFICE_HOURS, make_area, make_division, make_service


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

    def test_unfiltered_results_are_the_apis_and_counted_once(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from directory.search.ordering import best_for_text

        with CaptureQueriesContext(connection) as statements:
            response = self.search(q="지원")
        counts = [sql for sql in (q["sql"] for q in statements) if "COUNT(" in sql]
        self.assertEqual(len(counts), 1)
        results = response.context["results"]
        self.assertEqual(
            [r.url for r in results],
            [r.url for r in best_for_text("지원", len(results), "ko")],
        )
        self.assertGreater(response.context["count"], len(results) // 2)

    def test_a_filtered_count_is_the_filters_choice_count(self):
        area = PolicyArea.objects.get(number=2)
        everything = self.search(q="지원")
        offered = dict(everything.context["search_filter"].form["area"].field.choices)
        label = str(offered[area.pk])
        response = self.search(q="지원", area=area.pk)
        self.assertTrue(label.endswith(f"({response.context['count']})"), label)
        self.assertLess(response.context["count"], everything.context["count"])

    def test_a_partial_match_counts_and_filters_its_best_records_alone(self):
        from directory.search.engine import matches
        from directory.search.ordering import best_for_text

        query = "지원 우주여행"
        attempt, entries = matches(query)
        self.assertTrue(attempt.weak)
        matched = set(entries.values_list("kind", "object_id"))
        # Fewer shown than match: the seeded directory is small.
        with patch.object(SearchView, "results_shown", 5):
            response = self.search(q=query)
        results = response.context["results"]
        self.assertEqual(len(results), 5)
        self.assertGreater(len(matched), len(results))
        self.assertEqual(response.context["count"], len(results))
        self.assertEqual(
            [r.url for r in results],
            [r.url for r in best_for_text(query, len(results), "ko")],
        )
        # A filter narrows the records shown: its menu counts them alone.
        menu = response.context["search_filter"].form["area"].field.choices
        [(area, label), *_others] = [(v, label) for v, label in menu if v]
        in_area = int(label.rsplit("(", 1)[1].rstrip(")"))
        self.assertLessEqual(in_area, len(results))
        with patch.object(SearchView, "results_shown", 5):
            filtered = self.search(q=query, area=area.value)
        self.assertEqual(filtered.context["count"], in_area)
        self.assertLessEqual(
            {r.url for r in filtered.context["results"]}, {r.url for r in results}
        )

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

    def test_counts_in_the_menus_are_grouped_in_the_pages_language(self):
        first = make_area()
        second = make_area(sector=first.sector, number=2, title="둘째 분야")
        facets = {"area": Counter({first.pk: 71018, second.pk: 3})}
        for language, label in [("ko", "(71,018)"), ("vi", "(71.018)")]:
            with self.subTest(language=language), translation.override(language):
                form = SearchFilter({}, facets=facets).form
                labels = [str(label) for _value, label in form["area"].field.choices]
                self.assertIn(f"{first} {label}", labels)
                self.assertIn(f"{second} (3)", labels)
