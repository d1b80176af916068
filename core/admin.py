"""The base every admin page of the project shares, for both apps."""

from django import forms
from django.contrib import messages
from django.db import OperationalError, transaction
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from .faults import log_once
from .fieldrules import FieldRulesMixin


def _describe(model, change):
    field = model._meta.get_field(change.field)
    if field.many_to_many:
        return str(field.verbose_name)
    return _("%(field)s: “%(old)s” → “%(new)s”") % {
        "field": field.verbose_name,
        "old": "" if change.old is None else change.old,
        "new": "" if change.new is None else change.new,
    }


def changes_since(instance, seen):
    """The latest history entry of ``instance`` and what changed after entry
    ``seen``; (None, []) when nothing did."""
    history = instance.history.order_by("-history_id")
    latest = history.first()
    if latest is None or latest.history_id == seen:
        return None, []
    base = history.filter(history_id=seen).first()
    changes = (
        [
            _describe(type(instance), change)
            for change in latest.diff_against(base, foreign_keys_are_objs=True).changes
        ]
        if base
        else []
    )
    # Changes kept in rows of their own (a service's phones) leave the
    # record's fields as they were; their entries say what changed.
    changes += [
        entry.history_change_reason
        for entry in history.filter(history_id__gt=seen).reverse()
        if entry.history_change_reason
    ]
    return latest, changes


def concurrent_edit_error(latest, changes):
    return forms.ValidationError(
        _(
            "%(user)s changed this record at %(time)s while you were editing "
            "it, so your changes were not saved. Changed meanwhile: "
            "%(changes)s. Open the record again and make your changes anew."
        ),
        code="concurrent_edit",
        params={
            "user": latest.history_user or _("someone"),
            "time": date_format(localtime(latest.history_date), "DATETIME_FORMAT"),
            "changes": "; ".join(changes) or _("unknown fields"),
        },
    )


class ConcurrentEditForm(forms.ModelForm):
    """Refuses to save over a change someone else made after the form was shown.

    The form carries the id of the record's latest history entry; if another
    entry has been added since, saving would silently undo it, so the form
    fails and lists what the other person changed.
    """

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            latest = self._history().first()
            self.initial["seen_version"] = latest.history_id if latest else 0

    def _history(self):
        return self.instance.history.order_by("-history_id")

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        if transaction.get_connection().in_atomic_block:
            # Hold the row until this save commits, so no other save slips in.
            type(self.instance)._base_manager.select_for_update().filter(
                pk=self.instance.pk
            ).exists()
        latest, changes = changes_since(
            self.instance, cleaned_data.get("seen_version") or 0
        )
        if latest is None:
            return cleaned_data
        raise concurrent_edit_error(latest, changes)


class DatabaseConflictMixin:
    """Fails validation, so that the admin shows the form again as it was
    posted, with the reason, and saves nothing."""

    def clean(self):
        super().clean()
        raise forms.ValidationError(
            _(
                "Your changes could not be saved because another change was being "
                "saved at the same moment. What you entered is kept below: check "
                "it and save again."
            ),
            code="database_conflict",
        )


class BlankContextHelper(HistoricalRecordContextHelper):
    """The history page shows an empty value (a cleared date) as blank, not "None"."""

    def prepare_delta_change_value(self, change, value):
        return (
            "" if value is None else super().prepare_delta_change_value(change, value)
        )


class HistoryAdmin(FieldRulesMixin, SimpleHistoryAdmin):
    """Every change is recorded, shown on the history page and can be reverted.

    Saving a form that is older than the record's latest change is refused;
    a revert, like the form, writes only the fields this user may change.
    """

    form = ConcurrentEditForm

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """Save again once if the database refused the save because of another
        one at the same moment (a deadlock, a lock or serialisation failure);
        if it refuses again, show the form with the staff member's input and a
        plain message rather than an error page."""
        args = (request, object_id, form_url, extra_context)
        if request.method != "POST":
            return super().changeform_view(*args)
        for _attempt in range(2):
            try:
                return super().changeform_view(*args)
            except OperationalError as exc:
                conflict = exc
        log_once("admin:conflict", f"Admin save refused twice: {conflict}")
        request.database_conflict = conflict
        return super().changeform_view(*args)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if getattr(request, "database_conflict", None) is None:
            return form
        return type(form.__name__, (DatabaseConflictMixin, form), {})

    empty_value_display = ""

    def get_historical_record_context_helper(self, request, historical_record):
        return BlankContextHelper(self.model, historical_record)

    class Media:
        css = {"all": ["css/admin.css"]}

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        response = super().history_form_view(
            request, object_id, version_id, extra_context
        )
        version = self.model.history.filter(history_id=version_id).first()
        if request.method == "POST" and response.status_code == 302 and version:
            # Django's own message only says "changed": say what was restored.
            messages.success(
                request,
                _("“%(record)s” was reverted to the version of %(time)s by %(user)s.")
                % {
                    "record": version.instance,
                    "time": date_format(
                        localtime(version.history_date), "DATETIME_FORMAT"
                    ),
                    "user": version.history_user or _("someone"),
                },
            )
        return response

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        if protected:
            # Django lists these lower on the page; say plainly that nothing
            # will be deleted and why, before anyone looks for the button.
            messages.error(
                request,
                _(
                    "This cannot be deleted while other records use it. Move or "
                    "delete these first: %(uses)s"
                )
                % {"uses": ", ".join(str(item) for item in protected)},
            )
        return deleted, counts, perms_needed, protected


from . import accounts  # noqa: E402, F401  (staff accounts: no escalation)
