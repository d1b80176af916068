from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from directory.models import Contact, Division, Service


class AdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("loaddata", "standards", "directory", verbosity=0)
        cls.admin = get_user_model().objects.create_superuser(
            "manager", "manager@example.org", "correct-horse-battery"
        )

    def setUp(self):
        self.client.force_login(self.admin)

    def test_admin_requires_login(self):
        self.client.logout()
        response = self.client.get(reverse("admin:directory_service_changelist"))
        self.assertRedirects(
            response,
            reverse("admin:login")
            + "?next="
            + reverse("admin:directory_service_changelist"),
        )

    def test_admin_speaks_korean(self):
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, "행정서비스 안내 관리")
        self.assertContains(response, "행정서비스 이행표준")
        self.assertContains(response, "정책분야")

    def test_service_changelist_shows_numbers_and_filters(self):
        response = self.client.get(reverse("admin:directory_service_changelist"))
        self.assertContains(response, "다문화가족 등 이주 배경 자녀 지원")
        self.assertContains(response, "031-8030-4776, 031-8030-4778")
        self.assertContains(response, "담당")

    def test_service_search_by_division(self):
        response = self.client.get(
            reverse("admin:directory_service_changelist"), {"q": "이민유치전략"}
        )
        self.assertContains(response, "외국인 우수인재 유치 지원")
        self.assertNotContains(response, "결혼이민자 지원")

    def test_division_changelist_and_change_page_with_services_inline(self):
        division = Division.objects.get(name="이민체류지원 담당")
        response = self.client.get(reverse("admin:directory_division_changelist"))
        self.assertContains(response, "031-8030-4692, 031-8030-4693")
        response = self.client.get(
            reverse("admin:directory_division_change", args=[division.pk])
        )
        self.assertContains(response, "이주민 지역사회 적응지원")

    def test_contact_search_and_service_count(self):
        response = self.client.get(
            reverse("admin:directory_contact_changelist"), {"q": "4655"}
        )
        self.assertContains(response, "031-8030-4655")
        self.assertContains(response, '<td class="field-service_count">2</td>')

    def test_service_change_page_lists_phones_inline(self):
        service = Service.objects.get(name="다문화가족 등 이주 배경 자녀 지원")
        response = self.client.get(
            reverse("admin:directory_service_change", args=[service.pk])
        )
        self.assertContains(response, "서비스 전화번호")
        contact = Contact.objects.get(number="031-8030-4778")
        self.assertContains(response, f'value="{contact.pk}"')

    def test_standard_admin_pages(self):
        for name in [
            "standards_sector",
            "standards_policyarea",
            "standards_commitment",
            "standards_pledge",
        ]:
            response = self.client.get(reverse(f"admin:{name}_changelist"))
            self.assertContains(response, "이민사회")
        response = self.client.get(
            reverse("admin:standards_pledge_changelist"), {"q": "거버넌스"}
        )
        self.assertContains(response, "포괄적 거버넌스를 운영하여")
        self.assertContains(response, "1개 ")
