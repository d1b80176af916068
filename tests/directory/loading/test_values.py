from django.conf import settings
from django.utils.translation import to_locale

from directory.loading.plans import Row
from directory.loading.values import (
    UNRESOLVED,
    Attributes,
    differs,
    in_use,
    row_values,
    translation_fields,
)
from directory.models import Contact, Service, Synonym
from standards.models import Commitment, PolicyArea
from tests.base import SeededTestCase


def service_row(**fields):
    return Row(
        "directory.service",
        None,
        {
            "area": ["이민사회", 2],
            "division": ["이민사회", "다문화가족지원 담당"],
            "name": "결혼이민자 지원",
            "commitments": [["이민사회", 2, "가"]],
            **fields,
        },
    )


class AttributesTests(SeededTestCase):
    def test_relations_become_primary_keys(self):
        attributes = Attributes()(service_row())

        self.assertEqual(attributes["area"], PolicyArea.objects.get(number=2).pk)
        self.assertEqual(attributes["division"], self.division.pk)
        commitment = Commitment.objects.get(area__number=2, letter="가")
        self.assertEqual(attributes["commitments"], [commitment.pk])
        self.assertEqual(attributes["name"], "결혼이민자 지원")

    def test_missing_related_row_is_unresolved(self):
        row = service_row(
            division=["이민사회", "없는 담당"], commitments=[["이민사회", 9, "가"]]
        )

        attributes = Attributes()(row)

        self.assertIs(attributes["division"], UNRESOLVED)
        self.assertIs(attributes["commitments"], UNRESOLVED)


class ComparisonTests(SeededTestCase):
    def test_differs_compares_values_links_and_unresolved_relations(self):
        service = Service.objects.get(name="결혼이민자 지원")
        attributes = Attributes()(service_row())

        self.assertFalse(differs(service, "division", attributes["division"]))
        self.assertTrue(differs(service, "name", "결혼이민자 정착"))
        self.assertFalse(differs(service, "commitments", []))
        self.assertTrue(differs(service, "commitments", attributes["commitments"]))
        self.assertTrue(differs(service, "division", UNRESOLVED))

    def test_row_values_as_a_fixture_gives_them(self):
        service = Service.objects.get(name="결혼이민자 지원")

        values = row_values(service, ["division", "fax", "name"])

        self.assertEqual(values["division"], ["이민사회", "다문화가족지원 담당"])
        self.assertEqual(values["name"], "결혼이민자 지원")

    def test_translation_fields_leave_out_the_official_korean(self):
        languages = [
            to_locale(code).lower().replace("-", "_")
            for code in settings.MODELTRANSLATION_LANGUAGES
            if code != "ko"
        ]
        self.assertEqual(
            translation_fields(Service),
            {
                f"{field}_{code}"
                for field in ("name", "description")
                for code in languages
            },
        )
        self.assertEqual(translation_fields(Synonym), set())

    def test_row_in_use_by_others_is_in_use(self):
        contact = Contact.objects.get(number="031-8030-4652")
        self.assertTrue(in_use(contact))
        self.assertFalse(in_use(Contact.objects.create(number="031-8030-4999")))
