"""The signed, expiring, one-time link in a verification e-mail.

The link carries the team's id and the request's nonce, signed with the
site's secret and the time of signing (``django.core.signing``). The nonce
names the one ``VerificationRequest`` it belongs to, which records whether
the link has been used; so a link is honoured once, for its own team only.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from ..models import VerificationRequest

SALT = "directory.verification"


class Problem:
    TAMPERED = "tampered"
    OTHER_TEAM = "other-team"
    USED = "used"
    EXPIRED = "expired"
    ADDRESS_REMOVED = "address-removed"


# A fresh link may be sent to the same address for these only.
RENEWABLE = {Problem.USED, Problem.EXPIRED}


@dataclass
class SignedLink:
    request: VerificationRequest | None
    problem: str = ""


def make_token(request):
    return signing.dumps({"d": request.division_id, "n": request.nonce}, salt=SALT)


def link_lifetime():
    return datetime.timedelta(days=settings.VERIFY_LINK_DAYS)


def read_token(token):
    """The request a token names, and why it may not be used, if it may not."""
    try:
        payload, expired = (
            signing.loads(token, salt=SALT, max_age=link_lifetime()),
            False,
        )
    except signing.SignatureExpired:
        # The signature is sound, only old: the team may still ask for a new link.
        payload, expired = signing.loads(token, salt=SALT), True
    except signing.BadSignature:
        return SignedLink(None, Problem.TAMPERED)
    if not isinstance(payload, dict):
        return SignedLink(None, Problem.TAMPERED)
    request = (
        VerificationRequest.objects.select_related("division")
        .filter(nonce=str(payload.get("n", "")))
        .first()
    )
    if request is None:
        return SignedLink(None, Problem.TAMPERED)
    if request.division_id != payload.get("d"):
        return SignedLink(None, Problem.OTHER_TEAM)
    if request.used_at:
        return SignedLink(request, Problem.USED)
    if expired:
        return SignedLink(request, Problem.EXPIRED)
    if request.address not in request.division.email_addresses:
        return SignedLink(request, Problem.ADDRESS_REMOVED)
    return SignedLink(request)
