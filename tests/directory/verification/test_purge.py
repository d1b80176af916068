from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from directory.models import Report, VerificationRequest

from .data import make_teams, sent_request


class PurgeTests(TestCase):
    """The command erases what the privacy page says is kept only for a while."""

    @classmethod
    def setUpTestData(cls):
        cls.team, cls.service, *_ = make_teams()

    def report(self):
        url = reverse("directory:service-report", args=[self.service.pk])
        self.client.post(url, {"problem": "없는 번호입니다."})
        return Report.objects.latest("pk")

    def test_address_hashes_older_than_the_quota_are_erased(self):
        old, recent = self.report(), self.report()
        self.assertTrue(old.client_hash)
        Report.objects.filter(pk=old.pk).update(
            created_at=timezone.now() - timedelta(hours=2)
        )
        call_command("purge_personal_data", stdout=StringIO())
        old.refresh_from_db()
        recent.refresh_from_db()
        self.assertEqual(old.client_hash, "")
        self.assertTrue(recent.client_hash)
        self.assertEqual(old.problem, "없는 번호입니다.")

    def test_requests_older_than_a_year_go_with_their_history(self):
        old, recent = sent_request(self.team), sent_request(self.team)
        VerificationRequest.objects.filter(pk=old.pk).update(
            created_at=timezone.now() - timedelta(days=400)
        )
        call_command("purge_personal_data", stdout=StringIO())
        self.assertEqual(list(VerificationRequest.objects.all()), [recent])
        self.assertFalse(VerificationRequest.history.filter(id=old.pk).exists())

    def test_privacy_page_says_what_the_command_does(self):
        response = self.client.get(reverse("core:privacy"))
        self.assertContains(response, "하루 안에 지웁니다")
        self.assertContains(response, "1년 동안 보관합니다")
        self.assertNotContains(response, "한 시간")
