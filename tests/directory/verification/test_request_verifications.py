from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from directory.models import Contact, Service, VerificationRequest
from directory.verification.links import make_token

from .data import body_of, make_teams, sent_request, smtp_server


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("request_verifications", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@override_settings(SITE_URL="https://directory.example.kr")
class RequestVerificationsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.team, cls.service, cls.other_team, cls.other = make_teams()

    def test_due_team_is_sent_one_link_and_not_again_within_the_interval(self):
        out, _ = run()
        self.assertIn("외국인정책 담당 <team@gg.go.kr>에 보냈습니다", out)
        [message] = mail.outbox
        self.assertEqual(message.to, ["team@gg.go.kr"])
        self.assertIn("외국인 주민 상담", message.body)
        request = VerificationRequest.objects.get()
        self.assertIsNotNone(request.sent_at)
        out, _ = run()
        self.assertIn("보내지 않았습니다", out)
        self.assertEqual(len(mail.outbox), 1)

    def test_team_without_an_address_is_skipped_and_named(self):
        out, _ = run()
        self.assertIn(
            "다문화가족 담당: 등록된 전자우편 주소가 없어 보내지 않았습니다", out
        )
        self.assertFalse(VerificationRequest.objects.filter(division=self.other_team))

    def test_team_with_everything_verified_is_not_asked(self):
        Service.objects.filter(division=self.team).mark_verified()
        Contact.objects.mark_verified()
        out, _ = run()
        self.assertEqual(mail.outbox, [])
        self.assertNotIn("외국인정책 담당", out)

    @override_settings(VERIFY_AFTER_DAYS=30)
    def test_due_period_comes_from_the_setting(self):
        old = timezone.localdate() - timezone.timedelta(days=45)
        Service.objects.update(last_verified=old)
        Contact.objects.update(last_verified=old)
        run()
        self.assertEqual(len(mail.outbox), 1)
        with override_settings(VERIFY_AFTER_DAYS=60):
            self.assertFalse(Service.objects.needs_verification().exists())

    def test_dry_run_prints_the_message_and_sends_nothing(self):
        out, _ = run("--dry-run")
        self.assertIn("To: team@gg.go.kr", out)
        self.assertIn("031-8030-4772 · 평일 09:00–18:00 · 응대 언어: 한국어, 영어", out)
        self.assertEqual(mail.outbox, [])
        self.assertFalse(VerificationRequest.objects.exists())

    def test_refused_mail_is_logged_recorded_and_sent_on_the_next_run(self):
        with smtp_server(refuse=True), self.assertLogs("directory.verification"):
            with self.assertRaisesMessage(CommandError, "1"):
                run()
        failed = VerificationRequest.objects.get()
        self.assertIsNone(failed.sent_at)
        self.assertIn("550", failed.error)
        with smtp_server() as inbox:
            out, _ = run()
        self.assertIn("1건 보냄, 0건 실패", out)
        [message] = inbox.messages
        self.assertEqual(message["To"], "team@gg.go.kr")
        self.assertIn("031-8030-4699", body_of(message))
        self.assertEqual(VerificationRequest.objects.sent().count(), 1)


class SiteAddressTests(TestCase):
    """Without DJANGO_SITE_URL, links come from the request's own address."""

    @classmethod
    def setUpTestData(cls):
        cls.team, *_ = make_teams()

    @override_settings(SITE_URL="")
    def test_command_refuses_to_mail_links_without_the_sites_address(self):
        with self.assertRaises(CommandError) as caught:
            run()
        self.assertIn("DJANGO_SITE_URL", str(caught.exception))
        self.assertEqual(mail.outbox, [])
        self.assertFalse(VerificationRequest.objects.exists())

    @override_settings(SITE_URL="", ALLOWED_HOSTS=["directory.local"])
    def test_fresh_link_is_built_on_the_address_the_page_was_asked_on(self):
        used = sent_request(self.team)
        VerificationRequest.objects.filter(pk=used.pk).update(
            used_at=timezone.now(), created_at=timezone.now() - timedelta(hours=1)
        )
        url = reverse("directory:verify-fresh-link", args=[make_token(used)])
        self.client.post(url, HTTP_HOST="directory.local:8123")
        [message] = mail.outbox
        self.assertIn("http://directory.local:8123/verify/", message.body)
        self.assertNotIn(":8000", message.body)
