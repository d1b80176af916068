"""Keep a thread free for cached pages while the database hangs.

A gunicorn worker has a few threads. When the database hangs, every request
that needs it holds a thread until the statement timeout cancels it; with
more such requests than threads, cached pages (answered in microseconds by
``core.cache``) queue behind them for seconds. So at most ``capacity``
threads of a process may be inside a request that passes the page cache (one
fewer than the worker's threads): the last thread stays for cached pages,
health checks and quick refusals.

A request that finds every slot taken waits for one, as under ordinary heavy
load (a cold cache after a change, when every page is rendered anew), where
slots free up within a fraction of a second. But if every slot has been held
longer than ``STUCK_AFTER`` seconds, the database is not answering in time:
the request is refused at once with the 503 of ``core.faults``
(``Retry-After``) instead of holding the last thread while cached pages
queue behind it.

gunicorn.conf.py sets the capacity (``DJANGO_DB_CONCURRENCY``) from its
thread count; without it (the development server, tests) there is no gate.
"""

import os
import threading
import time

from .faults import log_once, unavailable_response

# Requests that never wait: the health checks say what they find themselves.
UNGATED_PATHS = ("/healthz", "/readyz")
STUCK_AFTER = 1.0
# How long a request waits at most for a slot while the slots still move.
WAIT_LIMIT = 3.0


class Gate:
    """A counting semaphore that knows since when each slot is held."""

    def __init__(self, capacity):
        self.capacity = capacity
        self._held = {}
        self._condition = threading.Condition()

    def _stuck(self, now):
        return len(self._held) >= self.capacity and all(
            now - since > STUCK_AFTER for since in self._held.values()
        )

    def enter(self):
        """A token for ``leave``, or None if the request must be refused."""
        deadline = time.monotonic() + WAIT_LIMIT
        with self._condition:
            while len(self._held) >= self.capacity:
                now = time.monotonic()
                if self._stuck(now) or now >= deadline:
                    return None
                # Wake up when a slot frees, or when the holders would all
                # count as stuck, whichever comes first.
                newest = max(self._held.values())
                self._condition.wait(min(deadline, newest + STUCK_AFTER) - now + 0.001)
            token = object()
            self._held[token] = time.monotonic()
            return token

    def leave(self, token):
        with self._condition:
            del self._held[token]
            self._condition.notify()


def configured_capacity():
    value = os.environ.get("DJANGO_DB_CONCURRENCY", "")
    return max(1, int(value)) if value.strip().isdigit() else None


class DatabaseGateMiddleware:
    """Right after the page cache: only requests it could not answer pass."""

    def __init__(self, get_response):
        self.get_response = get_response
        capacity = configured_capacity()
        self.gate = Gate(capacity) if capacity else None

    def __call__(self, request):
        if self.gate is None or request.path_info.startswith(UNGATED_PATHS):
            return self.get_response(request)
        token = self.gate.enter()
        if token is None:
            log_once(
                "database:busy",
                "Database busy: every thread that may use it is taken; request refused",
            )
            return unavailable_response(request)
        try:
            return self.get_response(request)
        finally:
            self.gate.leave(token)
