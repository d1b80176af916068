"""Site-wide views: display settings, robots.txt and the health checks."""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from .display import (
    CONTRAST_COOKIE,
    COOKIE_MAX_AGE,
    TEXT_SIZE_COOKIE,
    DisplaySettingsForm,
)
from .routers import replica_status

HEALTH_KEY = "healthz:probe"


@method_decorator(never_cache, name="dispatch")
class DisplaySettingsView(View):
    """Keep the chosen text size and contrast in cookies, then go back."""

    def get(self, request):
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        ):
            next_url = reverse(settings.HOME_URL_NAME)
        response = HttpResponseRedirect(next_url)
        form = DisplaySettingsForm(request.GET)
        form.is_valid()
        cookies = {
            TEXT_SIZE_COOKIE: form.cleaned_data.get("text_size"),
            CONTRAST_COOKIE: form.cleaned_data.get("contrast"),
        }
        for name, value in cookies.items():
            if value:
                response.set_cookie(
                    name,
                    value,
                    max_age=COOKIE_MAX_AGE,
                    secure=request.is_secure(),
                    httponly=True,
                    samesite="Lax",
                )
        return response


class PolicyView(TemplateView):
    """The privacy, copyright and accessibility pages every public site has."""

    title = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=self.title, licence=settings.DATA_LICENCE, **kwargs
        )


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def _cache_answers():
    token = secrets.token_hex(8)
    cache.set(HEALTH_KEY, token, 10)
    return cache.get(HEALTH_KEY) == token


def health_report():
    """The state of every server the site uses; the site is "ok" when all are."""
    parts = {
        "database": "ok" if _database_answers() else "down",
        "cache": "ok" if _cache_answers() else "degraded",
    }
    if "replica" in settings.DATABASES:
        status, lag = replica_status(refresh=True)
        parts["replica"] = status
        parts["replica_lag_seconds"] = lag
    healthy = all(
        parts[name] == "ok"
        for name in ("database", "cache", "replica")
        if name in parts
    )
    return {"status": "ok" if healthy else "degraded", **parts}


@method_decorator(never_cache, name="dispatch")
class HealthView(View):
    """For load balancers: 200 while this server can answer at all.

    Cached pages are served whatever the database, cache or replica do, so
    none of them failing takes a server out of rotation (all servers share
    them, and removing every one would serve nothing). The body says what is
    degraded, for monitoring.
    """

    def get(self, request):
        return JsonResponse(health_report())


@method_decorator(never_cache, name="dispatch")
class ReadinessView(View):
    """For deployments and monitoring: 503 until the primary database answers."""

    def get(self, request):
        report = health_report()
        return JsonResponse(report, status=200 if report["database"] == "ok" else 503)
