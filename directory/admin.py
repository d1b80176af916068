from django.contrib import admin
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from standards.admin_base import HistoryAdmin

from .admin_import import standard_import_view
from .forms import ContactForm, ExportForm
from .models import (
    Contact,
    Division,
    HelpLine,
    Report,
    SeedRecord,
    Service,
    ServicePhone,
    Synonym,
)
from .resources import ServiceResource


class QuerySetFilter(admin.SimpleListFilter):
    """One choice that narrows the list with a queryset method."""

    choice = label = method = None

    def lookups(self, request, model_admin):
        return [(self.choice, self.label)]

    def queryset(self, request, queryset):
        if self.value() == self.choice:
            return getattr(queryset, self.method)()
        return queryset


class VerificationFilter(QuerySetFilter):
    title = _("verification")
    parameter_name = "verification"
    choice, label, method = "due", _("Not verified for 180 days"), "needs_verification"


class UsageFilter(QuerySetFilter):
    title = _("use")
    parameter_name = "usage"
    choice, label, method = "unused", _("Used by no service"), "unused"


class PhoneFilter(QuerySetFilter):
    title = _("phone numbers")
    parameter_name = "phones"
    choice, label, method = "none", _("Without a phone number"), "without_phone"


class VerificationAdmin(HistoryAdmin):
    """Staff confirm rows with their team without opening and saving each one."""

    actions = ["mark_verified"]

    @admin.action(description=_("Verified (today)"), permissions=["change"])
    def mark_verified(self, request, queryset):
        count = queryset.mark_verified(user=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d row marked as verified today.",
                "%(count)d rows marked as verified today.",
                count,
            )
            % {"count": count},
        )


class ServicePhoneInline(admin.TabularInline):
    model = ServicePhone
    extra = 1
    autocomplete_fields = ["contact"]


class ServiceInline(TranslationTabularInline):
    model = Service
    fields = ["name", "area", "position", "last_verified"]
    extra = 0
    show_change_link = True


@admin.register(Division)
class DivisionAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["name", "sector", "position", "phone_numbers"]
    list_filter = ["sector"]
    search_fields = ["name", "former_names"]
    list_select_related = ["sector"]
    inlines = [ServiceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_services()

    @admin.display(description=_("phone numbers"))
    def phone_numbers(self, obj):
        return ", ".join(contact.label for contact in obj.phones)


@admin.register(Contact)
class ContactAdmin(VerificationAdmin):
    form = ContactForm
    list_display = [
        "__str__",
        "kind",
        "hours",
        "languages",
        "service_count",
        "last_verified",
    ]
    list_filter = ["kind", VerificationFilter, UsageFilter, "last_verified"]
    search_fields = ["number", "languages"]

    @admin.display(description=_("services"))
    def service_count(self, obj):
        return obj.service_phones.count() + obj.fax_services.count()


@admin.register(Service)
class ServiceAdmin(ImportExportMixin, TranslationAdmin, VerificationAdmin):
    resource_classes = [ServiceResource]
    change_list_template = "admin/directory/service/change_list.html"
    export_form_class = ExportForm
    formats = [XLSX, CSV]
    list_display = ["name", "division", "area", "phone_numbers", "fax", "last_verified"]
    list_filter = [
        VerificationFilter,
        PhoneFilter,
        "area__sector",
        "area",
        "division",
    ]
    search_fields = ["name", "division__name"]
    list_select_related = ["division", "area", "fax"]
    autocomplete_fields = ["area", "division", "fax", "commitments"]
    inlines = [ServicePhoneInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("service_phones__contact")

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [
            path("import-standard/", view, name="directory_service_import_standard"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        return standard_import_view(self, request)

    def may_edit_standard(self, request):
        # Names, areas and commitments come from the standard's text, which
        # only those who may edit the standard may change.
        return request.user.has_perm("standards.change_commitment")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not self.may_edit_standard(request):
            return self.replace_orig_field(["area", "name", "position", "commitments"])
        return super().get_readonly_fields(request, obj)

    def get_import_resource_kwargs(self, request, **kwargs):
        return {
            **super().get_import_resource_kwargs(request, **kwargs),
            "may_edit_standard": self.may_edit_standard(request),
        }

    def save_related(self, request, form, formsets, change):
        before = form.instance.phones_in_order if change else []
        super().save_related(request, form, formsets, change)
        form.instance.record_phones_change(before, user=request.user)

    @admin.display(description=_("phone numbers"))
    def phone_numbers(self, obj):
        return ", ".join(contact.label for contact in obj.phones_in_order)


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
