"""``/api/hsds/`` against the official HSDS 3.0 schemas, endpoint by endpoint.

Every answer is validated with the format checker (uuid, email, uri,
date-time) against the schema the official openapi.json gives for it,
through a local registry of the vendored files (``hsds_official``).
"""

import uuid

from django.test import TestCase
from jsonschema import Draft202012Validator, FormatChecker

from directory.models import Contact, HelpLine, Service
from directory.opendata.hsds_openapi import VENDOR, corrected
from tests.directory.opendata.hsds_official import registry, response_schema
from tests.directory.opendata.test_api import ApiTestData
from tests.factories import OFFICE_HOURS

# Office hours with a lunch break, when nobody answers.
LUNCH_HOURS = {
    **OFFICE_HOURS,
    "periods": [{**OFFICE_HOURS["periods"][0], "lunch": ["12:00", "13:00"]}],
}
REGISTRY = registry()
VALIDATORS = {}


def validator(path, status="200"):
    if (path, status) not in VALIDATORS:
        VALIDATORS[path, status] = Draft202012Validator(
            response_schema(path, status),
            registry=REGISTRY,
            format_checker=FormatChecker(),
        )
    return VALIDATORS[path, status]


def nulls(value, where="$"):
    """The places in ``value`` that hold null."""
    if value is None:
        return [where]
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in nulls(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [n for i, v in enumerate(value) for n in nulls(v, f"{where}[{i}]")]
    return []


class HsdsTestData(ApiTestData):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Contact.objects.filter(number="+823180304652").update(
            extension="0123",
            languages=["ko", "en"],
            languages_note="한국어, 영어 (경기도 누리집)",
            hours=LUNCH_HOURS,
            hours_note="평일 09:00–18:00, 점심시간 12:00–13:00 (경기도 누리집)",
        )
        Contact.objects.filter(number="+823180304653").update(extension="45")
        cls.line = HelpLine.objects.create(
            name="외국인종합안내센터",
            number="1345",
            languages=["ko", "en", "zh-hans", "vi"],
            hours={
                "periods": [
                    {**OFFICE_HOURS["periods"][0], "opens": "09:00", "closes": "22:00"}
                ],
                "open_on_holidays": False,
            },
            purpose="체류와 비자를 안내합니다.",
            source="법무부 https://www.hikorea.go.kr",
        )
        cls.line.services.add(cls.service)


DOCUMENT = corrected()


def operation(path, status):
    """The official path and answer a request is validated against, or None
    (the schema files, an address HSDS does not define)."""
    kind, _slash, rest = path.partition("/")
    template = f"/{kind}/{{id}}" if rest and "/" not in rest else f"/{kind}"
    item = DOCUMENT["paths"].get("/" if not path else template)
    if item and str(status) in item["get"]["responses"]:
        return ("/" if not path else template), str(status)
    return None


class HsdsClient:
    def get_json(self, path, status=200, **params):
        """The JSON answer, checked: status, no null, and valid as the
        official document says (wherever it says anything)."""
        response = self.client.get(f"/api/hsds/{path}", params)
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response["Content-Type"], "application/json")
        data = response.json()
        self.assertEqual(nulls(data), [])
        if operation(path, status):
            self.assertValid(data, *operation(path, status))
        return data

    def assertValid(self, data, path, status="200"):
        errors = [
            f"{list(e.absolute_path)}: {e.message}"
            for e in validator(path, status).iter_errors(data)
        ]
        self.assertEqual(errors, [])


class ConformanceTests(HsdsTestData, HsdsClient, TestCase):
    def test_every_endpoint_answers_as_the_official_schema_says(self):
        services = self.get_json("services")["contents"]
        terms = self.get_json("taxonomy_terms")["contents"]
        taxonomies = self.get_json("taxonomies")["contents"]
        organization = self.get_json("organizations")["contents"][0]
        answers = [
            ("", "/", {}),
            ("services", "/services", {}),
            ("services", "/services", {"full": "true", "per_page": 1}),
            ("organizations", "/organizations", {"full": "true"}),
            ("taxonomies", "/taxonomies", {}),
            ("taxonomy_terms", "/taxonomy_terms", {}),
            *[(f"services/{s['id']}", "/services/{id}", {}) for s in services],
            *[(f"taxonomy_terms/{t['id']}", "/taxonomy_terms/{id}", {}) for t in terms],
            *[(f"taxonomies/{t['id']}", "/taxonomies/{id}", {}) for t in taxonomies],
            (f"organizations/{organization['id']}", "/organizations/{id}", {}),
            (
                f"organizations/{organization['id']}",
                "/organizations/{id}",
                {"full_service": "true"},
            ),
        ]
        for url, path, params in answers:
            with self.subTest(url=url, params=params):
                self.assertValid(self.get_json(url, **params), path)

    def test_errors_answer_as_the_corrected_document_says(self):
        missing = self.get_json(f"services/{uuid.uuid4()}", 404)
        self.assertValid(missing, "/services/{id}", "404")
        invalid = self.get_json("services", 400, modified_after="yesterday")
        self.assertValid(invalid, "/services", "400")

    def test_validation_can_fail(self):
        record = self.get_json(
            f"services/{self.get_json('services')['contents'][0]['id']}"
        )
        for change in [
            {"id": "1"},
            {"status": "open"},
            {"url": "not a url"},
            {"last_modified": "yesterday"},
            {"phones": [{"id": str(uuid.uuid4())}]},
        ]:
            with self.subTest(change=change):
                self.assertFalse(
                    validator("/services/{id}").is_valid({**record, **change})
                )

    def test_root_names_the_version_profile_and_openapi_document(self):
        data = self.get_json("")
        self.assertEqual(data["version"], "3.0")
        self.assertEqual(self.client.get(data["profile"]).status_code, 200)
        document = self.client.get(data["openapi_url"]).json()
        self.assertEqual(document["servers"], [{"url": "http://testserver/api/hsds"}])
        self.assertNotIn("/service_at_locations", document["paths"])
        parameters = document["paths"]["/services"]["get"]["parameters"]
        self.assertIn("lang", [p.get("name") for p in parameters])
        modified_after = document["components"]["parameters"]["modified_after"]
        self.assertEqual(modified_after["schema"]["format"], "date-time")
        schema = document["paths"]["/services/{id}"]["get"]["responses"]["200"]
        ref = schema["content"]["application/json"]["schema"]["$ref"]
        self.assertEqual(ref, "http://testserver/api/hsds/schema/compiled/service.json")
        served = self.client.get(ref)
        self.assertEqual(served["Content-Type"], "application/json")
        self.assertEqual(
            b"".join(served.streaming_content).decode(),
            (VENDOR / "compiled" / "service.json").read_text("utf-8"),
        )
        self.get_json("schema/../../../config/settings.py", 404)

    def test_unknown_and_malformed_ids_answer_404_in_json(self):
        for kind in ["services", "organizations", "taxonomies", "taxonomy_terms"]:
            for bad in [str(uuid.uuid4()), "xyz", "1", "%00", "..", "a" * 500]:
                with self.subTest(kind=kind, id=bad):
                    data = self.get_json(f"{kind}/{bad}", 404)
                    self.assertEqual(data, {"detail": "찾을 수 없습니다."})
        self.assertEqual(
            self.get_json("nothing/here", 404)["detail"], "찾을 수 없습니다."
        )
        english = self.get_json(f"services/{uuid.uuid4()}", 404, lang="en")
        self.assertEqual(english["detail"], "Not found.")

    def test_only_reading_is_allowed(self):
        response = self.client.post("/api/hsds/services")
        self.assertEqual(response.status_code, 405)
        self.assertEqual(response["Allow"], "GET, HEAD")
        self.assertEqual(response.json()["detail"], "허용되지 않는 요청 방식입니다.")
        self.assertEqual(Service.objects.count(), 2)

    def test_cors_is_open_for_reading(self):
        response = self.client.get(
            "/api/hsds/services", HTTP_ORIGIN="https://example.org"
        )
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        preflight = self.client.options(
            "/api/hsds/services",
            HTTP_ORIGIN="https://example.org",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        )
        self.assertIn("GET", preflight["Access-Control-Allow-Methods"])
        self.assertNotIn("POST", preflight["Access-Control-Allow-Methods"])

    def test_answers_carry_the_licence_and_language(self):
        response = self.client.get("/api/hsds/taxonomies", {"lang": "en"})
        self.assertIn('rel="license"', response["Link"])
        self.assertEqual(response["Content-Language"], "en")
        sector = response.json()["contents"][0]
        self.assertTrue(
            sector["description"].startswith("Policy areas and commitments")
        )
