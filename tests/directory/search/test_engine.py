import json
from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test import SimpleTestCase, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from directory.models import (
    Contact,
    Division,
    SearchEntry,
    SearchGram,
    Service,
    Synonym,
)
from directory.search.engine import Search
from directory.search.records import api_records
from directory.search.text import (
    EXACT,
    PART,
    PREFIX,
    WORD,
    from_keyboard,
    initials_of,
    key_grams,
    keyboard_readings,
    search_key,
    typed_number,
)
from directory.signals import index_existing_rows
from standards.models import Pledge

BOTH_4655 = ["외국인종합지원센터 구축", "외국인인권지원센터 운영"]

# (query, the names that must come first, in this order)
FIRST_RESULTS = [
    ("외국인인권", ["외국인인권지원센터 운영"]),
    ("ㄱㄹㅇ", ["이주민·고려인동포 정착지원"]),
    ("ㄱㄱ", ["공공기관 대상 이민사회 홍보교육"]),
    ("4692", ["이주민·고려인동포 정착지원", "이민체류지원 담당"]),
    ("031-8030-4662", ["이주노동자 행복일터 만들기", "이주노동권익 담당"]),
    ("결혼 이민자", ["결혼이민자 지원"]),
    ("8030 4653", ["포괄적 거버넌스 운영"]),
    ("4655", [*BOTH_4655, "이민사회정책 담당"]),
    ("8030-4655", BOTH_4655),
    ("031-8030-4655", BOTH_4655),
    ("0318030 4655", BOTH_4655),
    ("031.8030.4655", BOTH_4655),
    ("+82 31 8030 4655", BOTH_4655),
    ("+82-31-8030-4655", BOTH_4655),
    ("다문화 가족", ["다문화가족지원센터 운영지원"]),
    ("다문화·가족", ["다문화가족지원센터 운영지원"]),
    ("이주민.고려인", ["이주민·고려인동포 정착지원"]),
    ("rhfuddls", ["이주민·고려인동포 정착지원"]),
    ("외국인인권지원센타", ["외국인인권지원센터 운영"]),
    ("이주노동권익", ["이주노동권익 담당", "이주노동자 행복일터 만들기"]),
    ("비자", ["비자 개선 등 외국인 정주 유도"]),
    ("체류", ["비자 개선 등 외국인 정주 유도", "이민체류지원 담당"]),
    ("쉼터", ["폭력피해이주여성 보호시설 운영지원"]),
    ("결혼이민자 지원", ["결혼이민자 지원"]),
    ("이민", ["이민사회 문화소통 축제"]),
    ("SNS", ["외국인SNS기자단 운영"]),
    ("상담", ["폭력피해이주여성 상담센터 운영"]),
    ("거버넌스", ["포괄적 거버넌스 운영"]),
    ("통역", ["이주민 · 고려인동포의 안정적인 정착 지원"]),
]

HOSTILE = [
    "\x00",
    "가\x00나",
    "가" * 5000,
    "%",
    "_",
    "%%__%%",
    "'; DROP TABLE directory_service; --",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "\\",
    "\u202e\u200b",
    "+",
    "+82",
]


class SeededSearchTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("loaddata", "standards", "directory", "synonyms", verbosity=0)

    def names(self, query, limit=20):
        return [result.name for result in Search(query).results(limit=limit)]


class FirstResultTests(SeededSearchTestCase):
    def test_queries_find_the_right_service_first(self):
        for query, expected in FIRST_RESULTS:
            with self.subTest(query=query):
                self.assertEqual(self.names(query)[: len(expected)], expected)

    def test_a_number_returns_every_service_behind_it_and_its_division(self):
        names = self.names("4655")
        self.assertEqual(names, [*BOTH_4655, "이민사회정책 담당"])

    def test_fax_number_finds_every_service_that_uses_it(self):
        self.assertEqual(len(Search("031-8030-4659").results(limit=50)), 19)

    def test_query_of_punctuation_only_finds_nothing(self):
        for query in ["%", "_", "·", "--", "   "]:
            with self.subTest(query=query):
                self.assertEqual(self.names(query), [])

    def test_ties_follow_document_order(self):
        names = self.names("다문화가족 등")
        self.assertEqual(
            names[:2],
            [
                "다문화가족 등 이주배경 가정 특성화사업",
                "다문화가족 등 이주 배경 자녀 지원",
            ],
        )

    def test_names_come_before_divisions_before_the_standard(self):
        kinds = [result.kind for result in Search("고려인").results()]
        self.assertEqual(kinds, ["service", "commitment"])

    def test_keyboard_layout_and_slips_are_reported(self):
        search = Search("rhfuddls")
        self.assertEqual(search.corrected, "고려인")
        self.assertTrue(Search("외국인인권지원센타").approximate)
        self.assertFalse(Search("외국인인권지원센터").approximate)

    def test_slip_is_forgiven_only_in_words_of_four_syllables_or_more(self):
        self.assertEqual(self.names("고러인"), [])

    def test_api_records_say_what_the_result_pages_show(self):
        """The API reads plain values; the pages load models: they agree."""

        def shown(result, language):
            field = "name" if result.kind in ("service", "division") else "title"
            obj, division = result.object, result.division
            with translation.override(language):
                translated = {
                    "lang": language,
                    "name": getattr(obj, field),
                    "division": division.name if division else None,
                }
            return {
                "type": result.kind,
                "name": getattr(obj, f"{field}_ko"),
                "url": result.url,
                "phones": [contact.national for contact in result.phones],
                "fax": result.fax.national if result.fax else None,
                "division": division.name_ko if division else None,
                "translation": translated,
            }

        queries = ["고려인", "4773", "이민사회통합 담당", "인권", "지원", "8030"]
        for query in queries:
            for language in ["en", "ru"]:
                with self.subTest(query=query, language=language):
                    search = Search(query)
                    results = search.results(limit=50)
                    self.assertGreater(len(results), 0)
                    self.assertEqual(
                        api_records(search.best(limit=50), language),
                        [shown(result, language) for result in results],
                    )

    def test_results_show_phone_fax_and_division(self):
        (first, *_rest) = api_records(Search("4692").best())
        self.assertEqual(
            first,
            {
                "type": "service",
                "name": "이주민·고려인동포 정착지원",
                "url": Service.objects.get(
                    name="이주민·고려인동포 정착지원"
                ).get_absolute_url(),
                "phones": ["031-8030-4692"],
                "fax": "031-8030-4659",
                "division": "이민체류지원 담당",
                "translation": None,
            },
        )


def best_records(rows):
    return list(dict.fromkeys(rows))


class SearchGramTests(SeededSearchTestCase):
    def test_pieces_rank_as_the_entries_do(self):
        # Each of these reads from the pieces; the entries give the reference.
        queries = ["상담", "이민", "체류", "통역", "지원", "담당", "ㄱㄱ", "ㅇㅈ"]
        queries += ["고려인", "외국인", "이민자", "정착지", "센터운"]
        queries += ["ㄱㄹㅇ", "ㅇㄱㅇ"]
        for query in queries:
            with self.subTest(query=query):
                search = Search(query)
                ranked = search.ranked()
                self.assertIs(ranked.model, SearchGram)
                expected = best_records(search.ranked(search.entries))
                self.assertTrue(expected)
                self.assertEqual(best_records(ranked), expected)

    def test_longer_queries_and_other_scripts_read_the_entries(self):
        for query in ["고려인동포", "상", "sn", "12", "sns", "ㄱㄹㅇㄷ", "고려ㅇ"]:
            with self.subTest(query=query):
                self.assertIs(Search(query).ranked().model, SearchEntry)

    def test_keyboard_reading_of_two_syllables_reads_the_pieces(self):
        search = Search("tkdeka")
        (first, *_rest) = search.results()
        self.assertEqual(first.name, "폭력피해이주여성 상담센터 운영")
        self.assertEqual(search.corrected, "상담")
        self.assertIs(search.ranked().model, SearchGram)

    def test_renamed_service_has_the_pieces_of_its_new_name(self):
        service = Service.objects.get(name="결혼이민자 지원")
        service.name = "국제결혼 가정 쉼표"
        service.save()
        self.assertEqual(self.names("쉼표"), ["국제결혼 가정 쉼표"])
        self.assertNotIn("국제결혼 가정 쉼표", self.names("이민"))
        service.delete()
        self.assertFalse(SearchGram.objects.filter(object_id=service.pk).exists())

    def test_migrate_indexes_entries_anew_when_their_pieces_are_missing(self):
        grams = sorted(SearchGram.objects.values_list("object_id", "gram", "tier"))
        SearchGram.objects.all().delete()
        index_existing_rows(sender=None, using="default")
        after = sorted(SearchGram.objects.values_list("object_id", "gram", "tier"))
        self.assertEqual(after, grams)
        self.assertEqual(self.names("상담")[0], "폭력피해이주여성 상담센터 운영")

    def test_fallback_ranks_each_reading_once(self):
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.names("rhfuddls")[0], "이주민·고려인동포 정착지원")
        searched = [q for q in queries if "directory_search" in q["sql"]]
        # As typed, then its readings 고령인 (no match) and 고려인: no separate
        # test of whether a reading matches before it is ranked.
        self.assertEqual(len(searched), 3)


class IndexMaintenanceTests(SeededSearchTestCase):
    def test_fixtures_are_indexed(self):
        services = SearchEntry.objects.filter(kind="service")
        self.assertEqual(services.values("object_id").distinct().count(), 19)
        # Each text once in Korean and once in each of the four translations.
        self.assertEqual(
            SearchEntry.objects.filter(kind="division", service=None).count(), 6 * 5
        )
        self.assertEqual(
            SearchEntry.objects.filter(kind="commitment").count(), (7 + 13) * 5
        )
        self.assertEqual(SearchEntry.objects.filter(kind="area").count(), 2 * 5)

    def test_renamed_service_is_found_by_its_new_name(self):
        service = Service.objects.get(name="결혼이민자 지원")
        service.name = "국제결혼 가정 정착 지원"
        service.save()
        self.assertEqual(self.names("국제결혼 가정")[0], "국제결혼 가정 정착 지원")
        self.assertNotIn("결혼이민자 지원", self.names("결혼이민자"))

    def test_renamed_division_is_found_by_its_former_name(self):
        division = Division.objects.get(name="이민체류지원 담당")
        division.name = "외국인주민 정착 담당"
        division.former_names = "이민체류지원 담당\n체류관리 담당"
        division.save()
        self.assertEqual(self.names("이민체류지원")[0], "외국인주민 정착 담당")
        self.assertEqual(self.names("체류관리")[0], "외국인주민 정착 담당")
        self.assertIn("이주민 지역사회 적응지원", self.names("외국인주민 정착"))

    def test_changed_number_is_found_and_the_old_one_is_not(self):
        contact = Contact.objects.get(number="031-8030-4692")
        contact.number = "031-8030-4699"
        contact.save()
        self.assertEqual(self.names("4699")[0], "이주민·고려인동포 정착지원")
        self.assertEqual(self.names("4692"), [])

    def test_removed_phone_link_and_deleted_service_leave_no_entry(self):
        service = Service.objects.get(name="결혼이민자 지원")
        service.service_phones.all().delete()
        self.assertEqual(
            self.names("031-8030-4773"),
            ["다문화가족 등 이주배경 가정 특성화사업", "다문화가족지원 담당"],
        )
        pk = service.pk
        service.delete()
        self.assertFalse(SearchEntry.objects.filter(service_id=pk).exists())

    def test_pledge_edits_reach_the_commitment(self):
        pledge = Pledge.objects.get(text__startswith="포괄적 거버넌스를")
        pledge.text = "협치 위원회를 운영하겠습니다."
        pledge.save()
        self.assertEqual(self.names("협치 위원회"), [pledge.commitment.title])
        pledge.commitment.pledges.all().delete()
        self.assertEqual(self.names("협치 위원회"), [])

    def test_synonyms_edited_by_staff_apply_at_once(self):
        self.assertEqual(self.names("외국인 축제 한마당"), [])
        Synonym.objects.create(term="문화소통", synonym="외국인 축제 한마당")
        self.assertEqual(self.names("외국인 축제 한마당")[0], "이민사회 문화소통 축제")

    def test_rebuild_after_a_bulk_load_gives_the_same_entries(self):
        before = sorted(SearchEntry.objects.values_list("kind", "object_id", "key"))
        grams = sorted(SearchGram.objects.values_list("object_id", "gram", "tier"))
        SearchEntry.objects.all().delete()
        self.assertFalse(SearchGram.objects.exists())
        out = StringIO()
        call_command("rebuild_search_index", stdout=out)
        self.assertIn(f"검색 색인을 다시 만들었습니다: {len(before)}건", out.getvalue())
        after = sorted(SearchEntry.objects.values_list("kind", "object_id", "key"))
        self.assertEqual(after, before)
        after = sorted(SearchGram.objects.values_list("object_id", "gram", "tier"))
        self.assertEqual(after, grams)


class NormalisationTests(SimpleTestCase):
    def test_spacing_punctuation_and_case_never_count(self):
        for text in [
            "다문화 가족",
            "다문화·가족",
            "다문화․가족",
            "다문화.가족",
            "다문화-가족",
        ]:
            self.assertEqual(search_key(text), "다문화가족")
        self.assertEqual(search_key("외국인ＳＮＳ ０３１"), "외국인sns031")

    def test_initial_consonants(self):
        self.assertEqual(
            initials_of(search_key("이주민·고려인동포")), "ㅇㅈㅁㄱㄹㅇㄷㅍ"
        )

    def test_english_keyboard_layout_reads_as_hangul(self):
        self.assertEqual(from_keyboard("dhlrnrdls"), "외국인")
        self.assertEqual(from_keyboard("ekansghkrkwhr"), "다문화가족")
        self.assertEqual(from_keyboard("wjdckrwldnjs"), "정착지원")
        self.assertEqual(from_keyboard("RkcL"), "까치")
        self.assertEqual(keyboard_readings("rhfuddls"), ["고령인", "고려인"])
        self.assertEqual(from_keyboard("abc1"), "")

    def test_pieces_of_a_key_and_how_well_they_match(self):
        self.assertEqual(
            key_grams("청소년주거", " 청소년 주거 ", "ㅊㅅㄴㅈㄱ"),
            {
                "ㅊㅅ": PREFIX,
                "ㅊㅅㄴ": PREFIX,
                "ㅅㄴㅈ": PART,
                "ㄴㅈㄱ": PART,
                "청소": PREFIX,
                "소년": PART,
                "년주": PART,
                "주거": WORD,
                "청소년": PREFIX,
                "소년주": PART,
                "년주거": PART,
            },
        )
        self.assertEqual(
            key_grams("상담", " 상담 ", "ㅅㄷ"), {"ㅅㄷ": EXACT, "상담": EXACT}
        )
        self.assertEqual(
            key_grams("외국인", " 외국인 ", "ㅇㄱㅇ"),
            {"ㅇㄱ": PREFIX, "ㅇㄱㅇ": EXACT, "외국": PREFIX, "국인": PART}
            | {"외국인": EXACT},
        )
        self.assertEqual(
            key_grams("지원센터지원", " 센터 지원 ", ""),
            {"지원": PREFIX, "원센": PART, "센터": WORD, "터지": PART, "지원센": PREFIX}
            | {"원센터": PART, "센터지": PART, "터지원": PART},
        )
        self.assertEqual(
            key_grams("sns기자단", " sns 기자단 ", "snsㄱㅈㄷ"),
            {"기자": PART, "자단": PART, "기자단": WORD, "ㄱㅈㄷ": PART},
        )

    def test_phone_numbers_in_any_form(self):
        for text in [
            "031-8030-4655",
            "0318030 4655",
            "031.8030.4655",
            "+82 31 8030 4655",
            "+82-31-8030-4655",
        ]:
            self.assertEqual(typed_number(text), "03180304655")
        self.assertEqual(typed_number("8030 4655"), "80304655")
        self.assertEqual(typed_number("12"), "")
        self.assertEqual(typed_number("고려인 4655"), "")


class SearchApiTests(SeededSearchTestCase):
    url = "/api/v1/search"

    def get(self, **params):
        return self.client.get(self.url, params)

    def test_answers_at_the_exact_address(self):
        self.assertEqual(reverse("api-v1:search"), self.url)

    def test_returns_ranked_results_with_numbers(self):
        response = self.get(q="4655")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        data = response.json()
        self.assertEqual(data["query"], "4655")
        self.assertEqual(data["count"], 3)
        self.assertEqual(
            [r["name"] for r in data["results"]], [*BOTH_4655, "이민사회정책 담당"]
        )
        self.assertEqual(data["results"][0]["phones"], ["031-8030-4655"])
        self.assertEqual(data["results"][2]["type"], "division")

    def test_limit(self):
        self.assertEqual(self.get(q="지원", limit=3).json()["count"], 3)
        self.assertEqual(self.get(q="지원", limit=0).status_code, 400)
        self.assertEqual(self.get(q="지원", limit="x").status_code, 400)

    def test_invalid_input_is_a_json_400(self):
        for params in [{}, {"q": ""}, {"q": "가" * 101}, {"q": "\x00"}]:
            with self.subTest(params=params):
                response = self.get(**params)
                self.assertEqual(response.status_code, 400)
                self.assertIn("q", response.json()["errors"])

    def test_hostile_input_never_fails_or_reflects_markup(self):
        for query in HOSTILE:
            with self.subTest(query=query[:20]):
                response = self.get(q=query)
                self.assertIn(response.status_code, (200, 400))
                self.assertNotIn(b"<script>", response.content)
                self.assertNotIn(b"<img", response.content)
                json.loads(response.content)

    def test_unmatched_percent_does_not_match_everything(self):
        self.assertEqual(self.get(q="%").json()["count"], 0)


class SearchPageTests(SeededSearchTestCase):
    def search(self, **params):
        return self.client.get(reverse("directory:search"), params)

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

    def test_filters_offer_counts(self):
        response = self.search(q="4655")
        self.assertContains(response, "이민사회정책 담당 (3)")
        self.assertContains(response, "서비스 (2)")

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
        self.assertEqual(response.context["sections"], [])
        self.assertNotContains(response, "잘못된 필터 값")
        self.assertContains(response, 'class="filters"')

    def test_correction_is_announced(self):
        response = self.search(q="rhfuddls")
        self.assertContains(response, "“고려인” 검색 결과")
        self.assertContains(response, "이주민·고려인동포 정착지원")

    def test_form_has_suggestion_hooks_and_works_without_javascript(self):
        response = self.client.get(reverse("directory:home"))
        self.assertContains(response, 'data-suggest-url="/api/v1/search"')
        self.assertContains(response, 'role="listbox"')
        self.assertContains(response, 'action="/search/"')


class PostgresTrigramTests(TestCase):
    def test_database_splits_hangul_into_trigrams(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")
        with connection.cursor() as cursor:
            # Under LC_CTYPE=C Hangul is no letter: no trigrams, no index use.
            cursor.execute("SELECT cardinality(show_trgm('가족지원'))")
            (count,) = cursor.fetchone()
        self.assertEqual(count, 5)

    def test_planner_knows_the_directory_is_in_memory(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")
        with connection.cursor() as cursor:
            cursor.execute("SHOW random_page_cost")
            (cost,) = cursor.fetchone()
        # At the default of 4, a team's numbers were joined by scanning
        # every service phone and every contact (see config/settings.py).
        self.assertEqual(float(cost), 1.1)

    def test_test_database_is_created_in_an_explicit_locale(self):
        if connection.vendor != "postgresql":
            self.skipTest("PostgreSQL only")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT datctype, datcollate, pg_encoding_to_char(encoding) "
                "FROM pg_database WHERE datname = current_database()"
            )
            self.assertEqual(cursor.fetchone(), ("C.UTF-8", "C.UTF-8", "UTF8"))
        creation = connection.creation_class(connection)
        suffix = creation.sql_table_creation_suffix()
        self.assertIn("LC_CTYPE 'C.UTF-8'", suffix)
        self.assertIn('TEMPLATE "template0"', suffix)
