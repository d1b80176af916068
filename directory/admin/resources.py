"""Services as spreadsheet rows, for export and import in the admin.

Each row is one existing service: staff export, change the team, numbers, fax
or date last verified in a spreadsheet, and import it back. New services are
added in the admin, where the policy area and its order are chosen with care.
"""

from django.core.exceptions import (
    NON_FIELD_ERRORS,
    MultipleObjectsReturned,
    ObjectDoesNotExist,
    ValidationError,
)
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets

from .. import phones
from ..models import Contact, Division, Service
from ..spreadsheets import neutralised, restored
from .rows import (
    CellDiff,
    PastDateWidget,
    ServiceIdWidget,
    by_column,
    latest_version,
    stale_row_error,
)


def parse_number(text):
    """A valid number as typed in a cell, or a ValueError staff can act on."""
    number, _extension = phones.parse_valid(text)
    if number is None:
        raise ValueError(
            _("“%(value)s” is not a valid phone number.") % {"value": text.strip()}
        )
    return number


class DivisionWidget(widgets.ForeignKeyWidget):
    """A team by name, among the teams of the service's own sector."""

    def __init__(self):
        super().__init__(Division, field="name")

    def get_queryset(self, value, row, *args, **kwargs):
        return Division.objects.filter(sector__areas__services__pk=row.get("ID"))

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row=row, **kwargs)
        except (ObjectDoesNotExist, MultipleObjectsReturned):
            raise ValueError(
                _("There is no team “%(value)s” in this sector.") % {"value": value}
            ) from None


class FaxWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Contact, field="number")

    def clean(self, value, row=None, **kwargs):
        if not str(value or "").strip():
            return None
        number = parse_number(str(value))
        fax = Contact.objects.filter(number=number, kind=Contact.Kind.FAX).first()
        if fax is None:
            raise ValueError(
                _("%(value)s is not a fax number in the directory.")
                % {"value": phones.national(number)}
            )
        return fax

    def render(self, value, obj=None, **kwargs):
        return value.national if value else ""


class PhoneListWidget(widgets.Widget):
    """Phone numbers in order, in one cell: "031-8030-4776, 031-8030-4778"."""

    def clean(self, value, row=None, **kwargs):
        numbers = [
            parse_number(part) for part in str(value or "").split(",") if part.strip()
        ]
        faxes = Contact.objects.filter(number__in=numbers, kind=Contact.Kind.FAX)
        if faxes:
            raise ValueError(
                _("%(value)s is a fax number.") % {"value": faxes[0].national}
            )
        return numbers

    def render(self, value, obj=None, **kwargs):
        return ", ".join(phones.national(number) for number in value or [])


class PhonesField(fields.Field):
    """New numbers wait on the service until it is saved, then replace its phones."""

    def get_value(self, instance):
        if hasattr(instance, "imported_phones"):
            return instance.imported_phones
        if instance.pk is None:
            return []
        return [contact.number for contact in instance.phones_in_order]

    def save(self, instance, row, is_m2m=False, **kwargs):
        instance.imported_phones = self.clean(row, **kwargs)


class ServiceResource(resources.ModelResource):
    id = fields.Field(attribute="id", column_name="ID", widget=ServiceIdWidget())
    area = fields.Field(
        attribute="area", column_name=gettext_lazy("policy area"), readonly=True
    )
    name = fields.Field(attribute="name", column_name=gettext_lazy("service name"))
    division = fields.Field(
        attribute="division",
        column_name=gettext_lazy("division"),
        widget=DivisionWidget(),
    )
    phones = PhonesField(
        attribute="phones",
        column_name=gettext_lazy("phone numbers"),
        widget=PhoneListWidget(),
    )
    fax = fields.Field(
        attribute="fax", column_name=gettext_lazy("fax"), widget=FaxWidget()
    )
    last_verified = fields.Field(
        attribute="last_verified",
        column_name=gettext_lazy("last verified"),
        widget=PastDateWidget(),
    )
    # The service's latest history entry when exported: a row from an older
    # export would undo what was changed since, so it is refused.
    version = fields.Field(
        attribute="version", column_name=gettext_lazy("version"), readonly=True
    )

    class Meta:
        model = Service
        fields = [
            "id",
            "area",
            "name",
            "division",
            "phones",
            "fax",
            "last_verified",
            "version",
        ]
        import_id_fields = ["id"]
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def __init__(self, locked_fields=(), **kwargs):
        super().__init__(**kwargs)
        # The fields the admin's form shows read-only to this user (see
        # core.fieldrules), whatever the spreadsheet's cells say.
        for name in locked_fields:
            if name in self.fields:
                self.fields[name].readonly = True

    def get_queryset(self):
        return Service.objects.with_contacts().annotate(version=latest_version())

    def get_diff_class(self):
        return CellDiff

    def get_import_fields(self):
        # The version is not a value of the service: the preview leaves it out.
        return [
            f for f in super().get_import_fields() if f is not self.fields["version"]
        ]

    def import_instance(self, instance, row, **kwargs):
        instance.seen_version = row.get(str(self.fields["version"].column_name))
        super().import_instance(instance, row, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, **kwargs):
        errors = dict(import_validation_errors or {})
        seen = str(instance.seen_version or "").strip()
        if seen:
            stale = stale_row_error(instance, int(seen) if seen.isdigit() else 0)
            if stale is not None:
                errors.setdefault(NON_FIELD_ERRORS, []).append(stale)
        try:
            super().validate_instance(instance, errors, **kwargs)
        except ValidationError as error:
            raise by_column(error, self) from None

    def import_data(self, dataset, **kwargs):
        """Import every row or, if any row is invalid, none at all."""
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().import_data(dataset, **kwargs)

    def export_field(self, field, instance, **kwargs):
        return neutralised(super().export_field(field, instance, **kwargs))

    def before_import_row(self, row, **kwargs):
        # Undo the export's apostrophe, so that a round trip changes nothing.
        for column, value in row.items():
            row[column] = restored(value)

    def init_instance(self, row=None):
        raise ValidationError(
            _("Row with no existing service ID: add new services in the admin.")
        )

    def before_import(self, dataset, **kwargs):
        self.numbers_in_use = set(
            Contact.objects.exclude(pk__in=Contact.objects.unused()).values_list(
                "pk", flat=True
            )
        )

    def after_import(self, dataset, result, **kwargs):
        # Still inside the import's transaction, even on a dry run: the numbers
        # this import leaves unused, for the preview to offer their removal.
        result.unused_numbers = list(
            Contact.objects.unused().filter(pk__in=self.numbers_in_use)
        )

    def after_save_instance(self, instance, row, **kwargs):
        if hasattr(instance, "imported_phones"):
            instance.set_phone_numbers(instance.imported_phones)
