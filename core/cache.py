"""Whole-page caching of the public site, emptied by any change of data.

Pages are cached under a key prefix that contains a generation number. Saving
or deleting any directory or standard row bumps the generation (signals.py), so
the next request of every page is rendered afresh on every app server that
shares the cache, without having to know which pages showed the changed row.
"""

from django.conf import settings
from django.core.cache import cache
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import patch_vary_headers, set_response_etag

GENERATION_KEY = "directory:generation"


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def invalidate_public_pages(**kwargs):
    """Make every cached public page stale at once."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def is_public_request(request):
    """Anonymous requests outside the admin: the ones worth caching."""
    if request.path.startswith("/" + settings.ADMIN_URL):
        return False
    user = getattr(request, "user", None)
    return not (user and user.is_authenticated)


class GenerationPrefixMixin:
    @property
    def key_prefix(self):
        return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:{current_generation()}"

    @key_prefix.setter
    def key_prefix(self, value):
        pass


class UpdatePublicCacheMiddleware(GenerationPrefixMixin, UpdateCacheMiddleware):
    def _should_update_cache(self, request, response):
        return is_public_request(request) and super()._should_update_cache(
            request, response
        )

    def process_response(self, request, response):
        # Cached with its ETag, so that a HEAD served from the cache has it
        # too (ConditionalGetMiddleware computes one for GET only).
        if self._should_update_cache(request, response) and response.status_code == 200:
            set_response_etag(response)
        return super().process_response(request, response)


class FetchPublicCacheMiddleware(GenerationPrefixMixin, FetchFromCacheMiddleware):
    def process_request(self, request):
        if not is_public_request(request):
            request._cache_update_cache = False
            return None
        return super().process_request(request)


class VaryOnCookieMiddleware:
    """Cache a page once per set of cookies, since the display settings
    (text size, contrast) are read from cookies into the HTML itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        return response
