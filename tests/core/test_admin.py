from django.apps import apps
from django.urls import reverse

from directory.models import Contact, Division, Service
from standards.models import Pledge
from tests.admin_forms import admin_url, form_data, make_superuser, post_change
from tests.base import SeededAdminTestCase, SeededTestCase


class HistoryTests(SeededAdminTestCase):
    # These tests read each row's history, which seeding starts.
    seed_command = True

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.contact = Contact.objects.get(number="031-8030-4652")

    def change(self, obj, **changes):
        return post_change(self.client, obj, **changes)

    def history_page(self, obj):
        return self.client.get(admin_url(obj, "history"))

    def test_every_model_has_history(self):
        for model in [
            *apps.get_app_config("standards").get_models(),
            *apps.get_app_config("directory").get_models(),
        ]:
            # The seeding ledger, the search index and its words, and the
            # counts of searches without a good answer are bookkeeping.
            if model.__name__.startswith("Historical") or model.__name__ in {
                "SeedRecord",
                "SearchEntry",
                "SearchTerm",
                "SearchMiss",
            }:
                continue
            with self.subTest(model=model.__name__):
                self.assertTrue(hasattr(model, "history"))

    def test_seeded_rows_start_their_history(self):
        self.assertEqual(self.contact.history.get().history_type, "+")

    def test_change_shows_who_and_old_and_new_value(self):
        response = self.change(self.contact, number="031-8030-4650")
        self.assertEqual(response.status_code, 302)
        record = self.contact.history.first()
        self.assertEqual(record.history_user, self.admin)
        response = self.history_page(self.contact)
        self.assertContains(response, "변경한 사람")
        self.assertContains(response, "변경 내용")
        self.assertContains(response, "manager")
        self.assertContains(response, "031-8030-4652")
        self.assertContains(response, "031-8030-4650")

    def test_revert_restores_the_old_value(self):
        self.change(self.contact, number="031-8030-4650")
        first = self.contact.history.last()
        url = reverse(
            "admin:directory_contact_simple_history",
            args=[self.contact.pk, first.history_id],
        )
        response = self.client.post(url, form_data(self.client.get(url)))
        self.assertEqual(response.status_code, 302)
        self.contact.refresh_from_db()
        self.assertEqual(self.contact.national, "031-8030-4652")
        self.assertEqual(self.contact.history.count(), 3)

    def test_create_and_delete_are_recorded(self):
        response = self.client.post(
            reverse("admin:directory_contact_add"),
            {"number": "031-8030-4999", "kind": "fax"},
        )
        self.assertEqual(response.status_code, 302)
        contact = Contact.objects.get(number="031-8030-4999")
        self.client.post(
            reverse("admin:directory_contact_delete", args=[contact.pk]),
            {"post": "yes"},
        )
        self.assertFalse(Contact.objects.filter(pk=contact.pk).exists())
        types = list(
            Contact.history.filter(id=contact.pk).values_list("history_type", flat=True)
        )
        self.assertEqual(types, ["-", "+"])

    def test_service_name_and_division_changes_are_recorded(self):
        service = Service.objects.get(name="결혼이민자 지원")
        division = Division.objects.get(name="이민사회정책 담당")
        self.change(service, name_ko="결혼이민자 정착 지원", division=str(division.pk))
        response = self.history_page(service)
        self.assertContains(response, "결혼이민자 지원")
        self.assertContains(response, "결혼이민자 정착 지원")
        self.assertContains(response, "이민사회정책 담당")

    def test_phone_change_in_the_inline_shows_on_the_service_history(self):
        service = Service.objects.get(name="다문화가족 등 이주 배경 자녀 지원")
        other = Contact.objects.get(number="031-8030-4652")
        self.change(service, **{"service_phones-1-contact": str(other.pk)})
        response = self.history_page(service)
        self.assertContains(
            response,
            "전화번호: 031-8030-4776, 031-8030-4778 → 031-8030-4776, 031-8030-4652",
        )

    def test_pledge_text_change_is_recorded(self):
        pledge = Pledge.objects.first()
        old_text = pledge.text
        self.change(pledge, text_ko="새로운 약속입니다.")
        response = self.history_page(pledge)
        self.assertContains(response, old_text)
        self.assertContains(response, "새로운 약속입니다.")


class ConcurrentEditTests(SeededTestCase):
    # A refused save names the changes made meanwhile from the rows' history,
    # which seeding starts.
    seed_command = True

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.first = make_superuser("first")
        cls.second = make_superuser("second")
        cls.contact = Contact.objects.get(number="031-8030-4652")
        cls.service = Service.objects.get(name="결혼이민자 지원")

    def open_as(self, user, obj):
        self.client.force_login(user)
        return self.client.get(admin_url(obj))

    def test_second_save_of_the_same_version_is_refused(self):
        first_page = self.open_as(self.first, self.contact)
        second_page = self.open_as(self.second, self.contact)
        self.client.post(
            admin_url(self.contact),
            form_data(second_page, number="031-8030-4650", extension="12"),
        )
        self.client.force_login(self.first)
        response = self.client.post(
            admin_url(self.contact), form_data(first_page, kind="fax")
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "편집하는 동안 second 님이 ")
        self.assertContains(response, "번호: “031-8030-4652” → “031-8030-4650”")
        self.assertContains(response, "내선번호: “” → “12”")
        self.contact.refresh_from_db()
        self.assertEqual(self.contact.national, "031-8030-4650")
        self.assertEqual(self.contact.kind, Contact.Kind.PHONE)

    def test_save_after_reopening_the_record_succeeds(self):
        self.open_as(self.first, self.service)
        post_change(self.client, self.service, name_ko="결혼이민자 정착 지원")
        response = post_change(
            self.client, self.service, name_ko="결혼이민자 종합 지원"
        )
        self.assertEqual(response.status_code, 302)
        self.service.refresh_from_db()
        self.assertEqual(self.service.name, "결혼이민자 종합 지원")

    def test_verification_meanwhile_is_not_overwritten(self):
        page = self.open_as(self.first, self.service)
        Service.objects.filter(pk=self.service.pk).mark_verified(user=self.second)
        response = self.client.post(
            admin_url(self.service), form_data(page, name_ko="결혼이민자 정착 지원")
        )
        self.assertContains(response, "최종 확인일")
        self.service.refresh_from_db()
        self.assertEqual(self.service.name, "결혼이민자 지원")
        self.assertIsNotNone(self.service.last_verified)
