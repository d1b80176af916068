from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.test import TestCase

from directory.models import Contact, Division, Service
from directory.search import index_letter
from tests.factories import (
    make_area,
    make_contact,
    make_division,
    make_sector,
    make_service,
)


class ContactTests(TestCase):
    def test_number_typed_any_way_is_stored_once_and_shown_nationally(self):
        contact = make_contact("0318030 4652")
        contact.refresh_from_db()
        self.assertEqual(contact.national, "031-8030-4652")
        self.assertEqual(contact.international, "+82 31-8030-4652")
        self.assertEqual(contact.tel_uri, "tel:+82-31-8030-4652")
        self.assertEqual(Contact.objects.get(number="+82 31 8030 4652"), contact)

    def test_same_number_cannot_be_stored_twice(self):
        make_contact("031-8030-4652")
        with self.assertRaises(IntegrityError), transaction.atomic():
            make_contact("+82-31-8030-4652")

    def test_number_used_by_a_service_cannot_be_deleted(self):
        service = make_service()
        with self.assertRaises(ProtectedError):
            service.phones_in_order[0].delete()


class ServiceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.area = make_area()
        cls.division = make_division(sector=cls.area.sector)
        cls.first = make_service(
            area=cls.area,
            division=cls.division,
            name="다문화가족 등 이주 배경 자녀 지원",
            phones=("031-8030-4778", "031-8030-4776"),
        )
        cls.second = make_service(
            area=cls.area,
            division=cls.division,
            name="결혼이민자 지원",
            position=2,
            phones=("031-8030-4773",),
        )

    def test_phones_keep_the_document_order(self):
        service = Service.objects.with_contacts().get(pk=self.first.pk)
        self.assertEqual(
            [c.national for c in service.phones_in_order],
            ["031-8030-4778", "031-8030-4776"],
        )

    def test_in_area_and_in_sector(self):
        other = make_service(
            area=make_area(sector=make_sector(name="교통", title="교통 분야")),
            name="버스 노선 안내",
        )
        self.assertEqual(
            list(Service.objects.in_area(self.area)), [self.first, self.second]
        )
        self.assertEqual(list(Service.objects.in_sector(other.area.sector)), [other])

    def test_name_is_unique_within_a_sector(self):
        other_area = make_area(sector=self.area.sector, number=2, title="둘째 분야")
        duplicate = Service(
            area=other_area, division=self.division, name="결혼이민자 지원", position=1
        )
        with self.assertRaisesMessage(ValidationError, "같은 이름의 서비스"):
            duplicate.full_clean()

    def test_division_of_another_sector_is_refused(self):
        stranger = make_division(sector=make_sector(name="교통", title="교통 분야"))
        self.second.division = stranger
        with self.assertRaisesMessage(ValidationError, "같은 분야"):
            self.second.full_clean()

    def test_division_with_services_cannot_be_deleted(self):
        with self.assertRaises(ProtectedError):
            self.division.delete()

    def test_index_letter_files_double_consonants_under_the_plain_one(self):
        self.assertEqual(self.second.index_letter, "ㄱ")
        self.assertEqual(index_letter("까치"), "ㄱ")
        self.assertEqual(index_letter("SNS 기자단"), "A–Z")


class DivisionTests(TestCase):
    def test_phones_are_distinct_in_service_order(self):
        division = make_division()
        area = make_area(sector=division.sector)
        make_service(area=area, division=division, phones=("031-8030-4772",))
        make_service(
            area=area,
            division=division,
            name="결혼이민자 지원",
            position=2,
            phones=("031-8030-4773", "031-8030-4772"),
        )
        division = Division.objects.with_services().get(pk=division.pk)
        self.assertEqual(
            [c.national for c in division.phones], ["031-8030-4772", "031-8030-4773"]
        )
