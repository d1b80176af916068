"""What the site does when a server it depends on fails.

A failing database or cache fails every request at once, so logging each one
buries the log (hundreds of tracebacks a second): ``log_once`` writes one line
per kind of failure per interval and per process. A request that needs the
database while it is down gets a 503 with ``Retry-After``, in JSON for
machines (the API and downloads) and in the page's language for people,
rendered without touching the database (no session, no user, no base.html
context processors).
"""

import logging
import sys
import threading
import time

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.defaults import server_error

logger = logging.getLogger("core.faults")
LOG_INTERVAL = 60
RETRY_AFTER = 30
MACHINE_PREFIXES = ("/api/", "/data/")
_last_logged = {}
_lock = threading.Lock()


def log_once(kind, message, exc_info=None, interval=LOG_INTERVAL):
    """Log ``message`` unless ``kind`` was logged in the last ``interval`` s."""
    now = time.monotonic()
    with _lock:
        last = _last_logged.get(kind)
        if last is not None and now - last < interval:
            return False
        _last_logged[kind] = now
    logger.error(message, exc_info=exc_info, extra={"failure": kind})
    return True


def is_database_unavailable(exc):
    """Whether ``exc`` says the database cannot be reached, answered too late
    or went away in the middle of a query, rather than that a query was wrong.

    A connection that dies mid-query surfaces as the base ``DatabaseError``
    (psycopg: "server closed the connection unexpectedly"); its subclasses
    other than these two (IntegrityError, ProgrammingError, DataError) are
    mistakes of the code or the data and stay 500s.
    """
    return (
        isinstance(exc, OperationalError | InterfaceError) or type(exc) is DatabaseError
    )


def retry_later(detail, seconds):
    """A 503 in JSON for a program: what is wrong, and when to ask again."""
    response = JsonResponse({"detail": detail, "retry_after": seconds}, status=503)
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def unavailable_response(request):
    """A 503 the visitor can act on, in JSON or in the page's language."""
    if request.path.startswith(MACHINE_PREFIXES):
        response = retry_later("The database is temporarily unavailable.", RETRY_AFTER)
    else:
        language = (
            translation.get_language_from_path(request.path_info)
            or settings.LANGUAGE_CODE
        )
        with translation.override(language):
            body = render_to_string(
                "503.html", {"retry_after": RETRY_AFTER, "language": language}
            )
        response = HttpResponse(body, status=503)
        response["Content-Language"] = language
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    # Django logs every 5xx with its traceback; log_once has said it already.
    response._has_been_logged = True
    return response


def server_error_or_unavailable(request, *args, **kwargs):
    """``handler500``: a database that is down is a 503, not a 500.

    Django calls it inside the ``except`` block of whatever failed, in a view
    or in a middleware (sessions, authentication), so the exception is at hand.
    """
    exc = sys.exc_info()[1]
    if exc is not None and is_database_unavailable(exc):
        log_once(
            f"database:{type(exc).__name__}",
            f"Database unavailable: {str(exc).strip()}",
        )
        return unavailable_response(request)
    return server_error(request, *args, **kwargs)
