"""What the spreadsheet import checks on each row and shows in its preview:
the row's version, dates, the service ID, errors under the column's heading,
and each changed cell as before → after."""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import OuterRef, Subquery
from django.utils.html import format_html
from django.utils.translation import gettext as _
from import_export import widgets
from import_export.resources import Diff

from core.admin import changes_since

from ..models import Service
from ..verification.dates import not_in_future


def latest_version():
    """The id of a service's latest history entry, for ``annotate``."""
    history = Service.history.model.objects.filter(id=OuterRef("pk"))
    return Subquery(history.order_by("-history_id").values("history_id")[:1])


def stale_row_error(service, seen):
    """Why a row written from an older export may not be imported, or None."""
    latest, changes = changes_since(service, seen)
    if latest is None:
        return None
    return ValidationError(
        _(
            "%(user)s changed this service after the spreadsheet was exported, "
            "so this row would undo it. Changed meanwhile: %(changes)s. Export "
            "the list again and make your changes in the new file."
        )
        % {
            "user": latest.history_user or _("someone"),
            "changes": "; ".join(changes) or _("unknown fields"),
        },
        code="stale_row",
    )


class ServiceIdWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row=row, **kwargs)
        except (ArithmeticError, ValueError, TypeError):
            # Raised before the row is read, so named after its column here.
            raise ValidationError(
                {
                    "ID": _("“%(value)s” is not a service ID: keep the exported ID.")
                    % {"value": value}
                }
            ) from None


class PastDateWidget(widgets.DateWidget):
    """A date as typed or as Excel keeps it (a datetime at midnight), never
    later than today."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            value = value.date()
        try:
            day = super().clean(value, row=row, **kwargs)
        except ValueError:
            raise ValueError(
                _("“%(value)s” is not a date: write it as 2025-03-31.")
                % {"value": value}
            ) from None
        try:
            not_in_future(day)
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None
        return day


def by_column(error, resource):
    """``error`` with each field's name replaced by its column's heading."""
    headings = {
        field.attribute: str(field.column_name)
        for field in resource.fields.values()
        if field.attribute
    }
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {
            (name if name == NON_FIELD_ERRORS else headings.get(name, name)): errors
            for name, errors in error.error_dict.items()
        }
    )


class CellDiff(Diff):
    """Each cell unchanged, or its old and new value side by side."""

    def as_html(self):
        cells = []
        for before, after in zip(self.left, self.right, strict=False):
            before, after = before or "", after or ""
            if self.new or str(before) == str(after):
                cells.append(format_html("{}", after))
            else:
                cells.append(
                    format_html(
                        '<del>{}</del> → <ins class="changed">{}</ins>',
                        before,
                        after,
                    )
                )
        return cells
