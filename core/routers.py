"""Reads from the read replica while it is up and current; the rest from the primary.

The replica is used for a read only when all of these hold:

- the request reads no one's own writes: it is not the admin, carries no
  session (staff, logging in or logged in), is a GET or HEAD, and public data
  has not changed in the last ``REPLICA_MAX_LAG`` seconds (so the page
  rendered and cached right after a save comes from the primary);
- the read is outside a transaction on the primary, and is not of a model
  that authentication keeps (users, sessions, login attempts);
- the replica answers and its replay is at most ``REPLICA_MAX_LAG`` seconds
  behind, checked at most every ``REPLICA_CHECK_SECONDS`` per process.

Otherwise the read goes to the primary, so a replica that is down or far
behind costs speed, never errors or old data.
"""

import contextvars
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connections

from .faults import log_once

PRIMARY_APPS = {"auth", "sessions", "admin", "axes", "contenttypes"}
LAG_SQL = """
    SELECT CASE
        WHEN NOT pg_is_in_recovery() THEN 0
        WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
        ELSE COALESCE(
            EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0
        )
    END
"""
_read_primary = contextvars.ContextVar("read_primary", default=False)
_state = {"checked": 0.0, "status": "unknown", "lag": None}
_lock = threading.Lock()


def replica_status(refresh=False):
    """``ok``, ``lagging`` or ``down`` (with the lag in seconds), re-checked at
    most every REPLICA_CHECK_SECONDS."""
    now = time.monotonic()
    if refresh or now - _state["checked"] >= settings.REPLICA_CHECK_SECONDS:
        with _lock:
            status, lag = _measure()
            _state.update(checked=time.monotonic(), status=status, lag=lag)
    return _state["status"], _state["lag"]


def _measure():
    connection = connections["replica"]
    try:
        with connection.cursor() as cursor:
            cursor.execute(LAG_SQL)
            lag = float(cursor.fetchone()[0])
    except DatabaseError as exc:
        # Reconnect on the next check rather than reuse a broken connection.
        connection.close()
        log_once("replica:down", f"Replica unavailable, reading the primary: {exc}")
        return "down", None
    if lag > settings.REPLICA_MAX_LAG:
        log_once("replica:lag", f"Replica {lag:.1f} s behind, reading the primary")
        return "lagging", lag
    return "ok", lag


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if (
            _read_primary.get()
            or model._meta.app_label in PRIMARY_APPS
            or connections["default"].in_atomic_block
        ):
            return "default"
        status, _lag = replica_status()
        return "replica" if status == "ok" else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


def reads_own_writes(request):
    from .cache import changed_since

    return (
        request.method not in ("GET", "HEAD")
        or request.path.startswith("/" + settings.ADMIN_URL)
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or changed_since(settings.REPLICA_MAX_LAG)
    )


class PrimaryReadsMiddleware:
    """Send the whole request's reads to the primary when it must see its
    own (or a just-made) write; see the module's docstring."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = "replica" in settings.DATABASES

    def __call__(self, request):
        if not (self.enabled and reads_own_writes(request)):
            return self.get_response(request)
        token = _read_primary.set(True)
        try:
            return self.get_response(request)
        finally:
            _read_primary.reset(token)
