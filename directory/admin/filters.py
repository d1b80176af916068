"""The admin lists' filters: one queryset method each, or a related record
among few."""

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


class FewChoicesFilter(admin.RelatedFieldListFilter):
    """A related list filter that lists its choices only while they are few:
    a national directory's 15,000 teams and hundreds of areas made every page
    of a list 1.4 MB. Past that, the list's search finds a team or an area by
    name; a choice already made (a link from elsewhere) is still shown, so
    that it can be cleared."""

    most = 100

    def field_choices(self, field, request, model_admin):
        if field.related_model._default_manager.count() <= self.most:
            return super().field_choices(field, request, model_admin)
        chosen = [value for value in self.lookup_val or [] if value.isdigit()]
        rows = field.related_model._default_manager.filter(pk__in=chosen)
        return [(obj.pk, str(obj)) for obj in rows]

    def has_output(self):
        # One choice is a menu too while it is the one chosen.
        return super().has_output() or bool(self.lookup_val)
