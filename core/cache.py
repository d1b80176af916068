"""Whole-page caching of the public site, emptied by any change it shows.

Pages are cached under a key prefix that contains a generation number. Saving
or deleting a row that public pages show bumps the generation (the directory
app's signals), so the next request of every page is rendered afresh on every
app server that shares the cache, without having to know which pages showed
the changed row. While a page is rendered anew after a change, other
requests for it get the page as it was before the change.

A cached page is answered before any other middleware but CORS runs, earlier
than a static file: before sessions, authentication and CSRF, which could
touch the database, and before the security headers, which it was stored
with. So cached pages stay served while the database is down, and the key
holds only what changes the page (scheme, host, path, the query without
tracking parameters, the display settings; the path carries the language).
Other cookies and tracking parameters neither split the cache nor bypass it.

Each page is stored once, with the generation it was rendered in: a copy of
an older generation is no longer answered as such, but it is the page's last
good copy. It is answered while the page is rendered anew, and whenever the
rendering fails (the database is down, whatever the generation is by then),
for ``PAGE_STALE_SECONDS`` after it was stored.

The responses say what shared caches (nginx in front, deploy/nginx/) may do
with them: pages cached here are ``public`` for ``EDGE_CACHE_SECONDS``, then
revalidated with their ETag, and may be served stale while the app is down;
pages that belong to one visitor (staff, a form with a CSRF token, a cookie
set) are ``private, no-store``.
"""

import hashlib
import secrets
import time
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import QueryDict
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import (
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

from .display import display_settings_of
from .languages import preferred_language_url
from .singleflight import SingleFlight

GENERATION_KEY = "pages:generation"
CHANGED_AT_KEY = "pages:changed-at"
# Parameters that only say where a visitor came from: what the page shows
# is the same without them.
TRACKING_PARAMETERS = {"gclid", "fbclid", "msclkid", "yclid", "_ga", "_gl"}
_pending_invalidation = False


def first_generation():
    """Where the count starts when the cache has none (new, flushed or
    restarted): anywhere, so that a generation is never counted twice. From
    1 each time, what was made or kept under an old generation (a process's
    own copy, a page's ETag at the edge) would pass for current again."""
    return secrets.randbelow(2**52) + 1


def current_generation():
    global _pending_invalidation
    if _pending_invalidation and _bump():
        _pending_invalidation = False
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        first = first_generation()
        cache.add(GENERATION_KEY, first, timeout=None)
        generation = cache.get(GENERATION_KEY, first)
    return generation


def _bump():
    try:
        bumped = cache.incr(GENERATION_KEY)
    except ValueError:
        bumped = cache.add(GENERATION_KEY, first_generation(), timeout=None) or None
    cache.set(CHANGED_AT_KEY, time.time(), timeout=None)
    # A cache that is down answers None (core/cachebreaker.py).
    return bumped is not None


def _bump_or_defer():
    global _pending_invalidation
    if not _bump():
        _pending_invalidation = True


def invalidate_public_pages(**kwargs):
    """Make every cached public page stale at once.

    The bump that counts is made when the change commits: a page rendered
    before then, from the rows as they were, may have been cached under the
    current generation meanwhile. A bump is made now as well, so that what
    runs inside the same transaction (which sees the change) gets no page
    from before it. If the cache cannot be reached, the bump is made by this
    process as soon as it can: pages cached before the outage must not
    outlive it.
    """
    _bump_or_defer()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        # One bump per transaction, however many rows it saves.
        callback is _bump_or_defer
        for _savepoints, callback, _robust in connection.run_on_commit
    ):
        transaction.on_commit(_bump_or_defer, robust=True)


def changed_since(seconds):
    """Whether public data changed in the last ``seconds`` (on any server)."""
    changed_at = cache.get(CHANGED_AT_KEY)
    return changed_at is not None and time.time() - changed_at < seconds


def is_tracking_parameter(name):
    return name.startswith("utm_") or name in TRACKING_PARAMETERS


def drop_tracking_parameters(request):
    """Remove tracking parameters from the request itself, so that the page
    rendered (its links keep the query) is the one every visitor gets."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(name, value) for name, value in pairs if not is_tracking_parameter(name)]
    if len(kept) != len(pairs):
        request.META["QUERY_STRING"] = urlencode(kept)
        request.GET = QueryDict(request.META["QUERY_STRING"])
    # Sorted by name (stable, so a repeated name keeps its values' order).
    return urlencode(sorted(kept, key=lambda pair: pair[0]))


def page_cache_key(request):
    """The key of this request's page, or None if it must not be cached."""
    page = page_of(request)
    return None if page is None else key_of(page)


def key_of(page):
    prefix = settings.CACHE_MIDDLEWARE_KEY_PREFIX
    return f"{prefix}:page:{page}"


def store(key, generation, response):
    """Keep the page with the generation it shows, as its last good copy too."""
    lifetime = settings.CACHE_MIDDLEWARE_SECONDS + settings.PAGE_STALE_SECONDS
    cache.set(key, (generation, time.time(), response), lifetime)


def is_fresh(entry, generation):
    """Whether a stored page may be answered as the current one."""
    return (
        entry is not None
        and entry[0] == generation
        and time.time() - entry[1] < settings.CACHE_MIDDLEWARE_SECONDS
    )


def page_of(request):
    """What identifies this request's page in the cache (a digest of what
    changes it), or None if it must not be cached."""
    if request.method not in ("GET", "HEAD"):
        return None
    if request.path.startswith("/" + settings.ADMIN_URL):
        return None
    # Staff carry a session; nobody else does.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    if preferred_language_url(request) is not None:
        return None
    query = drop_tracking_parameters(request)
    display = display_settings_of(request)
    page = "\n".join(
        [
            request.scheme,
            request.get_host(),
            request.path,
            query,
            str(display["text_size"]),
            display["contrast"],
        ]
    )
    # Hashed: a long query must not make a key too long for the cache.
    return hashlib.md5(page.encode(), usedforsecurity=False).hexdigest()


def is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # A page with a CSRF token in it belongs to one visitor.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in ("private", "no-cache", "no-store"))


def is_personal(request, response):
    """Whether the response belongs to one visitor: no shared cache may keep
    it (staff pages, a form with a CSRF token, a cookie set)."""
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    if request.path.startswith("/" + settings.ADMIN_URL):
        return True
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def share_publicly(response):
    """Shared caches keep the page for EDGE_CACHE_SECONDS, then revalidate
    it with its ETag; browsers revalidate each time and may show their copy
    meanwhile (the service worker asks with "no-cache"). While the app
    cannot answer, the edge serves it."""
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=settings.EDGE_CACHE_SECONDS,
        stale_while_revalidate=settings.EDGE_CACHE_SECONDS,
        stale_if_error=settings.PAGE_STALE_SECONDS,
    )


class PageCacheMiddleware:
    """Answer public pages from the cache, and cache the ones rendered.

    Placed first (after CORS): a hit leaves before any other middleware
    runs. The page is stored on the way out, after the security headers
    (SecurityMiddleware, CSP) were added to it. Static files pass through.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.renders = SingleFlight()
        self.static_prefix = urlsplit(settings.STATIC_URL).path
        # A hit does not reach the ConditionalGetMiddleware of the settings:
        # it is answered by this one (304 when the browser's copy is current).
        self.conditional = ConditionalGetMiddleware(get_response)

    def answer(self, request, cached):
        return self.conditional.process_response(request, cached)

    def __call__(self, request):
        if request.path.startswith(self.static_prefix):
            return self.get_response(request)
        page = page_of(request)
        if page is None:
            return self.render(request, None, None, None)
        generation = current_generation()
        key = key_of(page)
        entry = cache.get(key)
        if is_fresh(entry, generation):
            return self.answer(request, entry[2])
        if request.method != "GET":
            return self.render(request, key, generation, entry)
        rendering = self.renders.claim(key)
        if rendering is not None:
            # Another thread renders this page. Until it has, the page as it
            # was before the last change is answered, if it is still cached:
            # after a staff edit under load, visitors get the page at once
            # instead of queueing behind its first rendering.
            if entry is not None:
                return self.answer(request, entry[2])
            rendering.wait(self.renders.wait)
            entry = cache.get(key)
            if is_fresh(entry, generation):
                return self.answer(request, entry[2])
            return self.render(request, key, generation, entry)
        uncacheable = False
        try:
            response = self.render(request, key, generation, entry)
            # A page rendered whole but not cacheable (it holds a CSRF token).
            uncacheable = response.status_code == 200 and not getattr(
                response, "_page_cached", False
            )
            return response
        finally:
            self.renders.release(key, uncacheable)

    def render(self, request, key, generation, entry):
        """Render the page and store it; if it fails (5xx: the database is
        down or too slow), answer its last good copy instead, if any."""
        response = self.get_response(request)
        if response.status_code >= 500 and entry is not None:
            return self.answer(request, entry[2])
        # The display settings (cookies) are written into the page itself.
        patch_vary_headers(response, ("Cookie",))
        if key is not None and request.method == "GET":
            if is_cacheable(request, response):
                set_response_etag(response)
                share_publicly(response)
                store(key, generation, response)
                response._page_cached = True
                return response
        if is_personal(request, response):
            patch_cache_control(response, private=True, no_store=True)
        return response
