"""List filters that narrow a changelist with one queryset method."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


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
