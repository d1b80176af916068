from django.urls import reverse

from directory.models import Contact, Report, Service
from tests.base import SeededAdminTestCase, SeededTestCase


class ReportConfirmationTests(SeededTestCase):
    def test_sending_a_report_redirects_to_a_confirmation_page(self):
        contact = self.service.phones_in_order[0]
        url = reverse("directory:service-report", args=[self.service.pk])
        response = self.client.post(
            url, {"contact": contact.pk, "problem": "번호가 바뀌었어요"}, follow=True
        )
        sent = reverse("directory:service-report-sent", args=[self.service.pk])
        self.assertRedirects(response, sent)
        self.assertContains(response, "신고 접수 완료")
        self.assertContains(response, contact.tel_uri)
        self.assertNotContains(response, 'name="problem"')
        self.assertEqual(Report.objects.get().problem, "번호가 바뀌었어요")


class ReportCloseTests(SeededAdminTestCase):
    def setUp(self):
        super().setUp()
        self.contact = self.service.phones_in_order[0]
        Service.objects.filter(pk=self.service.pk).update(last_verified=None)
        Contact.objects.filter(pk=self.contact.pk).update(last_verified=None)
        self.report = Report.objects.create(
            service=self.service, contact=self.contact, problem="틀림"
        )

    def change(self, **data):
        url = reverse("admin:directory_report_change", args=[self.report.pk])
        form = self.client.get(url).context["adminform"].form
        return self.client.post(
            url, {"seen_version": form.initial["seen_version"], **data}, follow=True
        )

    def test_report_page_offers_to_close_it(self):
        url = reverse("admin:directory_report_change", args=[self.report.pk])
        response = self.client.get(url)
        self.assertContains(response, 'name="outcome"')
        self.assertContains(response, 'name="checked"')

    def test_resolving_without_the_tick_does_not_verify_the_number(self):
        response = self.change(outcome="resolved")
        self.report.refresh_from_db()
        self.assertEqual(self.report.status, Report.Status.RESOLVED)
        self.assertIsNone(Contact.objects.get(pk=self.contact.pk).last_verified)
        self.assertIsNone(Service.objects.get(pk=self.service.pk).last_verified)
        self.assertContains(response, "확인한 것으로 기록하지 않았습니다")

    def test_resolving_with_the_tick_verifies_service_and_number(self):
        self.change(outcome="resolved", checked="on")
        self.assertIsNotNone(Contact.objects.get(pk=self.contact.pk).last_verified)
        self.assertIsNotNone(Service.objects.get(pk=self.service.pk).last_verified)

    def test_list_action_resolve_does_not_verify(self):
        self.client.post(
            reverse("admin:directory_report_changelist"),
            {"action": "resolve", "_selected_action": [self.report.pk]},
        )
        self.report.refresh_from_db()
        self.assertEqual(self.report.status, Report.Status.RESOLVED)
        self.assertIsNone(Contact.objects.get(pk=self.contact.pk).last_verified)
