"""Forms of the admin screens: numbers and spreadsheet exports."""

from django.utils.translation import gettext_lazy as _
from import_export.forms import SelectableFieldsExportForm
from phonenumber_field.formfields import PhoneNumberField

from core.admin import ConcurrentEditForm

from ..models import Contact


class ContactNumberField(PhoneNumberField):
    """A number typed as staff write it, with an extension after 내선, ext. or #."""

    def to_python(self, value):
        # phonenumbers knows "ext." and "#" but not the Korean word for extension.
        if isinstance(value, str):
            value = value.replace("내선", " ext. ")
        return super().to_python(value)


class ContactForm(ConcurrentEditForm):
    class Meta:
        model = Contact
        fields = [
            "number",
            "extension",
            "kind",
            "hours",
            "languages",
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
            # E.164 cannot hold an extension, so it gets its own field.
            if cleaned_data.get("extension") not in ("", number.extension):
                self.add_error(
                    "extension", _("The number and this field name two extensions.")
                )
            cleaned_data["extension"] = number.extension
            number.extension = None
        return cleaned_data


class ExportForm(SelectableFieldsExportForm):
    """Label each column to export with its spreadsheet heading alone."""

    def _get_field_label(self, resource, field_name):
        return resource.fields[field_name].column_name
