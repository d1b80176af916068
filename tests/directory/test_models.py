from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.test import TestCase

from directory.models import Contact, Division, Service
from directory.search import index_letter
from standards.models import Commitment, PolicyArea, Sector
from tests.factories import (
    make_area,
    make_commitment,
    make_contact,
    make_division,
    make_pledge,
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


class PageQuerySetTests(TestCase):
    """The recipes that pages, the API and the downloads share."""

    @classmethod
    def setUpTestData(cls):
        cls.area = make_area()
        later = make_area(sector=cls.area.sector, number=2, title="통역 지원")
        cls.division = make_division(sector=cls.area.sector)
        cls.second = make_service(
            area=later, division=cls.division, name="가족 상담", phones=()
        )
        cls.first = make_service(
            area=cls.area,
            division=cls.division,
            name="하나 지원",
            phones=("031-8030-4778", "031-8030-4776"),
        )
        cls.commitment = make_commitment(area=cls.area)
        make_pledge(commitment=cls.commitment, number=2, text="둘째 약속")
        make_pledge(commitment=cls.commitment, number=1, text="첫째 약속")
        cls.first.commitments.add(cls.commitment)

    def test_services_in_document_order_and_in_name_order(self):
        services = Service.objects.order_by("-pk")
        self.assertEqual(list(services.in_document_order()), [self.first, self.second])
        self.assertEqual(list(services.in_name_order()), [self.second, self.first])

    def test_service_for_page_reads_everything_at_once(self):
        service = Service.objects.for_page().get(pk=self.first.pk)
        with self.assertNumQueries(0):
            self.assertEqual(service.division.name, "이민사회정책 담당")
            self.assertEqual(service.area.sector.name, "시험분야")
            self.assertEqual(
                [c.national for c in service.phones_in_order],
                ["031-8030-4778", "031-8030-4776"],
            )
            self.assertEqual(list(service.commitments.all()), [self.commitment])

    def test_division_for_page_has_its_sector_and_services(self):
        division = Division.objects.for_page().get()
        with self.assertNumQueries(0):
            self.assertEqual(division.sector.name, "시험분야")
            self.assertEqual(list(division.services.all()), [self.first, self.second])
            self.assertEqual(len(division.phones), 2)

    def test_commitment_pledges_in_document_order(self):
        commitment = Commitment.objects.for_page().get()
        with self.assertNumQueries(0):
            self.assertEqual(
                [p.text for p in commitment.pledges.all()], ["첫째 약속", "둘째 약속"]
            )
            self.assertEqual(commitment.area, self.area)

    def test_area_with_pledges_and_services(self):
        area = (
            PolicyArea.objects.with_sector()
            .with_pledges()
            .with_services(Service.objects.with_contacts())
            .get(pk=self.area.pk)
        )
        with self.assertNumQueries(0):
            self.assertEqual(area.sector.name, "시험분야")
            commitment = area.commitments.all()[0]
            self.assertEqual(len(commitment.pledges.all()), 2)
            self.assertEqual(
                area.services.all()[0].phones_in_order[0].national, "031-8030-4778"
            )

    def test_sector_with_areas_pledges_and_services(self):
        sector = (
            Sector.objects.with_pledges()
            .with_services(Service.objects.with_contacts())
            .get()
        )
        with self.assertNumQueries(0):
            areas = list(sector.areas.all())
            self.assertEqual([len(a.services.all()) for a in areas], [1, 1])
            self.assertEqual(len(areas[0].commitments.all()[0].pledges.all()), 2)
        home = Sector.objects.with_areas(commitments=True).get()
        with self.assertNumQueries(0):
            self.assertEqual(
                [list(a.commitments.all()) for a in home.areas.all()],
                [[self.commitment], []],
            )

    def test_service_phones_in_order(self):
        service = Service.objects.with_phones().get(pk=self.first.pk)
        with self.assertNumQueries(0):
            self.assertEqual(len(service.phones_in_order), 2)
        links = self.first.service_phones.order_by("-position").in_order()
        self.assertEqual(
            [link.contact.national for link in links],
            ["031-8030-4778", "031-8030-4776"],
        )
