"""What the admin's index page points staff to first: the permission needed
to see it, the rows, the message and the filtered list that shows them."""

from django.utils.translation import gettext_lazy as _

from core.sites import Attention, attention

from ..models import Contact, Division, Report, Service
from ..verification.progress import (
    divisions_with_numbers_due,
    never_answered,
    shares_due,
)


class TeamShares:
    """The message naming the teams with the smallest shares of numbers
    verified in the period, and their shares.

    The index formats an item's text with ``%``; this computes the per-team
    figures then, so the front page names the teams and their shares. It
    names the first few (a national directory may have thousands due); the
    link lists them all.
    """

    shown = 10

    def __mod__(self, values):
        shares = list(map(str, shares_due(self.shown)))
        if values["count"] > len(shares):
            shares.append("…")
        return _(
            "%(count)d teams with numbers not verified within the period: %(teams)s"
        ) % {**values, "teams": ", ".join(shares)}


attention(
    Attention(
        "directory.view_report",
        lambda: Report.objects.open(),
        _("%(count)d open reports from the public"),
        "admin:directory_report_changelist",
        "status__exact=open",
    ),
    Attention(
        "directory.view_service",
        lambda: Service.objects.needs_verification(),
        _("%(count)d services not verified for 180 days"),
        "admin:directory_service_changelist",
        "verification=due",
    ),
    Attention(
        "directory.view_contact",
        lambda: Contact.objects.needs_verification(),
        _("%(count)d numbers not verified for 180 days"),
        "admin:directory_contact_changelist",
        "verification=due",
    ),
    Attention(
        "directory.view_division",
        divisions_with_numbers_due,
        TeamShares(),
        "admin:directory_division_changelist",
        "confirmation=due",
    ),
    Attention(
        "directory.view_division",
        never_answered,
        _("%(count)d teams never answered a request to confirm their numbers"),
        "admin:directory_division_changelist",
        "confirmation=never",
    ),
    Attention(
        "directory.view_division",
        lambda: Division.objects.filter(work_emails=""),
        _("%(count)d teams without a work e-mail address"),
        "admin:directory_division_changelist",
        "confirmation=no-address",
    ),
    Attention(
        "directory.view_contact",
        lambda: Contact.objects.unused(),
        _("%(count)d numbers used by no service"),
        "admin:directory_contact_changelist",
        "usage=unused",
    ),
    Attention(
        "directory.view_service",
        lambda: Service.objects.without_phone(),
        _("%(count)d services without a phone number"),
        "admin:directory_service_changelist",
        "phones=none",
    ),
)
