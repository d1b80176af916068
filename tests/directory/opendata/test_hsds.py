"""The HSDS download against HSDS 3.0's own tabular schema.

``tabular.json`` is openreferral/specification's compiled schema of every
HSDS file (see README.md here). Each CSV row is checked against its table's
columns: types, formats, enums, required fields; then unique ids and the
links between files, which HSDS expresses by the ``<table>_id`` names.
"""

import csv
import io
import json
import zipfile
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase, TestCase
from jsonschema import Draft202012Validator, FormatChecker

from directory.models import Contact, Service
from tests.directory.opendata.test_api import ApiTestData
from tests.factories import OFFICE_HOURS

TABULAR = json.loads((Path(__file__).parent / "tabular.json").read_text("utf-8"))
TABLES = {name: spec["items"] for name, spec in TABULAR["properties"].items()}
FILES = ["organization", "service", "phone", "contact", "language"]


def columns(table):
    """A table's CSV columns: its properties, less the nested lists."""
    properties = TABLES[table]["properties"]
    return {name: p for name, p in properties.items() if p["type"] != "array"}


def row_schema(table):
    """JSON Schema of one CSV row, empty cells left out.

    The tabular form requires the ``tabular_required`` columns too (the links
    that nesting gives in the JSON form), as HSDS's datapackage.json does.
    """
    spec = TABLES[table]
    return {
        "type": "object",
        "properties": columns(table),
        "required": spec["required"] + spec.get("tabular_required", []),
        "additionalProperties": False,
    }


def cell(value, kind):
    return float(value) if kind == "number" else value


def read_package(content):
    """datapackage.json and each CSV's rows, typed as HSDS says."""
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        descriptor = json.loads(package.read("datapackage.json"))
        files = {}
        for resource in descriptor["resources"]:
            text = package.read(resource["path"]).decode("utf-8")
            reader = csv.DictReader(io.StringIO(text))
            kinds = {n: p["type"] for n, p in columns(resource["name"]).items()}
            rows = [
                {
                    name: cell(value, kinds.get(name, "string"))
                    for name, value in row.items()
                    if value != ""
                }
                for row in reader
            ]
            files[resource["name"]] = (reader.fieldnames, rows)
    return descriptor, files


class VendoredSchemaTests(SimpleTestCase):
    def test_schema_is_hsds_3_0_tabular(self):
        self.assertEqual(
            TABLES["service"]["properties"]["status"]["enum"],
            ["active", "inactive", "defunct", "temporarily closed"],
        )
        self.assertEqual(TABLES["phone"]["path"], "phones.csv")
        # 3.1 added these; their absence pins the file to 3.0.
        self.assertNotIn("additional_urls", TABLES["service"]["properties"])
        self.assertNotIn("url", TABLES)

    def test_row_schema_refuses_what_hsds_refuses(self):
        validator = Draft202012Validator(
            row_schema("service"), format_checker=FormatChecker()
        )
        row = {
            "id": "ac148810-d857-441c-9679-408f346de14b",
            "organization_id": "0fdfb57f-c147-4cfb-864c-44788a335d8c",
            "name": "상담",
            "status": "active",
        }
        self.assertTrue(validator.is_valid(row))
        for change in [
            {"status": "open"},
            {"id": "1"},
            {"url": "not a url"},
            {"phone": "031-8030-4652"},
        ]:
            with self.subTest(change=change):
                self.assertFalse(validator.is_valid({**row, **change}))
        without_organization = {k: v for k, v in row.items() if k != "organization_id"}
        self.assertFalse(validator.is_valid(without_organization))

    def test_formats_are_checked(self):
        checker = FormatChecker()
        self.assertFalse(checker.conforms("not-a-uuid", "uuid"))
        self.assertFalse(checker.conforms("no uri", "uri"))
        self.assertFalse(checker.conforms("no address", "email"))


class HsdsPackageTests(ApiTestData, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Contact.objects.filter(number="+823180304652").update(
            extension="123", languages=["ko", "en"], hours=OFFICE_HOURS
        )

    def setUp(self):
        response = self.client.get("/data/hsds.zip")
        self.assertEqual(response.status_code, 200)
        self.descriptor, self.files = read_package(response.content)
        self.tables = {name: rows for name, (_header, rows) in self.files.items()}

    def test_package_lists_every_file_by_its_table_name(self):
        self.assertEqual(
            [(r["name"], r["path"]) for r in self.descriptor["resources"]],
            [(name, f"{name}.csv") for name in FILES],
        )
        self.assertEqual(
            self.descriptor["licenses"][0]["title"], str(settings.DATA_LICENCE)
        )
        self.assertIsNotNone(self.descriptor["lastModified"])

    def test_columns_are_hsds_columns_of_the_same_type(self):
        for resource in self.descriptor["resources"]:
            known = columns(resource["name"])
            header, _rows = self.files[resource["name"]]
            fields = resource["schema"]["fields"]
            with self.subTest(file=resource["path"]):
                self.assertEqual(header, [f["name"] for f in fields])
                for field in fields:
                    self.assertIn(field["name"], known)
                    self.assertEqual(field["type"], known[field["name"]]["type"])
                    if "format" in known[field["name"]]:
                        self.assertEqual(
                            field.get("format"), known[field["name"]]["format"]
                        )

    def test_every_row_is_valid_hsds(self):
        for name in FILES:
            validator = Draft202012Validator(
                row_schema(name), format_checker=FormatChecker()
            )
            self.assertTrue(self.tables[name], name)
            for row in self.tables[name]:
                with self.subTest(file=name, row=row.get("id")):
                    errors = [e.message for e in validator.iter_errors(row)]
                    self.assertEqual(errors, [])

    def test_ids_are_unique(self):
        for name in FILES:
            ids = [row["id"] for row in self.tables[name]]
            with self.subTest(file=name):
                self.assertEqual(len(ids), len(set(ids)))

    def test_links_point_at_rows_of_the_package(self):
        ids = {name: {row["id"] for row in rows} for name, rows in self.tables.items()}
        for name in FILES:
            for column in columns(name):
                target = column.removesuffix("_id")
                if not column.endswith("_id") or target not in TABLES:
                    continue
                values = {row[column] for row in self.tables[name] if column in row}
                with self.subTest(file=name, column=column):
                    self.assertLessEqual(values, ids.get(target, set()))

    def test_descriptor_declares_the_links(self):
        resources = {r["name"]: r for r in self.descriptor["resources"]}
        keys = resources["language"]["schema"]["foreignKeys"]
        self.assertIn(
            {"fields": "phone_id", "reference": {"resource": "phone", "fields": "id"}},
            keys,
        )
        for resource in resources.values():
            for key in resource["schema"]["foreignKeys"]:
                with self.subTest(resource=resource["name"], key=key["fields"]):
                    self.assertIn(key["reference"]["resource"], resources)

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
        self.assertEqual(phones[0]["description"], "월–금 09:00–18:00; 공휴일 휴무")
        contacts = [c for c in self.tables["contact"] if c["service_id"] == service_id]
        self.assertEqual([c["department"] for c in contacts], [self.division.name])

    def test_languages_belong_to_their_phone(self):
        languages = self.tables["language"]
        self.assertEqual([row["name"] for row in languages], ["ko", "en"])
        phone = next(p for p in self.tables["phone"] if p.get("extension") == 123)
        self.assertEqual({row["phone_id"] for row in languages}, {phone["id"]})
