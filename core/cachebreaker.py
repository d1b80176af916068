"""A Redis client that gives up quickly while Redis is down or hung.

django-redis (``IGNORE_EXCEPTIONS``) turns a failed cache call into a miss,
so pages render without the cache and writes still succeed. A hung Redis
would still cost every call its socket timeout, several per request; this
client stops asking for ``BREAK_SECONDS`` after a failure (a circuit
breaker), and logs the failure once per interval rather than per request.
"""

import threading
import time

from redis import Redis
from redis.exceptions import ConnectionError, TimeoutError

from .faults import log_once

BREAK_SECONDS = 5.0
_state = {"open_until": 0.0, "last_error": ""}
_lock = threading.Lock()


def cache_is_down():
    """Whether the breaker is open: Redis failed less than BREAK_SECONDS ago."""
    return time.monotonic() < _state["open_until"]


def last_cache_error():
    return _state["last_error"]


class BreakerRedis(Redis):
    def execute_command(self, *args, **options):
        if cache_is_down():
            raise ConnectionError("Redis skipped after a recent failure")
        try:
            return super().execute_command(*args, **options)
        except (ConnectionError, TimeoutError) as exc:
            with _lock:
                _state["open_until"] = time.monotonic() + BREAK_SECONDS
                _state["last_error"] = f"{type(exc).__name__}: {exc}"
            log_once("cache", f"Cache unavailable, pages render without it: {exc}")
            raise
