from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from directory.models import VerificationRequest
from directory.verification.links import make_token

from .data import make_teams, old_token, sent_request


class NoServerErrorTests(TestCase):
    """Every verification URL, with every kind of link and method, answers
    without a server error."""

    @classmethod
    def setUpTestData(cls):
        cls.team, _service, cls.other_team, _other = make_teams()
        live, used = sent_request(cls.team), sent_request(cls.team)
        VerificationRequest.objects.filter(pk=used.pk).update(used_at=timezone.now())
        expired = sent_request(cls.team)
        cls.tokens = {
            "live": make_token(live),
            "used": make_token(used),
            "expired": old_token(expired),
            "tampered": make_token(live)[:-3] + "abc",
            "garbage": "abc:def:ghi",
        }

    def test_no_url_answers_500(self):
        client = Client(raise_request_exception=False)
        for name in ["verify", "verify-fresh-link", "verify-done"]:
            for kind, token in self.tokens.items():
                url = reverse(f"directory:{name}", args=[token])
                for method in ["get", "post", "head"]:
                    with self.subTest(url=name, link=kind, method=method):
                        response = getattr(client, method)(url)
                        self.assertLess(response.status_code, 500)
