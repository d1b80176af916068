"""The site's languages: links to a page in each, and the first visit's choice.

Korean pages have no URL prefix, so Django's LocaleMiddleware always serves
them in Korean. A visitor who arrives from elsewhere, has never chosen a
language and whose browser prefers another of the site's languages is sent to
that language's copy of the page instead.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme


def default_language():
    return translation.get_supported_language_variant(settings.LANGUAGE_CODE)


def alternate_urls(request):
    """(code, absolute URL, own name) of this page in every language.

    The switcher links to these rather than posting to set_language: a form
    would need a CSRF token, and pages with one could not be cached.
    """
    path = request.get_full_path()
    return [
        (code, request.build_absolute_uri(translate_url(path, code)), name)
        for code, name in settings.LANGUAGES
    ]


def preferred_language_url(request):
    """The URL of this page in the browser's language, if it should go there."""
    if request.method not in ("GET", "HEAD"):
        return None
    if translation.get_language_from_path(request.path_info):
        return None
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return None
    # Read on every request, cached pages included: the cheap tests first.
    if not request.META.get("HTTP_ACCEPT_LANGUAGE"):
        return None
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}
    ):
        return None
    language = translation.get_language_from_request(request)
    if language == default_language():
        return None
    path = request.get_full_path()
    url = translate_url(path, language)
    return url if url != path else None


class PreferredLanguageMiddleware:
    """Send a first visit to an unprefixed page to the browser's language.

    It runs after the page cache, which answers no such visit from a stored
    page (core/cache.py asks ``preferred_language_url`` too); the redirect is
    private, so no cache keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        url = preferred_language_url(request)
        if url is None:
            return self.get_response(request)
        response = HttpResponseRedirect(url)
        patch_vary_headers(response, ("Accept-Language", "Cookie", "Referer"))
        patch_cache_control(response, private=True)
        return response
