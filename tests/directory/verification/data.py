"""Two teams with their services and numbers, and a real SMTP server."""

import email
import socket
import time
from contextlib import contextmanager
from email import policy
from unittest import mock

from aiosmtpd.controller import Controller
from django.core import signing
from django.test import override_settings
from django.utils import timezone

from directory.models import Contact, VerificationRequest
from directory.verification.links import make_token
from tests.factories import make_area, make_contact, make_division, make_service


def make_teams():
    """Team A (with an address) and team B, each with a service."""
    area = make_area()
    team = make_division(
        sector=area.sector, name="외국인정책 담당", work_emails="team@gg.go.kr\n"
    )
    fax = make_contact("031-8030-4699", kind=Contact.Kind.FAX)
    phone = make_contact(
        "031-8030-4772", hours="평일 09:00–18:00", languages="한국어, 영어"
    )
    service = make_service(
        area=area, division=team, phones=[phone], fax=fax, name="외국인 주민 상담"
    )
    other_team = make_division(
        sector=area.sector, name="다문화가족 담당", position=2, work_emails=""
    )
    other = make_service(
        area=area,
        division=other_team,
        phones=["031-8030-4800"],
        name="다문화가족 방문교육",
        position=2,
    )
    return team, service, other_team, other


def sent_request(division, address="team@gg.go.kr"):
    return VerificationRequest.objects.create(
        division=division, address=address, sent_at=timezone.now()
    )


def old_token(request, days=31):
    """A token signed ``days`` ago."""
    with mock.patch(
        "django.core.signing.time.time", return_value=time.time() - days * 86400
    ):
        return make_token(request)


def token_for(payload):
    return signing.dumps(payload, salt="directory.verification")


class Inbox:
    """An aiosmtpd handler that keeps what it receives, or refuses it."""

    def __init__(self, refuse=False):
        self.messages, self.refuse = [], refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=policy.default)
        )
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def smtp_server(refuse=False):
    """A real SMTP server on 127.0.0.1, with Django's SMTP backend sending to it."""
    inbox = Inbox(refuse)
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=controller.port,
            EMAIL_USE_TLS=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
        ):
            yield inbox
    finally:
        controller.stop()


def body_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()
