"""Form controls with an accessible name where the admin leaves them nameless.

Select2 draws its own box beside the hidden <select> and names it only by the
chosen value, so an empty box has no name (axe: aria-input-field-name). It
copies the select's title to its box and shows the placeholder when empty:
both carry the field's label, and js/admin_autocomplete.js names the inner
box of an empty one. A tabular inline's controls sit under column
headings with no <label> of their own (axe: label): they get an aria-label.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin import widgets
from django.utils.text import capfirst


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
