"""The verification e-mail: what the public sees of a team, and its link.

Mail goes through Django's configured backend (SMTP in production). A request
is recorded before it is sent, so a refused message is never lost: its error
is kept and the next run of ``request_verifications`` sends it again.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from ..models import Division, VerificationRequest
from .links import link_lifetime, make_token

logger = logging.getLogger(__name__)


def link_url(request):
    """The absolute Korean address of the request's page."""
    with translation.override("ko"):
        path = reverse("directory:verify", args=[make_token(request)])
    return settings.SITE_URL + path


def build_message(request, url=None):
    """The Korean e-mail for ``request`` (an unsaved one for a dry run)."""
    division = Division.objects.for_page().get(pk=request.division_id)
    with translation.override("ko"):
        context = {
            "division": division,
            "url": url or link_url(request),
            "expires": (timezone.localtime() + link_lifetime()).date(),
            "site_url": settings.SITE_URL,
        }
        subject = render_to_string(
            "directory/verification/request_subject.txt", context
        )
        body = render_to_string("directory/verification/request_email.txt", context)
    return EmailMessage(" ".join(subject.split()), body, to=[request.address])


def send_request(division, address, connection=None):
    """Record a request to ``address`` and send it; True when it was sent."""
    request = VerificationRequest.objects.create(division=division, address=address)
    message = build_message(request)
    message.connection = connection
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        logger.exception(
            "verification mail to %s for division %s failed", address, division.pk
        )
        request.error = f"{type(error).__name__}: {error}"[:2000]
        request.save(update_fields=["error"])
        return False
    request.sent_at = timezone.now()
    request.save(update_fields=["sent_at"])
    return True
