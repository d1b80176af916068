"""One rendering of a page at a time in a process (``SingleFlight``)."""

import threading


class SingleFlight:
    """The pages being rendered in this process, so that a page missing from
    the cache is rendered once, not by every thread that asks for it.

    The first request claims the page and renders it; the others get the
    page of the previous generation if it is still cached
    (PageCacheMiddleware), else wait for the rendering (at most ``wait``
    seconds, then render it themselves). Pages that turn out not to be
    cacheable (a form with a CSRF token) are remembered and never waited for.
    """

    wait = 2.0
    remembered = 1000

    def __init__(self):
        self._lock = threading.Lock()
        self._rendering = {}
        self._uncacheable = {}

    def claim(self, key):
        """None if this request renders the page; else the event to wait on."""
        with self._lock:
            if key in self._uncacheable:
                return None
            event = self._rendering.get(key)
            if event is None:
                self._rendering[key] = threading.Event()
            return event

    def release(self, key, uncacheable):
        with self._lock:
            event = self._rendering.pop(key, None)
            if uncacheable:
                if len(self._uncacheable) >= self.remembered:
                    self._uncacheable.clear()
                self._uncacheable[key] = True
        if event is not None:
            event.set()
