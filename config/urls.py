from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core.views import HealthView, ReadinessView, RobotsView
from directory.opendata.api import api
from directory.pocket import ServiceWorkerView
from directory.sitemaps import SITEMAPS

admin.site.site_header = _("Public service directory administration")
admin.site.site_title = _("Public service directory")
admin.site.index_title = _("Directory management")
# A database that is down answers 503 with Retry-After, not 500.
handler500 = "core.faults.server_error_or_unavailable"

# Machine-read addresses and the admin stay outside the language prefixes.
urlpatterns = [
    path("healthz", HealthView.as_view(), name="healthz"),
    path("readyz", ReadinessView.as_view(), name="readyz"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    # At the root, so that the worker's scope is the whole site.
    path("sw.js", ServiceWorkerView.as_view(), name="service-worker"),
    path("api/v1/", api.urls),
    path("api/hsds/", include("directory.opendata.hsds_urls")),
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
] + i18n_patterns(
    path("", include("core.urls")),
    path("", include("directory.urls")),
    prefix_default_language=False,
)
