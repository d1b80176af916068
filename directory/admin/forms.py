"""Forms of the admin screens: numbers and spreadsheet exports."""

from django import forms
from django.utils.translation import gettext_lazy as _
from import_export.forms import (
    ConfirmImportForm,
    ImportForm,
    SelectableFieldsExportForm,
)
from phonenumber_field.formfields import PhoneNumberField

from core.admin import ConcurrentEditForm

from .. import phones
from ..models import Contact
from .limits import SpreadsheetLimitError, check_file_size


class ContactNumberField(PhoneNumberField):
    """A number typed as staff write it, with an extension after 내선, ext. or #."""

    def to_python(self, value):
        # Text that is no number at all is left to the field, which reports it.
        number = phones.parse(value) if isinstance(value, str) else None
        return number or super().to_python(value)


class ContactForm(ConcurrentEditForm):
    class Meta:
        model = Contact
        fields = [
            "number",
            "extension",
            "kind",
            "hours",
            "hours_note",
            "languages",
            "languages_note",
            "last_verified",
        ]
        field_classes = {"number": ContactNumberField}
        error_messages = {
            "number": {
                "invalid": _(
                    "This is not a valid phone number. Enter it with its area "
                    "code, such as 031-8030-4652 or 031-8030-4652 ext. 123."
                )
            }
        }

    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("number")
        if number and number.extension:
            number, extension = phones.split_extension(number)
            if cleaned_data.get("extension") not in ("", extension):
                self.add_error(
                    "extension", _("The number and this field name two extensions.")
                )
            cleaned_data["extension"] = extension
        return cleaned_data


class SpreadsheetFormMixin:
    """Labels in the site's catalogues and the first format (XLSX) chosen."""

    def _init_formats(self, formats):
        super()._init_formats(formats)
        field = self.fields["format"]
        field.label = _("File format")
        # The package offers a blank "---" first: staff would have to pick.
        field.choices = [choice for choice in field.choices if choice[0] != ""]
        self.initial.setdefault("format", field.choices[0][0])


class ExportForm(SpreadsheetFormMixin, SelectableFieldsExportForm):
    """Label each column to export with its spreadsheet heading alone."""

    def _get_field_label(self, resource, field_name):
        return resource.fields[field_name].column_name

    def _validate_any_field_selected(self, resource):
        if not any(
            self.cleaned_data.get(name) for name in resource().get_export_order()
        ):
            raise forms.ValidationError(_("Choose at least one column to export."))


class SpreadsheetImportForm(SpreadsheetFormMixin, ImportForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["import_file"].label = _("Spreadsheet file")

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        # Refused before it is written to the temporary storage and read.
        try:
            check_file_size(upload.size)
        except SpreadsheetLimitError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class ConfirmSpreadsheetForm(ConfirmImportForm):
    """The preview's confirmation, with numbers the import would leave unused."""

    remove_numbers = forms.ModelMultipleChoiceField(
        queryset=Contact.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Remove these numbers"),
    )
