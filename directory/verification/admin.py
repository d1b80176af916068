"""The admin's view of the teams' confirmations: sent requests, and a filter
of the teams list by how far each team has answered."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import Division, VerificationRequest
from .progress import divisions_with_numbers_due, never_answered


class TeamConfirmationFilter(admin.SimpleListFilter):
    title = _("confirmation by the team")
    parameter_name = "confirmation"
    options = {
        "due": (
            _("Numbers not verified within the period"),
            divisions_with_numbers_due,
        ),
        "never": (_("Never answered a request"), never_answered),
        "no-address": (
            _("Without a work e-mail address"),
            lambda: Division.objects.filter(work_emails=""),
        ),
    }

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _rows) in self.options.items()]

    def queryset(self, request, queryset):
        if self.value() in self.options:
            return queryset.filter(pk__in=self.options[self.value()][1]())
        return queryset


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("failed", _("Could not be sent")), ("answered", _("Answered"))]

    def queryset(self, request, queryset):
        if self.value() == "failed":
            return queryset.failed()
        if self.value() == "answered":
            return queryset.answered()
        return queryset


@admin.register(VerificationRequest)
class VerificationRequestAdmin(admin.ModelAdmin):
    """Read only: requests are made by ``request_verifications`` and the team's page."""

    list_display = ["division", "address", "created_at", "sent_at", "used_at", "error"]
    list_filter = [StatusFilter, "division"]
    list_select_related = ["division"]
    search_fields = ["division__name", "address"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
