from django.test import TestCase

from directory.verification.links import Problem, make_token, read_token

from .data import make_teams, old_token, sent_request, token_for


class ReadTokenTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.team, cls.service, cls.other_team, cls.other = make_teams()
        cls.request = sent_request(cls.team)

    def test_fresh_token_names_its_request(self):
        link = read_token(make_token(self.request))
        self.assertEqual((link.request, link.problem), (self.request, ""))

    def test_changed_token_is_tampered(self):
        token = make_token(self.request)
        self.assertEqual(read_token(token[:-2] + "xx").problem, Problem.TAMPERED)
        self.assertIsNone(read_token("외국인정책").request)

    def test_token_signed_with_another_salt_is_tampered(self):
        from django.core import signing

        token = signing.dumps({"d": self.team.pk, "n": self.request.nonce})
        self.assertEqual(read_token(token).problem, Problem.TAMPERED)

    def test_token_naming_another_team_is_refused(self):
        token = token_for({"d": self.other_team.pk, "n": self.request.nonce})
        link = read_token(token)
        self.assertEqual(link.problem, Problem.OTHER_TEAM)
        self.assertIsNone(link.request)

    def test_old_token_is_expired_but_names_its_request(self):
        link = read_token(old_token(self.request))
        self.assertEqual((link.request, link.problem), (self.request, Problem.EXPIRED))

    def test_used_token_is_used(self):
        from django.utils import timezone

        self.request.used_at = timezone.now()
        self.request.save()
        self.assertEqual(read_token(make_token(self.request)).problem, Problem.USED)

    def test_token_of_removed_address_is_refused(self):
        self.team.work_emails = "new@gg.go.kr"
        self.team.save()
        link = read_token(make_token(self.request))
        self.assertEqual(link.problem, Problem.ADDRESS_REMOVED)
