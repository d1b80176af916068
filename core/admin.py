"""The base every admin page of the project shares, for both apps."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin


def _describe(model, change):
    field = model._meta.get_field(change.field)
    if field.many_to_many:
        return str(field.verbose_name)
    return _("%(field)s: “%(old)s” → “%(new)s”") % {
        "field": field.verbose_name,
        "old": "" if change.old is None else change.old,
        "new": "" if change.new is None else change.new,
    }


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
        latest = self._history().first()
        seen = cleaned_data.get("seen_version") or 0
        if latest is None or latest.history_id == seen:
            return cleaned_data
        base = self._history().filter(history_id=seen).first()
        changes = (
            [
                _describe(type(self.instance), change)
                for change in latest.diff_against(
                    base, foreign_keys_are_objs=True
                ).changes
            ]
            if base
            else []
        )
        raise forms.ValidationError(
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


class HistoryAdmin(SimpleHistoryAdmin):
    """Every change is recorded, shown on the history page and can be reverted.

    Saving a form that is older than the record's latest change is refused.
    """

    form = ConcurrentEditForm

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
