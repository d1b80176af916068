"""Form controls: with an accessible name where the admin leaves them
nameless, and for a number's languages and weekly schedule.

Select2 draws its own box beside the hidden <select> and names it only by the
chosen value, so an empty box has no name (axe: aria-input-field-name). It
copies the select's title to its box and shows the placeholder when empty:
both carry the field's label, and js/admin_autocomplete.js names the inner
box of an empty one. A tabular inline's controls sit under column
headings with no <label> of their own (axe: label): they get an aria-label.
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin import widgets
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ..hours import DAYS, validate_schedule
from ..hours_text import day_name
from ..models.fields import validate_languages


class NamedAutocompleteMixin:
    @property
    def media(self):
        # One list, so that the admin's merge keeps this after autocomplete.js.
        base = super().media
        return forms.Media(css=base._css, js=[*base._js, "js/admin_autocomplete.js"])

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs=extra_attrs)
        attrs["data-placeholder"] = attrs.get("title", "")
        return attrs

    def optgroups(self, name, value, attr=None):
        groups = super().optgroups(name, value, attr)
        options = groups[0][1]
        # Select2 shows its placeholder only over an empty option, which the
        # admin leaves out of required fields.
        if not self.allow_multiple_selected and not any(
            o["value"] == "" for o in options
        ):
            options.insert(0, self.create_option(name, "", "", False, 0))
        return groups


class NamedAutocompleteSelect(NamedAutocompleteMixin, widgets.AutocompleteSelect):
    pass


class NamedAutocompleteSelectMultiple(
    NamedAutocompleteMixin, widgets.AutocompleteSelectMultiple
):
    pass


class NamedAutocompleteAdminMixin:
    def _named(self, widget_class, db_field, request, kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                widget_class(
                    db_field,
                    self.admin_site,
                    using=kwargs.get("using"),
                    attrs={"title": capfirst(db_field.verbose_name)},
                ),
            )
        return kwargs

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs = self._named(NamedAutocompleteSelect, db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs = self._named(NamedAutocompleteSelectMultiple, db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class LabelledTabularInline(NamedAutocompleteAdminMixin, admin.TabularInline):
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            widget = getattr(field.widget, "widget", field.widget)
            widget.attrs.setdefault("aria-label", capfirst(field.label))
        return field

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class LabelledFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if "DELETE" in form.fields:
                    form.fields["DELETE"].widget.attrs["aria-label"] = str(
                        form.fields["DELETE"].label
                    )

        return LabelledFormSet


class LanguagesWidget(forms.MultiWidget):
    """The site's languages as boxes to tick, and other codes typed beside."""

    def __init__(self, attrs=None):
        super().__init__(
            [
                forms.CheckboxSelectMultiple(choices=settings.LANGUAGES),
                forms.TextInput(
                    attrs={"aria-label": _("Other languages (codes)"), "size": 30}
                ),
            ],
            attrs,
        )

    def decompress(self, value):
        site = {code for code, _name in settings.LANGUAGES}
        value = value or []
        return [
            [code for code in value if code in site],
            ", ".join(code for code in value if code not in site),
        ]


class LanguagesFormField(forms.Field):
    """A list of language codes: the site's ticked, then any others typed."""

    widget = LanguagesWidget

    def __init__(self, *, encoder=None, decoder=None, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("Tick the languages; type any others as codes, such as si, tet."),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if (
            isinstance(value, list)
            and len(value) == 2
            and not isinstance(value[1], list)
        ):
            # The widget's two parts; a part missing from the form is None.
            ticked, typed = value
            others = [code.strip().lower() for code in (typed or "").split(",")]
            value = [*(ticked or []), *filter(None, others)]
        return list(dict.fromkeys(v for v in value or [] if isinstance(v, str)))

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        validate_languages(value)


PERIODS_SHOWN = 3
PARTS = ["days", "opens", "closes", "lunch_starts", "lunch_ends"]


def day_choices():
    return [(code, day_name(index, short=False)) for index, code in enumerate(DAYS)]


class ScheduleWidget(forms.MultiWidget):
    """Up to three periods (days, opening, closing, a lunch break) and
    whether they also run on public holidays; "24:00" ends a day."""

    def __init__(self, attrs=None):
        parts = []
        for number in range(1, PERIODS_SHOWN + 1):
            labels = [
                _("Period %(n)s: days"),
                _("Period %(n)s: opens at"),
                _("Period %(n)s: closes at"),
                _("Period %(n)s: lunch break from"),
                _("Period %(n)s: lunch break until"),
            ]
            parts.append(
                forms.CheckboxSelectMultiple(
                    attrs={"aria-label": labels[0] % {"n": number}}
                )
            )
            parts += [
                forms.TextInput(
                    attrs={
                        "aria-label": label % {"n": number},
                        "placeholder": "09:00",
                        "size": 5,
                        "pattern": r"\d\d:\d\d",
                    }
                )
                for label in labels[1:]
            ]
        parts.append(forms.CheckboxInput(attrs={"aria-label": _("Open on holidays")}))
        super().__init__(parts, attrs)

    def get_context(self, name, value, attrs):
        for widget in self.widgets[: PERIODS_SHOWN * len(PARTS) : len(PARTS)]:
            widget.choices = day_choices()
        return super().get_context(name, value, attrs)

    def decompress(self, value):
        periods = (value or {}).get("periods", [])
        values = []
        for index in range(PERIODS_SHOWN):
            period = periods[index] if index < len(periods) else {}
            lunch = period.get("lunch", ["", ""])
            values += [
                period.get("days", []),
                period.get("opens", ""),
                period.get("closes", ""),
                *lunch,
            ]
        return [*values, bool((value or {}).get("open_on_holidays"))]


class ScheduleFormField(forms.Field):
    """A weekly schedule, as ``directory.hours`` stores it."""

    widget = ScheduleWidget

    def __init__(self, *, encoder=None, decoder=None, **kwargs):
        kwargs.setdefault(
            "help_text",
            _(
                "For each period tick its days and enter when it opens and "
                "closes (00:00 to 24:00 is all day; 22:00 to 02:00 runs past "
                "midnight). Tick the last box if calls are also answered on "
                "public holidays."
            ),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, dict) or not value:
            return value or {}
        periods = []
        for index in range(PERIODS_SHOWN):
            days, opens, closes, *lunch = value[index * len(PARTS) :][: len(PARTS)]
            if not (days or opens or closes):
                continue
            period = {"days": list(days or []), "opens": opens, "closes": closes}
            if any(lunch):
                period["lunch"] = lunch
            periods.append(period)
        if not periods:
            return {}
        return {"periods": periods, "open_on_holidays": bool(value[-1])}

    def validate(self, value):
        super().validate(value)
        validate_schedule(value)
