from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from directory.models import Contact, Report, Service, VerificationRequest
from directory.verification.links import make_token

from .data import make_teams, old_token, sent_request, token_for


class TeamPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.team, cls.service, cls.other_team, cls.other = make_teams()
        cls.request = sent_request(cls.team)

    def setUp(self):
        self.url = reverse("directory:verify", args=[make_token(self.request)])

    def test_page_shows_the_teams_services_and_numbers_only(self):
        response = self.client.get(self.url)
        self.assertContains(response, "외국인정책 담당 번호 확인")
        self.assertContains(response, "외국인 주민 상담")
        self.assertContains(response, "031-8030-4772")
        self.assertContains(response, "031-8030-4699")
        self.assertContains(response, "모두 맞습니다")
        self.assertNotContains(response, "다문화가족 방문교육")
        self.assertIn("no-store", response["Cache-Control"])

    def test_everything_correct_confirms_every_item_with_the_address(self):
        response = self.client.post(self.url, {"confirm": "1"}, follow=True)
        self.assertContains(response, "모든 항목을 오늘 날짜로 확인했습니다")
        self.assertNotContains(response, "이미 사용한 링크입니다")
        self.assertNotContains(response, "새 링크")
        today = timezone.localdate()
        self.service.refresh_from_db()
        self.assertEqual(self.service.last_verified, today)
        for contact in Contact.objects.filter(
            number__in=["031-8030-4772", "031-8030-4699"]
        ):
            self.assertEqual(contact.last_verified, today)
            self.assertEqual(contact.confirmed_by_team_on, today)
            self.assertIn(
                "team@gg.go.kr", contact.history.first().history_change_reason
            )
        self.assertIn(
            "team@gg.go.kr", self.service.history.first().history_change_reason
        )
        self.other.refresh_from_db()
        self.assertIsNone(self.other.last_verified)
        self.request.refresh_from_db()
        self.assertIsNotNone(self.request.used_at)

    def test_replayed_link_is_refused_and_writes_nothing(self):
        self.client.post(self.url, {"confirm": "1"})
        Service.objects.update(last_verified=None)
        history = Service.history.count()
        response = self.client.post(self.url, {"confirm": "1"})
        self.assertContains(response, "이미 사용한 링크입니다", status_code=410)
        self.assertContains(response, "새 링크 받기", status_code=410)
        self.assertEqual(Service.history.count(), history)
        self.assertIsNone(Service.objects.get(pk=self.service.pk).last_verified)

    def test_tampered_link_is_refused_in_korean(self):
        response = self.client.post(self.url[:-3] + "x/", {"confirm": "1"})
        self.assertContains(response, "링크가 잘렸거나 바뀌었습니다", status_code=400)
        self.assertNotContains(response, "새 링크 받기", status_code=400)
        self.assertIsNone(Service.objects.get(pk=self.service.pk).last_verified)

    def test_expired_link_offers_a_fresh_one(self):
        url = reverse("directory:verify", args=[old_token(self.request)])
        response = self.client.post(url, {"confirm": "1"})
        self.assertContains(response, "기간이 지난 링크입니다", status_code=410)
        self.assertContains(response, "새 링크 받기", status_code=410)
        self.assertIsNone(Service.objects.get(pk=self.service.pk).last_verified)

    def test_link_for_another_team_is_refused(self):
        token = token_for({"d": self.other_team.pk, "n": self.request.nonce})
        response = self.client.post(
            reverse("directory:verify", args=[token]), {"confirm": "1"}
        )
        self.assertContains(response, "다른 담당의 링크입니다", status_code=400)
        self.assertIsNone(Service.objects.get(pk=self.service.pk).last_verified)
        self.assertIsNone(Service.objects.get(pk=self.other.pk).last_verified)

    def test_wrong_item_goes_to_the_staff_queue_marked_as_the_teams(self):
        contact = Contact.objects.get(number="031-8030-4772")
        response = self.client.post(
            self.url,
            {
                "service": self.service.pk,
                "contact": contact.pk,
                "problem": "번호가 바뀌었습니다",
                "correction": "031-8030-4773",
            },
            follow=True,
        )
        self.assertContains(response, "담당자가 고친 뒤에 바뀝니다")
        report = Report.objects.get()
        self.assertEqual(
            (report.source, report.team_email, report.contact, report.correction),
            (Report.Source.TEAM, "team@gg.go.kr", contact, "031-8030-4773"),
        )
        contact.refresh_from_db()
        self.assertEqual(contact.label, "031-8030-4772")
        self.assertIsNone(contact.last_verified)

    def test_confirming_after_a_report_leaves_the_reported_number_due(self):
        contact = Contact.objects.get(number="031-8030-4772")
        self.client.post(
            self.url,
            {
                "service": self.service.pk,
                "contact": contact.pk,
                "problem": "번호가 바뀌었습니다",
                "correction": "031-8030-4773",
            },
        )
        self.client.post(self.url, {"confirm": "1"})
        contact.refresh_from_db()
        self.assertIsNone(contact.last_verified)
        self.assertEqual(
            Contact.objects.get(number="031-8030-4699").last_verified,
            timezone.localdate(),
        )

    def test_report_on_another_teams_service_is_refused(self):
        response = self.client.post(
            self.url,
            {"service": self.other.pk, "problem": "틀림", "correction": "맞음"},
        )
        self.assertContains(response, "올바르게 선택해 주세요", status_code=400)
        self.assertFalse(Report.objects.exists())

    def test_report_with_a_number_of_another_service_is_refused(self):
        response = self.client.post(
            self.url,
            {
                "service": self.service.pk,
                "contact": Contact.objects.get(number="031-8030-4800").pk,
                "problem": "틀림",
                "correction": "맞음",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Report.objects.exists())


class SharedNumberTests(TestCase):
    """A number two teams use counts as confirmed once both have confirmed it."""

    @classmethod
    def setUpTestData(cls):
        cls.team, cls.service, cls.other_team, cls.other = make_teams()
        cls.shared = Contact.objects.get(number="+82318030" + "4772")
        cls.other.service_phones.create(contact=cls.shared, position=2)
        cls.other_team.work_emails = "other@gg.go.kr"
        cls.other_team.save()

    def confirm(self, team, address):
        token = make_token(sent_request(team, address))
        self.client.post(reverse("directory:verify", args=[token]), {"confirm": "1"})

    def test_one_teams_confirmation_does_not_confirm_the_other_teams_number(self):
        self.confirm(self.team, "team@gg.go.kr")
        self.shared.refresh_from_db()
        self.assertIsNone(self.shared.confirmed_by_team_on)
        self.assertIsNone(self.shared.last_verified)
        fax = Contact.objects.get(number="+82318030" + "4699")
        self.assertEqual(fax.confirmed_by_team_on, timezone.localdate())
        response = self.client.get(self.other.get_absolute_url())
        self.assertNotContains(response, "team-confirmed")

    def test_the_second_team_confirms_the_shared_number(self):
        self.confirm(self.team, "team@gg.go.kr")
        self.confirm(self.other_team, "other@gg.go.kr")
        self.shared.refresh_from_db()
        self.assertEqual(self.shared.confirmed_by_team_on, timezone.localdate())


class FreshLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.team, cls.service, cls.other_team, cls.other = make_teams()
        cls.request = sent_request(cls.team)
        VerificationRequest.objects.filter(pk=cls.request.pk).update(
            created_at=timezone.now() - timezone.timedelta(days=40)
        )

    def fresh_link(self, token):
        return self.client.post(reverse("directory:verify-fresh-link", args=[token]))

    def test_expired_link_sends_a_fresh_one_to_the_same_address(self):
        response = self.fresh_link(old_token(self.request))
        self.assertContains(response, "team@gg.go.kr(으)로 새 링크를 보냈습니다")
        [message] = mail.outbox
        self.assertEqual(message.to, ["team@gg.go.kr"])
        new = VerificationRequest.objects.exclude(pk=self.request.pk).get()
        self.assertIn(make_token(new).split(":")[0], message.body)

    def test_fresh_links_are_rate_limited(self):
        self.fresh_link(old_token(self.request))
        response = self.fresh_link(old_token(self.request))
        self.assertContains(response, "몇 분 전에", status_code=429)
        self.assertEqual(len(mail.outbox), 1)

    def test_valid_or_tampered_link_gets_no_fresh_one(self):
        self.assertEqual(self.fresh_link("abc").status_code, 400)
        # One token: two signed a second apart differ in their time.
        token = make_token(sent_request(self.team))
        response = self.fresh_link(token)
        self.assertRedirects(response, reverse("directory:verify", args=[token]))
        self.assertEqual(mail.outbox, [])
        self.assertEqual(VerificationRequest.objects.count(), 2)

    def test_removed_address_gets_no_fresh_link(self):
        self.team.work_emails = "new@gg.go.kr"
        self.team.save()
        response = self.fresh_link(old_token(self.request))
        self.assertContains(
            response, "더 이상 이 담당의 주소가 아닙니다", status_code=403
        )
        self.assertEqual(mail.outbox, [])

    def test_fresh_link_only_by_post(self):
        url = reverse("directory:verify-fresh-link", args=[old_token(self.request)])
        self.assertEqual(self.client.get(url).status_code, 405)


class PublicPageTests(TestCase):
    def test_service_page_shows_the_teams_confirmation_date(self):
        team, service, *_ = make_teams()
        Contact.objects.filter(number="031-8030-4772").mark_confirmed_by_team(
            "team@gg.go.kr"
        )
        response = self.client.get(service.get_absolute_url())
        today = timezone.localdate().isoformat()
        self.assertContains(response, f'담당 부서 확인 <time datetime="{today}">')
        response = self.client.get("/en" + service.get_absolute_url())
        self.assertContains(response, "Confirmed by the team")
