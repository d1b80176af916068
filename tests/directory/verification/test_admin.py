from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from directory.models import Contact, Division, VerificationRequest
from tests.admin_forms import admin_url, make_superuser, post_change
from tests.factories import make_area, make_contact, make_division, make_service

from .data import make_teams, sent_request


class TeamConfirmationAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = make_superuser()
        cls.team, cls.service, cls.other_team, cls.other = make_teams()
        Contact.objects.filter(number="031-8030-4772").mark_verified()
        sent_request(cls.team)

    def setUp(self):
        self.client.force_login(self.admin)

    def test_index_shows_each_teams_share_and_who_never_answered(self):
        response = self.client.get(reverse("admin:index"))
        messages = [str(m) for m in response.context["messages"]]
        shares = next(m for m in messages if "기간 안에 확인하지 않은 번호" in m)
        self.assertIn("외국인정책 담당 50% (1/2)", shares)
        self.assertIn("다문화가족 담당 0% (0/1)", shares)
        self.assertTrue(any("한 번도 답하지 않은 담당 1곳" in m for m in messages))
        self.assertTrue(
            any("업무 전자우편 주소가 없는 담당 1곳" in m for m in messages)
        )

    def test_answering_removes_the_team_from_never_answered(self):
        VerificationRequest.objects.update(used_at=timezone.now())
        response = self.client.get(reverse("admin:index"))
        messages = [str(m) for m in response.context["messages"]]
        self.assertFalse(any("한 번도 답하지 않은" in m for m in messages))

    def test_division_list_filters_teams_never_answered(self):
        url = reverse("admin:directory_division_changelist")
        response = self.client.get(url, {"confirmation": "never"})
        self.assertEqual(list(response.context["cl"].result_list), [self.team])
        response = self.client.get(url, {"confirmation": "no-address"})
        self.assertEqual(list(response.context["cl"].result_list), [self.other_team])

    def test_division_form_keeps_addresses_with_history(self):
        response = self.client.get(admin_url(self.other_team))
        self.assertContains(response, 'name="work_emails"')
        post_change(self.client, self.other_team, work_emails="a@gg.go.kr\nb@gg.go.kr")
        division = Division.objects.get(pk=self.other_team.pk)
        self.assertEqual(division.email_addresses, ["a@gg.go.kr", "b@gg.go.kr"])
        self.assertEqual(division.history.first().work_emails, "a@gg.go.kr\nb@gg.go.kr")

    def test_division_form_refuses_an_invalid_address(self):
        response = post_change(
            self.client, self.other_team, work_emails="a@gg.go.kr\n담당자"
        )
        self.assertContains(response, "올바른 이메일 주소를 입력하세요")
        self.assertEqual(Division.objects.get(pk=self.other_team.pk).work_emails, "")

    def test_sent_requests_are_listed_read_only(self):
        response = self.client.get(
            reverse("admin:directory_verificationrequest_changelist")
        )
        self.assertContains(response, "team@gg.go.kr")
        self.assertNotContains(response, "verificationrequest/add/")


class ManyTeamsDueTests(TestCase):
    """A national directory has thousands of teams due: the index names the
    ones furthest behind, and its link lists them all."""

    @classmethod
    def setUpTestData(cls):
        cls.admin = make_superuser()
        area = make_area()
        for n in range(12):
            team = make_division(sector=area.sector, name=f"담당{n:02d}", position=n)
            phones = [f"031-8030-{5000 + 2 * n}", f"031-8030-{5001 + 2 * n}"]
            make_service(
                area=area, division=team, phones=phones, position=n, name=f"상담{n}"
            )
            # Teams 0-5 have one of their two numbers verified, 6-11 none;
            # a shared fax, verified, counts once for each team.
        Contact.objects.filter(
            number__in=[f"031-8030-{5000 + 2 * n}" for n in range(6)]
        ).mark_verified()
        fax = make_contact("031-8030-4699", kind=Contact.Kind.FAX)
        Contact.objects.filter(pk=fax.pk).mark_verified()
        make_service(
            area=area,
            division=Division.objects.get(name="담당00"),
            fax=fax,
            name="팩스 상담",
            position=20,
            phones=[],
        )

    def test_the_index_names_the_teams_furthest_behind_first(self):
        self.client.force_login(self.admin)
        response = self.client.get(reverse("admin:index"))
        messages = [str(m) for m in response.context["messages"]]
        shares = next(m for m in messages if "기간 안에 확인하지 않은 번호" in m)
        named = strip_tags(shares).split(": ", 1)[1].split(", ")
        self.assertEqual(
            named,
            [f"담당{n:02d} 0% (0/2)" for n in range(6, 12)]
            + [f"담당{n:02d} 50% (1/2)" for n in range(1, 5)]
            # 담당00's shared fax, verified, is one more number of its own.
            + ["…"],
        )
        self.assertIn("12", shares.split(": ", 1)[0])
        # The filtered list has every team due, the one with its fax too.
        url = reverse("admin:directory_division_changelist")
        listed = self.client.get(url, {"confirmation": "due"}).context["cl"]
        self.assertEqual(listed.result_count, 12)
