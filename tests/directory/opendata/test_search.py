import json

from django.urls import reverse

from directory.models import HelpLine, Service
from tests.base import SeededTestCase
from tests.directory.search.queries import BOTH_4655, HOSTILE


class SearchApiTests(SeededTestCase):
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

    def test_results_show_phone_fax_and_division(self):
        # A Saturday: the province's offices are closed until Monday 09:00.
        (first, *_rest) = self.get(q="4692", at="2026-12-05T10:00").json()["results"]
        numbers = first.pop("numbers")
        self.assertEqual(numbers[0]["next_open"], "2026-12-07T09:00:00+09:00")
        self.assertEqual(
            (numbers[0]["number"], numbers[0]["languages"], numbers[0]["open_now"]),
            ("031-8030-4692", ["ko"], False),
        )
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

    def test_escapes_markup_in_what_it_echoes(self):
        response = self.get(q="<b>&")
        self.assertIn(b'"query": "\\u003cb\\u003e\\u0026"', response.content)

    def test_results_link_to_pages_in_the_language_asked_for(self):
        marriage = Service.objects.get(name="결혼이민자 지원")
        (first, *_rest) = self.get(q="kết hôn", lang="vi").json()["results"]
        self.assertEqual(first["url"], f"/vi/services/{marriage.pk}/")
        self.assertEqual(first["name"], "결혼이민자 지원")
        self.assertEqual(first["translation"]["name"], marriage.name_vi)
        self.assertNotEqual(marriage.name_vi, marriage.name)

    def test_a_help_line_carries_its_number_like_a_service(self):
        (first, *_rest) = self.get(q="1345", lang="ru").json()["results"]
        self.assertEqual(first["type"], "helpline")
        self.assertEqual(first["name"], "외국인종합안내센터")
        self.assertEqual(first["phones"], ["1345"])
        line = HelpLine.objects.get(number="1345")
        self.assertEqual(first["url"], f"/ru/helplines/#line-{line.pk}")
        self.assertEqual(first["translation"]["lang"], "ru")
