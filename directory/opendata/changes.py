"""When records last changed, read from django-simple-history.

The models have no "updated" field: every save, including deletions, leaves a
historical row, so its ``history_date`` is the time of the last change.
"""

from django.db.models import Max, OuterRef, Subquery

from ..models import PUBLISHED_MODELS


def with_updated(queryset):
    """Annotate each row with ``updated``, the date of its latest history entry."""
    history = queryset.model.history.model.objects.filter(id=OuterRef("pk"))
    latest = history.order_by("-history_date").values("history_date")[:1]
    return queryset.annotate(updated=Subquery(latest))


def changed_rows(model, moment, field="id"):
    """``field`` of the model's history entries at or after ``moment``, read
    through the history's date index (for ``pk__in`` and unions)."""
    history = model.history.model.objects
    return history.filter(history_date__gte=moment).order_by().values(field)


def changed_since(queryset, moment):
    """The rows with a history entry at or after ``moment``: those whose
    ``updated`` is that late, found without working out every row's latest
    entry (150,000 services)."""
    return queryset.filter(pk__in=changed_rows(queryset.model, moment))


def last_change():
    """The time of the latest change to any public record, or None."""
    dates = [
        model.history.aggregate(last=Max("history_date"))["last"]
        for model in PUBLISHED_MODELS
    ]
    return max((date for date in dates if date), default=None)
