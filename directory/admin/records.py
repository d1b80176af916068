"""Seed records, synonyms, help lines and the public's reports."""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from core.admin import ConcurrentEditForm, HistoryAdmin

from ..models import HelpLine, Report, SearchWord, SeedRecord, Synonym
from .filters import FewChoicesFilter


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


@admin.register(SearchWord)
class SearchWordAdmin(HistoryAdmin):
    list_display = ["words", "language", "service", "division", "helpline"]
    list_filter = ["language"]
    list_select_related = ["service", "division", "helpline"]
    search_fields = ["words"]
    autocomplete_fields = ["service", "division", "helpline"]


@admin.register(HelpLine)
class HelpLineAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["name", "number", "languages"]
    search_fields = ["name", "number", "purpose"]
    autocomplete_fields = ["services"]


class ReportCloseForm(ConcurrentEditForm):
    """Close a report from its own page, saying whether the number was checked."""

    outcome = forms.ChoiceField(
        label=_("close the report"),
        required=False,
        choices=[
            ("", _("Keep it open")),
            (Report.Status.RESOLVED, _("Resolve (record corrected)")),
            (Report.Status.DISMISSED, _("Dismiss (record was right)")),
        ],
    )
    checked = forms.BooleanField(
        label=_("I checked the service and its number with the team"),
        required=False,
        help_text=_("Only then do they count as verified today."),
    )

    class Meta:
        model = Report
        fields = []


@admin.register(Report)
class ReportAdmin(HistoryAdmin):
    """The queue of reports from the public; staff correct the record themselves."""

    list_display = ["created_at", "service_link", "contact", "problem", "status"]
    list_filter = ["status", ("service__division", FewChoicesFilter)]
    search_fields = ["problem", "correction", "service__name"]
    list_select_related = ["service", "contact"]
    fields = readonly_fields = [
        "service_link",
        "contact",
        "problem",
        "correction",
        "language",
        "status",
        "created_at",
        "closed_at",
    ]
    form = ReportCloseForm
    actions = ["resolve", "resolve_checked", "dismiss"]

    def get_fields(self, request, obj=None):
        if obj is None or obj.status != Report.Status.OPEN:
            return self.fields
        return [*self.fields, "outcome", "checked"]

    def save_model(self, request, obj, form, change):
        if outcome := form.cleaned_data.get("outcome"):
            self.close(
                request,
                Report.objects.filter(pk=obj.pk),
                outcome,
                verified=form.cleaned_data.get("checked"),
            )

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("service"), ordering="service__name")
    def service_link(self, obj):
        url = reverse("admin:directory_service_change", args=[obj.service_id])
        return format_html('<a href="{}">{}</a>', url, obj.service)

    def close(self, request, queryset, status, verified=False):
        count = queryset.close(status, user=request.user, verified=verified)
        if verified:
            message = ngettext(
                "%(count)d report closed; its service and number count as "
                "verified today.",
                "%(count)d reports closed; their services and numbers count as "
                "verified today.",
                count,
            )
        else:
            message = ngettext(
                "%(count)d report closed; the number was not marked as verified.",
                "%(count)d reports closed; the numbers were not marked as verified.",
                count,
            )
        self.message_user(request, message % {"count": count})

    @admin.action(description=_("Resolve (record corrected)"), permissions=["change"])
    def resolve(self, request, queryset):
        self.close(request, queryset, Report.Status.RESOLVED)

    @admin.action(
        description=_("Resolve, number checked with the team (verified today)"),
        permissions=["change"],
    )
    def resolve_checked(self, request, queryset):
        self.close(request, queryset, Report.Status.RESOLVED, verified=True)

    @admin.action(description=_("Dismiss (record was right)"), permissions=["change"])
    def dismiss(self, request, queryset):
        self.close(request, queryset, Report.Status.DISMISSED)
