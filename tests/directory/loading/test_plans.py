from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.test import TestCase

from directory.loading.parsing import document_parse
from directory.loading.plans import (
    MODELS,
    Row,
    document_rows,
    fixture_rows,
    natural_key,
)
from standards.models import Sector
from tests.base import SeededTestCase

SEED = Path(settings.BASE_DIR) / "fixtures" / "documents" / "immigrant_society.txt"


class RowKeyTests(TestCase):
    def test_key_is_the_natural_key_the_model_states(self):
        row = Row(
            "directory.service",
            12,
            {"area": ["이민사회", 2], "name": "결혼이민자 지원", "position": 3},
        )
        self.assertEqual(row.key, '[["이민사회", 2], "결혼이민자 지원"]')
        self.assertEqual(natural_key(row.key), ["이민사회", 2, "결혼이민자 지원"])

    def test_key_of_a_row_linking_two_rows(self):
        fields = {
            "service": ["이민사회", 1, "포괄적 거버넌스 운영"],
            "contact": ["031-8030-4653"],
            "position": 1,
        }
        row = Row("directory.servicephone", None, fields)
        self.assertEqual(
            natural_key(row.key),
            ["이민사회", 1, "포괄적 거버넌스 운영", "031-8030-4653"],
        )


class FixtureRowsTests(SeededTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.rows = fixture_rows()

    def test_every_record_in_load_order(self):
        self.assertEqual(len(self.rows), 608)
        order = [MODELS.index(row.model) for row in self.rows]
        self.assertEqual(order, sorted(order))
        self.assertEqual({row.line for row in self.rows}, {None})

    def test_each_key_finds_the_row_whose_natural_key_it_is(self):
        for row in self.rows:
            manager = apps.get_model(row.model)._default_manager
            obj = manager.get_by_natural_key(*natural_key(row.key))
            with self.subTest(row.key):
                self.assertEqual(list(obj.natural_key()), natural_key(row.key))


class DocumentRowsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = document_parse(SEED.read_bytes())

    def test_seed_document_as_rows_in_load_order(self):
        rows = document_rows(self.document)

        self.assertEqual(len(rows), 86)
        order = [MODELS.index(row.model) for row in rows]
        self.assertEqual(order, sorted(order))
        service = next(
            row for row in rows if row.fields.get("name") == "결혼이민자 지원"
        )
        self.assertEqual(service.line, 138)
        self.assertEqual(
            service.fields["division"], ["이민사회", "다문화가족지원 담당"]
        )

    def test_shared_number_is_one_contact(self):
        rows = document_rows(self.document)

        numbers = [
            row.fields["number"] for row in rows if row.model.endswith("contact")
        ]
        self.assertEqual(len(numbers), len(set(numbers)))
        self.assertEqual(numbers.count("031-8030-4655"), 1)
        links = [row for row in rows if row.model.endswith("servicephone")]
        shared = [row for row in links if row.fields["contact"] == ["031-8030-4655"]]
        self.assertEqual(len(shared), 2)

    def test_new_sector_comes_after_the_others(self):
        Sector.objects.create(
            name="보건의료", title="보건의료 분야 행정서비스 이행표준", position=4
        )

        (sector, *_rows) = document_rows(self.document)

        self.assertEqual(
            sector.fields, {"name": "이민사회", "title": self.document.title}
        )
        self.assertEqual(sector.defaults, {"position": 5})
