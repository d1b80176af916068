from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from directory.models import Service

PREFIXES = {"ko": "", "en": "/en", "zh-hans": "/zh-hans", "vi": "/vi", "ru": "/ru"}


class HelpLineTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("loaddata", "standards", "directory", "helplines", verbosity=0)
        cls.path = f"/services/{Service.objects.first().pk}/"

    def test_translated_service_pages_list_the_help_lines(self):
        response = self.client.get("/zh-hans" + self.path)
        self.assertContains(response, "用您的语言获得帮助")
        self.assertContains(
            response,
            '外国人综合咨询中心 <span class="korean-text" lang="ko">'
            "외국인종합안내센터</span>",
        )
        self.assertContains(response, '<a class="tel" href="tel:1345">1345</a>')
        self.assertContains(response, 'href="tel:15771366">1577-1366</a>')
        self.assertContains(response, "09:00–18:00, 工作日")
        self.assertContains(response, "24小时, 每天")
        self.assertContains(response, "한국어, English, ")
        self.assertContains(response, "Русский")

    def test_korean_service_pages_leave_them_out(self):
        self.assertNotContains(self.client.get(self.path), "help-lines")

    def test_staff_edit_help_lines_in_the_admin(self):
        admin = get_user_model().objects.create_superuser("admin", "", "pw-long-1234")
        self.client.force_login(admin)
        response = self.client.get(
            reverse("admin:directory_helpline_changelist"), {"q": "1345"}
        )
        self.assertContains(response, "외국인종합안내센터")
