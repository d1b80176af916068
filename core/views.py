"""Site-wide views: display settings, robots.txt and the health check."""

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
            next_url = reverse("directory:home")
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


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


class HealthView(View):
    """For load balancers: 200 when the database answers, 503 otherwise."""

    def get(self, request):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            return JsonResponse({"status": "error", "database": False}, status=503)
        response = JsonResponse({"status": "ok", "database": True})
        response["Cache-Control"] = "no-store"
        return response
