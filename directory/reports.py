"""How many reports the public may send: a few an hour from each address."""

from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from core.clientip import client_hash

from .models import Report

REPORTS_PER_HOUR = 5
QUOTA_WINDOW = timedelta(hours=1)
# The advisory lock's first key on PostgreSQL (the second is the address's
# hash); nothing else in the database uses it.
LOCK_CLASS = 7_335_102


def recent_reports(hashed):
    since = timezone.now() - QUOTA_WINDOW
    return Report.objects.filter(client_hash=hashed, created_at__gte=since)


def report_allowed(request):
    """Whether this request's client has stored fewer reports than the limit
    in the last hour.

    Counted in the database, which every worker shares whatever the cache,
    from the reports themselves: only what was stored counts. The address is
    kept only as a salted hash on each report (core.clientip).
    """
    return recent_reports(client_hash(request)).count() < REPORTS_PER_HOUR


def _lock_reports_from(hashed):
    """Make the reports of one address wait for each other until commit."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [LOCK_CLASS, hashed]
            )
        elif connection.vendor == "sqlite":
            # SQLite serialises writers: take the write lock before counting.
            table = connection.ops.quote_name(Report._meta.db_table)
            cursor.execute(f"UPDATE {table} SET id = id WHERE 0")


def report_save(form, request):
    """Save the report of ``form`` if the client is within the quota.

    The count and the insert run under one lock per address, so a burst of
    simultaneous reports stops at the limit. False when over the limit.
    """
    hashed = client_hash(request)
    with transaction.atomic():
        _lock_reports_from(hashed)
        if recent_reports(hashed).count() >= REPORTS_PER_HOUR:
            return False
        form.instance.client_hash = hashed
        form.save()
    return True
