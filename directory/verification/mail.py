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


def site_url(http_request=None):
    """The site's address: ``DJANGO_SITE_URL``, or the one ``http_request``
    was made on, so that links work whatever the port."""
    if settings.SITE_URL or http_request is None:
        return settings.SITE_URL
    return http_request.build_absolute_uri("/").rstrip("/")


def link_url(request, base):
    """The absolute Korean address of the request's page."""
    with translation.override("ko"):
        path = reverse("directory:verify", args=[make_token(request)])
    return base + path


def build_message(request, url=None, base=None):
    """The Korean e-mail for ``request`` (an unsaved one for a dry run)."""
    division = Division.objects.for_page().get(pk=request.division_id)
    base = base or site_url()
    with translation.override("ko"):
        context = {
            "division": division,
            "url": url or link_url(request, base),
            "expires": (timezone.localtime() + link_lifetime()).date(),
            "site_url": base,
        }
        subject = render_to_string(
            "directory/verification/request_subject.txt", context
        )
        body = render_to_string("directory/verification/request_email.txt", context)
    return EmailMessage(" ".join(subject.split()), body, to=[request.address])


def send_request(division, address, connection=None, base=None):
    """Record a request to ``address`` and send it; True when it was sent."""
    request = VerificationRequest.objects.create(division=division, address=address)
    message = build_message(request, base=base)
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
