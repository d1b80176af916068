"""What the admin's index page points staff to first: the permission needed
to see it, the rows, the message and the filtered list that shows them."""

from django.utils.translation import gettext_lazy as _

from core.sites import Attention, attention

from ..models import Contact, Report, Service

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
