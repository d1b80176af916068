"""How many reports the public may send: a few an hour from each address."""

from datetime import timedelta

from django.utils import timezone

from core.clientip import client_hash

from .models import Report

REPORTS_PER_HOUR = 5


def report_allowed(request):
    """Whether this request's client has stored fewer reports than the limit
    in the last hour.

    Counted in the database, which every worker shares whatever the cache,
    from the reports themselves: only what was stored counts. The address is
    kept only as a salted hash on each report (core.clientip).
    """
    since = timezone.now() - timedelta(hours=1)
    recent = Report.objects.filter(
        client_hash=client_hash(request), created_at__gte=since
    )
    return recent.count() < REPORTS_PER_HOUR
