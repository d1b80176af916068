from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from standards.admin_base import HistoryAdmin

from .forms import ContactForm
from .models import Contact, Division, SeedRecord, Service, ServicePhone


class ServicePhoneInline(admin.TabularInline):
    model = ServicePhone
    extra = 1
    autocomplete_fields = ["contact"]


class ServiceInline(admin.TabularInline):
    model = Service
    fields = ["name", "area", "position", "last_verified"]
    extra = 0
    show_change_link = True


@admin.register(Division)
class DivisionAdmin(HistoryAdmin):
    list_display = ["name", "sector", "position", "phone_numbers"]
    list_filter = ["sector"]
    search_fields = ["name"]
    list_select_related = ["sector"]
    inlines = [ServiceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_services()

    @admin.display(description=_("phone numbers"))
    def phone_numbers(self, obj):
        return ", ".join(contact.label for contact in obj.phones)


@admin.register(Contact)
class ContactAdmin(HistoryAdmin):
    form = ContactForm
    list_display = ["__str__", "kind", "service_count", "last_verified"]
    list_filter = ["kind", "last_verified"]
    search_fields = ["number"]

    @admin.display(description=_("services"))
    def service_count(self, obj):
        return obj.service_phones.count() + obj.fax_services.count()


@admin.register(Service)
class ServiceAdmin(HistoryAdmin):
    list_display = ["name", "division", "area", "phone_numbers", "fax", "last_verified"]
    list_filter = ["area__sector", "area", "division"]
    search_fields = ["name", "division__name"]
    list_select_related = ["division", "area", "fax"]
    autocomplete_fields = ["area", "division", "fax", "commitments"]
    inlines = [ServicePhoneInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("service_phones__contact")

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
