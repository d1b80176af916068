from django.core.cache import cache

from directory.models import Contact, Report, Service
from tests.base import SeededTestCase


class ReportLanguageTests(SeededTestCase):
    """A report records the page's language; its confirmation offers a line
    that answers in that language, not the number reported as wrong."""

    def setUp(self):
        cache.clear()

    def test_a_vietnamese_report_is_recorded_as_such_and_offers_a_vietnamese_line(self):
        service = Service.objects.get(name="결혼이민자 지원")
        contact = Contact.objects.get(number="+823180304773")
        response = self.client.post(
            f"/vi/services/{service.pk}/report/",
            {"contact": str(contact.pk), "problem": "Số này không ai nghe."},
            follow=True,
        )
        self.assertEqual(Report.objects.get().language, "vi")
        lines = response.context["help_lines"]
        self.assertEqual(len(lines), 1)
        self.assertTrue(lines[0].answers_in("vi"))
        self.assertContains(response, f'href="{lines[0].tel_uri}"')
        self.assertContains(response, '<span lang="vi">Tiếng Việt</span>')
