import hashlib
from datetime import timedelta

from django.core.cache import cache
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from directory.models import Contact, Report
from directory.reports import REPORTS_PER_HOUR
from tests.admin_forms import make_staff, make_superuser
from tests.factories import make_contact, make_service


class ReportFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.service = make_service(name="결혼이민자 지원")
        cls.contact = Contact.objects.get()
        cls.url = reverse("directory:service-report", args=[cls.service.pk])

    def setUp(self):
        cache.clear()

    def report(self, **fields):
        data = {"contact": str(self.contact.pk), "problem": "없는 번호입니다."}
        data.update(fields)
        return self.client.post(self.url, data, follow=True)

    def test_service_page_offers_the_form_with_its_numbers(self):
        response = self.client.get(self.service.get_absolute_url())
        self.assertContains(response, "이 정보가 틀렸나요?")
        self.assertContains(
            response, f'<option value="{self.contact.pk}">전화 031-8030-4652</option>'
        )
        self.assertContains(response, f'<form method="get" action="{self.url}">')
        # The service page stays cacheable: its form only leads to the report page.
        self.assertNotContains(response, "csrfmiddlewaretoken")

    def test_report_waits_for_staff_and_changes_nothing(self):
        response = self.report(correction="031-8030-4650")
        self.assertContains(response, "감사합니다")
        report = Report.objects.get()
        self.assertEqual(report.status, Report.Status.OPEN)
        self.assertEqual(report.contact, self.contact)
        self.assertEqual(report.correction, "031-8030-4650")
        self.contact.refresh_from_db()
        self.assertEqual(self.contact.national, "031-8030-4652")
        self.assertIsNone(self.contact.last_verified)

    def test_report_without_a_number_is_accepted(self):
        self.report(contact="", problem="담당 부서 이름이 바뀌었습니다.")
        self.assertIsNone(Report.objects.get().contact)

    def test_problem_is_required(self):
        response = self.report(problem="")
        self.assertContains(response, "필수 항목입니다")
        self.assertFalse(Report.objects.exists())

    def test_number_of_another_service_is_refused(self):
        other = make_contact("031-8030-4999")
        self.report(contact=str(other.pk))
        self.assertFalse(Report.objects.exists())

    def test_honeypot_reports_are_dropped_quietly(self):
        response = self.report(website="https://spam.example")
        self.assertContains(response, "감사합니다")
        self.assertFalse(Report.objects.exists())

    def test_floods_from_one_address_are_held_off(self):
        for _attempt in range(5):
            self.report()
        response = self.report()
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "신고가 너무 많습니다", status_code=429)
        self.assertEqual(Report.objects.count(), 5)
        other_address = self.client.post(
            self.url, {"problem": "틀립니다."}, REMOTE_ADDR="10.0.0.2"
        )
        self.assertEqual(other_address.status_code, 302)

    def test_csrf_token_is_required(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post(self.url, {"problem": "틀립니다."})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Report.objects.exists())

    def test_report_page_asks_about_the_chosen_number(self):
        response = self.client.get(self.url, {"contact": self.contact.pk})
        self.assertContains(response, "csrfmiddlewaretoken")
        self.assertContains(
            response,
            f'<option value="{self.contact.pk}" selected>전화 031-8030-4652</option>',
        )
        self.assertEqual(response["Cache-Control"].count("no-cache"), 1)

    def test_report_page_ignores_a_bad_number_choice(self):
        response = self.client.get(self.url, {"contact": "x<script>"})
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "x<script>")


class ReportRateTests(TestCase):
    """The quota is counted from the stored reports, so every worker sees it."""

    @classmethod
    def setUpTestData(cls):
        cls.service = make_service(name="결혼이민자 지원")
        cls.url = reverse("directory:service-report", args=[cls.service.pk])

    def post(self, problem="없는 번호입니다.", **extra):
        # A fresh client and an empty cache stand for another worker each time.
        cache.clear()
        return Client().post(self.url, {"problem": problem, **extra}, **extra)

    def test_separate_workers_still_stop_at_five_an_hour(self):
        statuses = [self.post().status_code for _ in range(REPORTS_PER_HOUR + 2)]
        self.assertEqual(statuses, [302] * REPORTS_PER_HOUR + [429, 429])
        self.assertEqual(Report.objects.count(), REPORTS_PER_HOUR)
        other = self.post(REMOTE_ADDR="10.0.0.2")
        self.assertEqual(other.status_code, 302)

    def test_reports_older_than_an_hour_do_not_count(self):
        for _ in range(REPORTS_PER_HOUR):
            self.post()
        Report.objects.update(created_at=timezone.now() - timedelta(minutes=61))
        self.assertEqual(self.post().status_code, 302)

    def test_invalid_posts_and_the_honeypot_do_not_spend_the_quota(self):
        for _ in range(REPORTS_PER_HOUR * 2):
            self.assertEqual(self.post(problem="").status_code, 200)
            self.post(website="https://spam.example")
        self.assertFalse(Report.objects.exists())
        self.assertEqual(self.post().status_code, 302)
        self.assertEqual(Report.objects.count(), 1)

    def test_the_address_is_kept_only_as_a_salted_hash(self):
        self.post()
        stored = Report.objects.get().client_hash
        self.assertEqual(len(stored), 64)
        self.assertNotEqual(stored, hashlib.sha256(b"127.0.0.1").hexdigest())
        history_fields = [f.name for f in Report.history.model._meta.fields]
        self.assertNotIn("client_hash", history_fields)

    @override_settings(PROXY_COUNT=1)
    def test_behind_the_proxy_each_visitor_has_a_quota(self):
        for _ in range(REPORTS_PER_HOUR):
            self.post(HTTP_X_FORWARDED_FOR="198.51.100.66")
        self.assertEqual(
            self.post(HTTP_X_FORWARDED_FOR="198.51.100.66").status_code, 429
        )
        self.assertEqual(self.post(HTTP_X_FORWARDED_FOR="203.0.113.5").status_code, 302)

    def test_only_get_and_post_are_answered(self):
        for method in ("put", "patch", "delete"):
            with self.subTest(method=method):
                response = getattr(Client(), method)(
                    self.url,
                    "problem=x",
                    content_type="application/x-www-form-urlencoded",
                )
                self.assertEqual(response.status_code, 405)
                self.assertEqual(response["Allow"], "GET, POST, HEAD, OPTIONS")
        self.assertFalse(Report.objects.exists())


class ReportAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_superuser()
        cls.service = make_service(name="결혼이민자 지원")
        cls.contact = Contact.objects.get()
        cls.report = Report.objects.create(
            service=cls.service, contact=cls.contact, problem="없는 번호입니다."
        )

    def setUp(self):
        self.client.force_login(self.admin)

    def act(self, action):
        return self.client.post(
            reverse("admin:directory_report_changelist"),
            {"action": action, "_selected_action": [self.report.pk]},
            follow=True,
        )

    def test_queue_links_each_report_to_its_service(self):
        response = self.client.get(reverse("admin:directory_report_changelist"))
        self.assertContains(response, "없는 번호입니다.")
        self.assertContains(
            response, reverse("admin:directory_service_change", args=[self.service.pk])
        )

    def test_index_counts_open_reports(self):
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, "접수된 공개 신고 1건")

    def test_resolving_alone_does_not_verify(self):
        self.act("resolve")
        self.service.refresh_from_db()
        self.contact.refresh_from_db()
        self.assertNotEqual(self.service.last_verified, timezone.localdate())
        self.assertNotEqual(self.contact.last_verified, timezone.localdate())

    def test_resolving_checked_verifies_the_service_and_number(self):
        response = self.act("resolve_checked")
        self.assertContains(response, "신고 1건을 처리했습니다")
        self.report.refresh_from_db()
        self.assertEqual(self.report.status, Report.Status.RESOLVED)
        self.assertIsNotNone(self.report.closed_at)
        today = timezone.localdate()
        self.service.refresh_from_db()
        self.contact.refresh_from_db()
        self.assertEqual(self.service.last_verified, today)
        self.assertEqual(self.contact.last_verified, today)

    def test_dismissing_does_not_count_as_verified(self):
        self.act("dismiss")
        self.report.refresh_from_db()
        self.assertEqual(self.report.status, Report.Status.DISMISSED)
        self.service.refresh_from_db()
        self.assertNotEqual(self.service.last_verified, timezone.localdate())

    def test_contact_keeper_works_through_the_queue(self):
        self.client.force_login(make_staff("keeper", "연락처 담당자"))
        self.act("resolve")
        self.report.refresh_from_db()
        self.assertEqual(self.report.status, Report.Status.RESOLVED)

    def test_reports_cannot_be_added_or_edited_in_the_admin(self):
        self.assertEqual(
            self.client.get(reverse("admin:directory_report_add")).status_code, 403
        )
        response = self.client.get(
            reverse("admin:directory_report_change", args=[self.report.pk])
        )
        self.assertNotContains(response, 'name="problem"')
