from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Contact, Report, Service

# What the index page points staff to: the permission needed to see it, the
# rows, the message and the filtered list that shows them.
ATTENTION = [
    (
        "directory.view_report",
        lambda: Report.objects.open(),
        _("%(count)d open reports from the public"),
        "admin:directory_report_changelist",
        "status__exact=open",
    ),
    (
        "directory.view_service",
        lambda: Service.objects.needs_verification(),
        _("%(count)d services not verified for 180 days"),
        "admin:directory_service_changelist",
        "verification=due",
    ),
    (
        "directory.view_contact",
        lambda: Contact.objects.needs_verification(),
        _("%(count)d numbers not verified for 180 days"),
        "admin:directory_contact_changelist",
        "verification=due",
    ),
    (
        "directory.view_contact",
        lambda: Contact.objects.unused(),
        _("%(count)d numbers used by no service"),
        "admin:directory_contact_changelist",
        "usage=unused",
    ),
    (
        "directory.view_service",
        lambda: Service.objects.without_phone(),
        _("%(count)d services without a phone number"),
        "admin:directory_service_changelist",
        "phones=none",
    ),
]


class DirectoryAdminSite(admin.AdminSite):
    def index(self, request, extra_context=None):
        """List what needs attention above the usual list of models."""
        for permission, rows, text, url_name, query in ATTENTION:
            if not request.user.has_perm(permission):
                continue
            if count := rows().count():
                messages.warning(
                    request,
                    format_html(
                        '<a href="{}?{}">{}</a>',
                        reverse(url_name, current_app=self.name),
                        query,
                        text % {"count": count},
                    ),
                )
        return super().index(request, extra_context)
