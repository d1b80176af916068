"""Seed records, synonyms, help lines and the public's reports."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from core.admin import HistoryAdmin

from ..models import HelpLine, Report, SeedRecord, Synonym


@admin.register(SeedRecord)
class SeedRecordAdmin(admin.ModelAdmin):
    list_display = ["model", "key", "seeded_at"]
    list_filter = ["model"]
    search_fields = ["key"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Synonym)
class SynonymAdmin(HistoryAdmin):
    list_display = ["term", "synonym"]
    search_fields = ["term", "synonym"]


@admin.register(HelpLine)
class HelpLineAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["name", "number", "languages", "opens", "closes", "every_day"]
    search_fields = ["name", "number", "languages"]


@admin.register(Report)
class ReportAdmin(HistoryAdmin):
    """The queue of reports from the public; staff correct the record themselves."""

    list_display = ["created_at", "service_link", "contact", "problem", "status"]
    list_filter = ["status", "service__division"]
    search_fields = ["problem", "correction", "service__name"]
    list_select_related = ["service", "contact"]
    fields = readonly_fields = [
        "service_link",
        "contact",
        "problem",
        "correction",
        "status",
        "created_at",
        "closed_at",
    ]
    actions = ["resolve", "dismiss"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("service"), ordering="service__name")
    def service_link(self, obj):
        url = reverse("admin:directory_service_change", args=[obj.service_id])
        return format_html('<a href="{}">{}</a>', url, obj.service)

    def close(self, request, queryset, status):
        count = queryset.close(status, user=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d report closed; its service and number count as "
                "verified today.",
                "%(count)d reports closed; their services and numbers count as "
                "verified today.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Resolve (record corrected)"), permissions=["change"])
    def resolve(self, request, queryset):
        self.close(request, queryset, Report.Status.RESOLVED)

    @admin.action(description=_("Dismiss (record was right)"), permissions=["change"])
    def dismiss(self, request, queryset):
        self.close(request, queryset, Report.Status.DISMISSED)
