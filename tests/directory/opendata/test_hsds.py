"""The HSDS download against HSDS 3.0's own tabular schema.

``compiled/tabular.json`` is openreferral/specification's compiled schema
of every HSDS file, vendored at the 3.0 tag (``third_party/hsds-3.0/``).
Each CSV row is checked against its table's
columns: types, formats, enums, required fields; then unique ids and the
links between files, which HSDS expresses by the ``<table>_id`` names.
"""

import csv
import io
import json
import zipfile

from django.conf import settings
from django.test import SimpleTestCase, TestCase
from jsonschema import Draft202012Validator, FormatChecker

from directory.models import Contact, HelpLine, Service
from directory.opendata.hsds_openapi import vendored
from tests.directory.opendata.test_api import ApiTestData
from tests.factories import OFFICE_HOURS

TABULAR = vendored("compiled/tabular.json")
TABLES = {name: spec["items"] for name, spec in TABULAR["properties"].items()}
FILES = [
    "organization",
    "service",
    "phone",
    "contact",
    "language",
    "schedule",
    "attribute",
    "taxonomy_term",
    "taxonomy",
]


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
        every_day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        line = HelpLine.objects.create(
            name="다누리콜센터",
            number="1577-1366",
            languages=["ko", "vi"],
            languages_note="한국어, 베트남어 외 11개 언어 (여성가족부)",
            hours={
                "periods": [{"days": every_day, "opens": "00:00", "closes": "24:00"}],
                "open_on_holidays": True,
            },
            hours_note="365일 24시간 (여성가족부)",
            source="여성가족부",
        )
        line.services.add(cls.other_service)

    def setUp(self):
        response = self.client.get("/data/hsds.zip")
        self.assertEqual(response.status_code, 200)
        self.descriptor, self.files = read_package(response.getvalue())
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
        phone = next(p for p in self.tables["phone"] if p.get("extension") == 123)
        languages = [r for r in self.tables["language"] if r["phone_id"] == phone["id"]]
        self.assertEqual([row["code"] for row in languages], ["ko", "en"])
        self.assertEqual([row["name"] for row in languages], ["한국어", "English"])

    def test_help_lines_are_phones_of_their_services(self):
        line = next(p for p in self.tables["phone"] if p["number"] == "1577-1366")
        self.assertEqual(line["description"], "다누리콜센터")
        languages = [r for r in self.tables["language"] if r["phone_id"] == line["id"]]
        self.assertEqual(
            [(row["code"], row["note"]) for row in languages],
            [
                ("ko", "한국어, 베트남어 외 11개 언어 (여성가족부)"),
                ("vi", "한국어, 베트남어 외 11개 언어 (여성가족부)"),
            ],
        )

    def test_extension_digits_are_kept_in_an_attribute(self):
        phone = next(p for p in self.tables["phone"] if p.get("extension") == 123)
        [extension] = [
            a for a in self.tables["attribute"] if a["link_id"] == phone["id"]
        ]
        self.assertEqual(
            (extension["link_entity"], extension["value"]), ("phone", "123")
        )
        terms = {t["id"]: t for t in self.tables["taxonomy_term"]}
        self.assertEqual(terms[extension["taxonomy_term_id"]]["code"], "extension")

    def test_hours_are_a_schedule_of_the_service_by_phone(self):
        [office, always, note] = self.tables["schedule"]
        service = next(
            s for s in self.tables["service"] if s["name"] == self.service.name
        )
        self.assertEqual(office["service_id"], service["id"])
        self.assertEqual(
            {k: office[k] for k in ["freq", "byday", "timezone", "opens_at"]},
            {
                "freq": "WEEKLY",
                "byday": "MO,TU,WE,TH,FR",
                "timezone": 9,
                "opens_at": "09:00+09:00",
            },
        )
        self.assertEqual(office["closes_at"], "18:00+09:00")
        self.assertEqual(
            (office["attending_type"], office["notes"]), ("phone", "031-8030-4652")
        )
        self.assertEqual(always["byday"], "MO,TU,WE,TH,FR,SA,SU")
        self.assertEqual(always["description"], "24시간, 매일; 공휴일에도 운영")
        self.assertNotIn("opens_at", always)
        self.assertEqual(
            (note["description"], note["notes"]),
            ("365일 24시간 (여성가족부)", "1577-1366"),
        )
        self.assertNotIn("freq", note)

    def test_ids_are_the_apis(self):
        api = self.client.get("/api/hsds/services").json()["contents"]
        self.assertEqual(
            {row["id"] for row in self.tables["service"]}, {s["id"] for s in api}
        )
