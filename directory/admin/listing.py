"""A bulk action applies to rows as the list showed them: a row someone else
changed after the list was shown is left out, with what changed.

The list's time is kept in the session when the list is shown; the action
compares each chosen row's history with it.
"""

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from core.admin import changes_since


def _key(model):
    return f"list-shown:{model._meta.label_lower}"


def remember_list_shown(request, model):
    request.session[_key(model)] = timezone.now().isoformat()


def changed_since_list_shown(request, queryset):
    """{row: why it is left out} for the rows changed by someone else since
    the list was shown."""
    shown = parse_datetime(request.session.get(_key(queryset.model), "") or "")
    if shown is None:
        return {}
    stale = {}
    for row in queryset.filter(
        pk__in=queryset.model.history.filter(history_date__gt=shown)
        .exclude(history_user=request.user)
        .values("id")
    ):
        seen = row.history.filter(history_date__lte=shown).order_by("-history_id")
        seen_id = seen.values_list("history_id", flat=True).first() or 0
        latest, changes = changes_since(row, seen_id)
        if latest is None:
            continue
        stale[row] = _(
            "“%(record)s” was left out: %(user)s changed it after the list was "
            "shown (%(changes)s). Check it and mark it again."
        ) % {
            "record": row,
            "user": latest.history_user or _("someone"),
            "changes": "; ".join(changes) or _("unknown fields"),
        }
    return stale
