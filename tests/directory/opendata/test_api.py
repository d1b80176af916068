import datetime

from django.conf import settings
from django.db.models import Count
from django.test import TestCase
from django.utils import timezone

from directory.models import Division, Service
from tests.base import SeededTestCase
from tests.factories import (
    make_area,
    make_commitment,
    make_contact,
    make_division,
    make_pledge,
    make_sector,
    make_service,
)


class ApiTestData:
    @classmethod
    def setUpTestData(cls):
        cls.sector = make_sector(name="이민사회")
        cls.area = make_area(sector=cls.sector)
        cls.other_area = make_area(sector=cls.sector, number=2, title="이민사회 지원")
        cls.commitment = make_commitment(area=cls.area)
        make_pledge(commitment=cls.commitment)
        cls.division = make_division(sector=cls.sector)
        cls.other_division = make_division(
            sector=cls.sector, name="외국인정책 담당", position=2
        )
        cls.fax = make_contact("031-8030-4659", kind="fax")
        cls.service = make_service(
            area=cls.area,
            division=cls.division,
            phones=("031-8030-4652", "031-8030-4653"),
            fax=cls.fax,
        )
        cls.service.commitments.add(cls.commitment)
        cls.other_service = make_service(
            area=cls.other_area,
            division=cls.other_division,
            name="외국인주민 지원",
            phones=("031-8030-4655",),
        )


class ApiListTests(ApiTestData, TestCase):
    def get(self, path, **params):
        return self.client.get(f"/api/v1/{path}", params)

    def test_every_list_is_paginated_json(self):
        for path in ["services", "divisions", "areas", "commitments", "contacts"]:
            with self.subTest(path=path):
                response = self.get(path)
                self.assertEqual(response.status_code, 200)
                data = response.json()
                self.assertEqual(list(data), ["count", "next", "previous", "results"])
                self.assertEqual(data["count"], len(data["results"]))
        self.assertEqual(self.get("sectors").json()["results"][0]["name"], "이민사회")

    def test_service_carries_its_division_phones_and_fax(self):
        service = self.get("services").json()["results"][0]
        self.assertEqual(service["name"], "이주민 정책 기본계획 수립")
        self.assertEqual(service["division"]["name"], "이민사회정책 담당")
        self.assertEqual(
            [phone["number"] for phone in service["phones"]],
            ["031-8030-4652", "031-8030-4653"],
        )
        self.assertEqual(service["phones"][0]["e164"], "+823180304652")
        self.assertEqual(service["fax"]["number"], "031-8030-4659")
        self.assertEqual(service["commitments"], [self.commitment.pk])
        self.assertTrue(service["url"].endswith(f"/services/{self.service.pk}/"))

    def test_pages_link_to_each_other(self):
        data = self.get("services", page_size=1).json()
        self.assertEqual(data["count"], 2)
        self.assertIsNone(data["previous"])
        second = self.client.get(data["next"]).json()
        self.assertEqual(second["results"][0]["name"], "외국인주민 지원")
        self.assertIsNone(second["next"])
        self.assertIsNotNone(second["previous"])

    def test_filters_by_sector_area_and_division(self):
        def names(**params):
            return [s["name"] for s in self.get("services", **params).json()["results"]]

        self.assertEqual(len(names(sector=self.sector.pk)), 2)
        self.assertEqual(names(area=self.other_area.pk), ["외국인주민 지원"])
        self.assertEqual(names(division=self.division.pk), [self.service.name])
        contacts = self.get("contacts", division=self.division.pk).json()
        self.assertEqual(contacts["count"], 3)
        divisions = self.get("divisions", area=self.other_area.pk).json()
        self.assertEqual([d["name"] for d in divisions["results"]], ["외국인정책 담당"])

    def test_updated_since_uses_the_history(self):
        past = timezone.now() - datetime.timedelta(days=1)
        Service.history.filter(id=self.other_service.pk).update(history_date=past)
        since = (past + datetime.timedelta(hours=1)).isoformat()
        data = self.get("services", updated_since=since).json()
        self.assertEqual([s["id"] for s in data["results"]], [self.service.pk])
        self.assertEqual(
            self.get("services", updated_since="2000-01-01").json()["count"], 2
        )
        # An offset PostgreSQL would refuse is read as the same time in UTC.
        late = self.get("services", updated_since="7171-12-21T05:28:37-22:13")
        self.assertEqual(late.json()["count"], 0)

    def test_lang_chooses_the_language(self):
        response = self.get("services", lang="ko")
        self.assertEqual(response["Content-Language"], "ko")

    def test_invalid_filters_are_a_json_400_with_the_reason(self):
        cases = [
            {"sector": "x"},
            {"area": 99999},
            {"division": -1},
            {"updated_since": "yesterday"},
            {"updated_since": "9999-12-31T23:59:59-12:00"},
            {"lang": "xx"},
            {"page_size": 1000},
        ]
        for params in cases:
            with self.subTest(params=params):
                response = self.get("services", **params)
                self.assertEqual(response.status_code, 400)
                self.assertIn(next(iter(params)), response.json()["errors"])

    def test_page_past_the_end_is_a_json_404(self):
        response = self.get("services", page=9)
        self.assertEqual(response.status_code, 404)
        self.assertIn("detail", response.json())


class SeededListTests(SeededTestCase):
    def walk(self, path, **params):
        """Every record of a list, page after page."""
        found, url = [], f"/api/v1/{path}"
        while url:
            data = self.client.get(url, params).json()
            found += data["results"]
            url, params = data["next"], {}
        return found

    def test_walking_the_pages_gives_every_record_once_in_document_order(self):
        services = self.walk("services", page_size=4)
        self.assertEqual(
            [s["name"] for s in services],
            list(Service.objects.in_document_order().values_list("name", flat=True)),
        )
        # Each page carries its records whole: numbers and team.
        first = Service.objects.in_document_order().first()
        self.assertEqual(
            [p["number"] for p in services[0]["phones"]],
            [str(c.label) for c in first.phones_in_order],
        )

    def test_a_team_with_several_services_in_an_area_is_listed_once(self):
        division = Division.objects.annotate(n=Count("services")).filter(n__gt=1)[0]
        area = division.services.first().area
        self.assertGreater(division.services.filter(area=area).count(), 1)
        names = [d["name"] for d in self.walk("divisions", area=area.pk, page_size=2)]
        self.assertEqual(names.count(division.name), 1)
        self.assertEqual(len(names), len(set(names)))


class ApiDetailTests(ApiTestData, TestCase):
    def test_every_detail(self):
        cases = {
            "services": self.service.pk,
            "divisions": self.division.pk,
            "areas": self.area.pk,
            "commitments": self.commitment.pk,
            "contacts": self.fax.pk,
            "sectors": self.sector.pk,
        }
        for path, pk in cases.items():
            with self.subTest(path=path):
                response = self.client.get(f"/api/v1/{path}/{pk}")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.json()["id"], pk)

    def test_invalid_id_is_a_json_400(self):
        for pk in ["0", "x", "1.5"]:
            with self.subTest(pk=pk):
                response = self.client.get(f"/api/v1/services/{pk}")
                self.assertEqual(response.status_code, 400)
                self.assertIn("pk", response.json()["errors"])

    def test_unknown_id_is_a_json_404(self):
        response = self.client.get("/api/v1/services/99999")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        self.assertIn("detail", response.json())

    def test_commitment_lists_its_pledges(self):
        data = self.client.get(f"/api/v1/commitments/{self.commitment.pk}").json()
        self.assertEqual(data["pledges"][0]["text"], "이주민 정책을 수립하겠습니다.")


class ApiHttpTests(ApiTestData, TestCase):
    url = "/api/v1/services"

    def test_etag_and_last_modified_answer_304(self):
        response = self.client.get(self.url)
        self.assertIn("ETag", response)
        self.assertIn("Last-Modified", response)
        again = self.client.get(self.url, HTTP_IF_NONE_MATCH=response["ETag"])
        self.assertEqual(again.status_code, 304)
        since = self.client.get(
            self.url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
        )
        self.assertEqual(since.status_code, 304)

    def test_a_change_changes_the_etag(self):
        etag = self.client.get(self.url)["ETag"]
        self.service.name = "이주민 정책 수립"
        self.service.save()
        response = self.client.get(self.url, HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(response.status_code, 200)

    def test_cached_response_still_answers_304(self):
        etag = self.client.get(self.url)["ETag"]
        self.assertEqual(self.client.get(self.url).status_code, 200)
        response = self.client.get(self.url, HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(response.status_code, 304)

    def test_cors_allows_reading_from_any_site(self):
        response = self.client.get(self.url, HTTP_ORIGIN="https://example.org")
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        preflight = self.client.options(
            self.url,
            HTTP_ORIGIN="https://example.org",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        )
        self.assertEqual(preflight.status_code, 200)
        self.assertNotIn("POST", preflight["Access-Control-Allow-Methods"])

    def test_cors_is_limited_to_open_data(self):
        response = self.client.get("/", HTTP_ORIGIN="https://example.org")
        self.assertNotIn("Access-Control-Allow-Origin", response)

    def test_writes_are_refused(self):
        self.assertEqual(self.client.post(self.url).status_code, 405)

    def test_licence_is_linked(self):
        self.assertIn('rel="license"', self.client.get(self.url)["Link"])


class OpenApiTests(TestCase):
    def test_document_describes_every_endpoint(self):
        document = self.client.get("/api/v1/openapi.json").json()
        self.assertTrue(document["openapi"].startswith("3."))
        for name in [
            "services",
            "divisions",
            "areas",
            "commitments",
            "contacts",
            "sectors",
        ]:
            with self.subTest(name=name):
                self.assertIn(f"/api/v1/{name}", document["paths"])
                self.assertIn(f"/api/v1/{name}/{{pk}}", document["paths"])
        search = document["paths"]["/api/v1/search"]["get"]
        self.assertEqual(
            {p["name"] for p in search["parameters"]}, {"q", "limit", "lang", "at"}
        )

    def test_api_page_is_linked_from_the_footer(self):
        response = self.client.get("/")
        self.assertContains(response, 'href="/api/"')
        page = self.client.get("/api/")
        self.assertContains(page, "/api/v1/openapi.json")
        self.assertContains(page, str(settings.DATA_LICENCE))
