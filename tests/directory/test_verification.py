import datetime

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from directory.models import Contact, Service
from tests.admin_forms import make_superuser
from tests.factories import make_contact, make_service


class VerificationQuerySetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        today = timezone.localdate()
        cls.never = make_service(name="가족 상담", position=1)
        cls.stale, cls.fresh = [
            make_service(
                area=cls.never.area,
                division=cls.never.division,
                phones=[],
                name=name,
                position=position,
                last_verified=today - datetime.timedelta(days=days),
            )
            for name, position, days in [("체류 안내", 2, 181), ("통역 지원", 3, 180)]
        ]

    def test_needs_verification_finds_never_and_stale_rows(self):
        self.assertQuerySetEqual(
            Service.objects.needs_verification().order_by("position"),
            [self.never, self.stale],
        )

    def test_mark_verified_sets_today_and_records_history(self):
        admin = make_superuser()
        Service.objects.filter(pk=self.never.pk).mark_verified(user=admin)
        self.never.refresh_from_db()
        self.assertEqual(self.never.last_verified, timezone.localdate())
        self.assertEqual(self.never.name, "가족 상담")
        self.assertEqual(self.never.history.first().history_user, admin)


class VerificationAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_superuser()
        cls.service = make_service(name="결혼이민자 지원")
        cls.other = make_service(
            area=cls.service.area,
            division=cls.service.division,
            name="통역 지원",
            position=2,
            phones=[],
            last_verified=timezone.localdate(),
        )
        cls.contact = Contact.objects.get()

    def setUp(self):
        self.client.force_login(self.admin)

    def test_action_marks_selected_services_verified_without_editing(self):
        response = self.client.post(
            reverse("admin:directory_service_changelist"),
            {"action": "mark_verified", "_selected_action": [self.service.pk]},
            follow=True,
        )
        self.assertContains(response, "1건을 오늘 확인한 것으로 표시했습니다")
        self.service.refresh_from_db()
        self.assertEqual(self.service.last_verified, timezone.localdate())
        self.assertEqual(self.service.name, "결혼이민자 지원")

    def test_action_is_offered_in_korean(self):
        response = self.client.get(reverse("admin:directory_contact_changelist"))
        self.assertContains(response, "확인 완료 (오늘)")

    def test_action_marks_numbers_verified(self):
        self.client.post(
            reverse("admin:directory_contact_changelist"),
            {"action": "mark_verified", "_selected_action": [self.contact.pk]},
        )
        self.contact.refresh_from_db()
        self.assertEqual(self.contact.last_verified, timezone.localdate())

    def test_filter_lists_rows_not_verified_for_180_days(self):
        response = self.client.get(
            reverse("admin:directory_service_changelist"), {"verification": "due"}
        )
        self.assertContains(response, "180일 이상 확인하지 않음")
        self.assertContains(response, "결혼이민자 지원")
        self.assertNotContains(response, "통역 지원")


class PublicVerificationTests(TestCase):
    def test_service_page_shows_each_number_last_verified(self):
        contact = make_contact(last_verified=datetime.date(2026, 10, 1))
        service = make_service(phones=[contact], last_verified="2026-11-02")
        response = self.client.get(service.get_absolute_url())
        self.assertContains(response, "최종 확인일", count=2)
        self.assertContains(response, '<time datetime="2026-10-01">2026-10-01</time>')
        self.assertContains(response, '<time datetime="2026-11-02">2026-11-02</time>')
