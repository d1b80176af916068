import csv
import io
import json
import zipfile
from pathlib import Path

from django.conf import settings
from django.test import TestCase
from jsonschema import Draft202012Validator

from directory.models import Contact, Service
from tests.opendata.test_api import ApiTestData

SCHEMA = json.loads(
    (Path(__file__).parent / "hsds-3.0-tabular-subset.json").read_text("utf-8")
)
FILES = ["organization", "service", "phone", "contact", "language"]


def read_package(content):
    """datapackage.json and each CSV as typed rows, empty cells left out."""
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        descriptor = json.loads(package.read("datapackage.json"))
        tables = {}
        for resource in descriptor["resources"]:
            types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
            text = package.read(resource["path"]).decode("utf-8")
            tables[resource["name"]] = [
                {
                    name: float(value) if types[name] == "number" else value
                    for name, value in row.items()
                    if value != ""
                }
                for row in csv.DictReader(io.StringIO(text))
            ]
    return descriptor, tables


class HsdsPackageTests(ApiTestData, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Contact.objects.filter(number="+823180304652").update(
            extension="123", languages="한국어, 영어", hours="평일 09:00–18:00"
        )

    def setUp(self):
        response = self.client.get("/data/hsds.zip")
        self.assertEqual(response.status_code, 200)
        self.descriptor, self.tables = read_package(response.content)

    def test_package_lists_every_file_with_the_licence(self):
        self.assertEqual(
            [r["path"] for r in self.descriptor["resources"]],
            [f"{name}.csv" for name in FILES],
        )
        self.assertEqual(
            self.descriptor["licenses"][0]["title"], str(settings.DATA_LICENCE)
        )
        self.assertIsNotNone(self.descriptor["lastModified"])

    def test_every_row_is_valid_hsds(self):
        for name in FILES:
            validator = Draft202012Validator({"$ref": f"#/$defs/{name}", **SCHEMA})
            for row in self.tables[name]:
                with self.subTest(file=name, row=row.get("id")):
                    errors = [e.message for e in validator.iter_errors(row)]
                    self.assertEqual(errors, [])

    def test_each_service_carries_its_numbers_and_division(self):
        services = {row["name"]: row for row in self.tables["service"]}
        self.assertEqual(
            set(services), set(Service.objects.values_list("name", flat=True))
        )
        service_id = services[self.service.name]["id"]
        phones = [p for p in self.tables["phone"] if p["service_id"] == service_id]
        self.assertEqual(
            [(p["number"], p["type"]) for p in phones],
            [
                ("031-8030-4652", "voice"),
                ("031-8030-4653", "voice"),
                ("031-8030-4659", "fax"),
            ],
        )
        self.assertEqual(phones[0]["extension"], 123)
        contacts = [c for c in self.tables["contact"] if c["service_id"] == service_id]
        self.assertEqual([c["department"] for c in contacts], [self.division.name])

    def test_languages_belong_to_their_phone(self):
        languages = self.tables["language"]
        self.assertEqual([row["name"] for row in languages], ["한국어", "영어"])
        phone_ids = {p["id"] for p in self.tables["phone"]}
        self.assertTrue(all(row["phone_id"] in phone_ids for row in languages))

    def test_references_point_at_rows(self):
        organizations = {row["id"] for row in self.tables["organization"]}
        services = {row["id"] for row in self.tables["service"]}
        for row in self.tables["service"]:
            self.assertIn(row["organization_id"], organizations)
        for name in ["phone", "contact", "language"]:
            for row in self.tables[name]:
                self.assertIn(row["service_id"], services)
