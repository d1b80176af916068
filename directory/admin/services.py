"""Teams, numbers and services: what staff keep current."""

from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin import HistoryAdmin

from ..models import Contact, Division, Service, ServicePhone
from .filters import PhoneFilter, UsageFilter, VerificationFilter
from .forms import ContactForm, ExportForm
from .imports import standard_import_view
from .resources import ServiceResource


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
