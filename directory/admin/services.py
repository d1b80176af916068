"""Teams, numbers and services: what staff keep current."""

from django.contrib import admin, messages
from django.db.models import Q
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from core.admin import HistoryAdmin
from core.fieldrules import StandardFieldsMixin

from ..models import Contact, Division, Service, ServicePhone
from ..verification.admin import TeamConfirmationFilter
from ..verification.dates import not_in_future
from .filters import FewChoicesFilter, PhoneFilter, UsageFilter, VerificationFilter
from .forms import ContactForm
from .imports import standard_import_view
from .listing import changed_since_list_shown, remember_list_shown
from .resources import ServiceResource
from .spreadsheets import SpreadsheetAdminMixin
from .widgets import LabelledTabularInline, NamedAutocompleteAdminMixin


class VerificationAdmin(HistoryAdmin):
    """Staff confirm rows with their team without opening and saving each one."""

    actions = ["mark_verified"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "last_verified" and formfield is not None:
            formfield.validators.append(not_in_future)
        return formfield

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET":
            remember_list_shown(request, self.model)
        return super().changelist_view(request, extra_context)

    @admin.action(description=_("Verified (today)"), permissions=["change"])
    def mark_verified(self, request, queryset):
        stale = changed_since_list_shown(request, queryset)
        for reason in stale.values():
            self.message_user(request, reason, level=messages.ERROR)
        queryset = queryset.exclude(pk__in=[row.pk for row in stale])
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


class ServicePhoneInline(LabelledTabularInline):
    model = ServicePhone
    extra = 1
    autocomplete_fields = ["contact"]
    readonly_fields = ["edit_number"]

    @admin.display(description=_("edit the number"))
    def edit_number(self, obj):
        # Numbers are shared records: staff edit them under their own section.
        if not obj.contact_id:
            return ""
        url = reverse("admin:directory_contact_change", args=[obj.contact_id])
        return format_html(
            '<a href="{}">{}</a>',
            url,
            _("Edit %(number)s under %(section)s")
            % {"number": obj.contact, "section": Contact._meta.verbose_name_plural},
        )


class ServiceInline(admin.TabularInline):
    """The team's services, to read: each is changed on its own page, where the
    field rules and the check for a concurrent edit apply."""

    model = Service
    fields = readonly_fields = ["name", "area", "position", "last_verified"]
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Division)
class DivisionAdmin(StandardFieldsMixin, TranslationAdmin, HistoryAdmin):
    list_display = ["name", "sector", "position", "phone_numbers", "work_emails"]
    list_filter = ["sector", TeamConfirmationFilter]
    search_fields = ["name", "former_names", "work_emails"]
    list_select_related = ["sector"]
    inlines = [ServiceInline]
    # A team's name and place come from the standard document; keepers add
    # teams and record former names.
    standard_fields = ["sector", "name", "position"]

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

    readonly_fields = ["used_by"]

    @admin.display(description=_("services"))
    def service_count(self, obj):
        return obj.service_phones.count() + obj.fax_services.count()

    @admin.display(description=_("used by"))
    def used_by(self, obj):
        """Every service that shows this number: a change applies to all."""
        services = Service.objects.filter(
            Q(service_phones__contact=obj) | Q(fax=obj)
        ).distinct()
        if not obj.pk or not services:
            return _("No service uses this number.")
        return format_html(
            "<p><strong>{}</strong></p><ul>{}</ul>",
            ngettext(
                "A change here applies to this %(count)d service:",
                "A change here applies to all %(count)d services:",
                len(services),
            )
            % {"count": len(services)},
            format_html_join(
                "",
                '<li><a href="{}">{}</a></li>',
                (
                    (reverse("admin:directory_service_change", args=[s.pk]), s)
                    for s in services
                ),
            ),
        )


@admin.register(Service)
class ServiceAdmin(
    NamedAutocompleteAdminMixin,
    StandardFieldsMixin,
    SpreadsheetAdminMixin,
    TranslationAdmin,
    VerificationAdmin,
):
    resource_classes = [ServiceResource]
    change_list_template = "admin/directory/service/change_list.html"
    list_display = ["name", "division", "area", "phone_numbers", "fax", "last_verified"]
    list_filter = [
        VerificationFilter,
        PhoneFilter,
        "area__sector",
        ("area", FewChoicesFilter),
        ("division", FewChoicesFilter),
    ]
    search_fields = ["name", "division__name"]
    list_select_related = ["division", "area", "fax"]
    autocomplete_fields = ["area", "division", "fax", "commitments"]
    inlines = [ServicePhoneInline]
    standard_fields = ["area", "name", "position", "commitments"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_phones()

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [
            path("import-standard/", view, name="directory_service_import_standard"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        return standard_import_view(self, request)

    def get_import_resource_kwargs(self, request, **kwargs):
        return {
            **super().get_import_resource_kwargs(request, **kwargs),
            "locked_fields": self.locked_fields(request),
        }

    def save_related(self, request, form, formsets, change):
        before = form.instance.phones_in_order if change else []
        super().save_related(request, form, formsets, change)
        form.instance.record_phones_change(before, user=request.user)

    @admin.display(description=_("phone numbers"))
    def phone_numbers(self, obj):
        # A line may break between numbers, never inside one.
        return format_html_join(
            ", ",
            '<span class="nowrap">{}</span>',
            ((contact.label,) for contact in obj.phones_in_order),
        )
