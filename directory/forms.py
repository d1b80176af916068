import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from standards.models import PolicyArea

from .models import Division, Service
from .search import MAX_QUERY_LENGTH, clean_query


class QueryField(forms.CharField):
    """Free text as typed, with control characters and NUL bytes dropped."""

    def to_python(self, value):
        return clean_query(super().to_python(value))


class SearchForm(forms.Form):
    q = QueryField(
        label=_("Search"),
        required=False,
        help_text=_("Type a service, a team or a phone number."),
    )

    def clean_q(self):
        query = self.cleaned_data["q"]
        if len(query) > MAX_QUERY_LENGTH:
            raise forms.ValidationError(
                _("Type at most %(limit)d characters."),
                params={"limit": MAX_QUERY_LENGTH},
            )
        return query


class ServiceFilter(django_filters.FilterSet):
    area = django_filters.ModelChoiceFilter(
        label=_("policy area"), queryset=PolicyArea.objects.select_related("sector")
    )
    division = django_filters.ModelChoiceFilter(
        label=_("division"), queryset=Division.objects.all()
    )

    class Meta:
        model = Service
        fields = ["area", "division"]
