import django_filters
from django import forms
from django.contrib.humanize.templatetags.humanize import intcomma as grouped
from django.utils.translation import gettext_lazy as _

from standards.models import PolicyArea, Sector

from .models import Contact, Division, Report, SearchEntry
from .search import MAX_QUERY_LENGTH, clean_query, engine


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


class SearchFilter(django_filters.FilterSet):
    """Filters of the search page, each choice labelled with its result count."""

    sector = django_filters.ModelChoiceFilter(
        label=_("sector"), queryset=Sector.objects.all()
    )
    area = django_filters.ModelChoiceFilter(
        label=_("policy area"), queryset=PolicyArea.objects.select_related("sector")
    )
    division = django_filters.ModelChoiceFilter(
        label=_("division"), queryset=Division.objects.all()
    )
    type = django_filters.ChoiceFilter(
        label=_("result type"),
        field_name="kind",
        choices=SearchEntry.Kind.choices,
        method=lambda entries, _name, kind: engine.of_kind(entries, kind),
    )

    most_choices = 30

    class Meta:
        model = SearchEntry
        fields = ["sector", "area", "division", "type"]

    def __init__(self, *args, facets=None, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.form.fields
        for field in fields.values():
            field.empty_label = _("All")
        for name, counts in (facets or {}).items():
            name = "type" if name == "kind" else name
            self._count_choices(fields[name], counts, self.data.get(name))
            # A menu with one choice narrows nothing; keep it only while it is
            # the filter in use, so that it can be cleared.
            if len(counts) < 2 and not self.data.get(name):
                del fields[name]

    @property
    def narrows(self):
        """Whether a valid filter value narrows the entries (invalid ones
        are ignored)."""
        if not self.is_bound:
            return False
        self.form.full_clean()
        return any(value not in (None, "") for value in self.form.cleaned_data.values())

    def _count_choices(self, field, counts, selected):
        """Offer only the choices that have results, each with its count.

        A menu of more than ``most_choices`` is scrolled, not read (a common
        word matches a thousand teams at province scale): it offers the
        choices with the most results, and the one in use.
        """
        if isinstance(field, forms.ModelChoiceField):
            offered = sorted(counts, key=lambda pk: (-counts[pk], pk))
            offered = set(offered[: self.most_choices])
            if len(counts) > len(offered):
                if selected in {str(pk) for pk in counts}:
                    offered.add(int(selected))
                field.help_text = _(
                    "Only the %(shown)d with the most results are shown (of "
                    "%(total)s): choose a sector or a policy area first to "
                    "narrow them."
                ) % {"shown": self.most_choices, "total": grouped(len(counts))}
            field.queryset = field.queryset.filter(pk__in=list(offered))
            field.label_from_instance = lambda obj: f"{obj} ({grouped(counts[obj.pk])})"
        else:
            # The field adds its own blank choice: drop the one in the list.
            field.choices = [
                (value, f"{label} ({grouped(counts[value])})")
                for value, label in field.choices
                if value and counts[value]
            ]


class ReportForm(forms.ModelForm):
    # A field people never see: bots that fill in every field give themselves away.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = Report
        fields = ["contact", "problem", "correction"]
        labels = {
            "contact": _("Which number is wrong?"),
            "problem": _("What is wrong?"),
            "correction": _("What is right, if you know (optional)"),
        }
        widgets = {"problem": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.instance.service = service
        contacts = self.fields["contact"]
        contacts.queryset = Contact.objects.filter(
            pk__in=[contact.pk for contact in service.phones_in_order]
            + ([service.fax_id] if service.fax_id else [])
        )
        contacts.empty_label = _("No number: something else is wrong")
        contacts.label_from_instance = lambda contact: (
            f"{contact.get_kind_display()} {contact.label}"
        )

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
