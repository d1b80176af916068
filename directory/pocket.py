"""The directory in the pocket: web app manifest, service worker, offline page
and "My numbers".

The worker's code is the static file ``js/sw.js``; it is served from the site
root (so that its scope is the whole site) with a first line that names this
release's static files and each language's essential pages. A release that
changes any of them changes the worker's bytes, so browsers install the new
worker, which drops the caches of the old one.
"""

import hashlib
import json
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import PrefixNode, static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from .models import HelpLine

# KRDS primary 60: the colour of links and of the current menu item.
THEME_COLOUR = "#0b50d0"
BACKGROUND_COLOUR = "#ffffff"
# What a page needs to be drawn and used offline; hashed names in
# production. (Suggestions as one types need the network anyway.)
STATIC_FILES = (
    "css/site.css",
    "js/pocket.js",
    "js/my_numbers.js",
    "img/favicon.svg",
)


def essential_pages():
    """Each language's home, help lines, offline page and "My numbers"."""
    pages = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            pages[code] = {
                name: reverse(f"directory:{name}")
                for name in ("home", "helpline-list", "offline", "my-numbers")
            }
    return pages


@lru_cache(maxsize=1)
def worker_source():
    """The worker's code with its settings; built once per process."""
    with open(finders.find("js/sw.js"), encoding="utf-8") as file:
        code = file.read()
    config = {
        "static": [static(name) for name in STATIC_FILES],
        "pages": essential_pages(),
        "staticPrefix": PrefixNode.handle_simple("STATIC_URL"),
    }
    head = json.dumps(config, sort_keys=True, ensure_ascii=False)
    version = hashlib.sha256((head + code).encode()).hexdigest()[:12]
    return (
        f"self.POCKET = {head};\nself.POCKET.version = {json.dumps(version)};\n{code}"
    )


class ServiceWorkerView(View):
    def get(self, request):
        response = HttpResponse(
            worker_source(), content_type="text/javascript; charset=utf-8"
        )
        # Browsers check for a new worker at every visit; no copy may hide it.
        response["Cache-Control"] = "no-cache"
        return response


class ManifestView(View):
    """The web app manifest, in the language of the URL it is asked at."""

    def get(self, request):
        home = reverse("directory:home")
        icon = {"type": "image/png"}
        manifest = {
            "id": home,
            "name": _("Gyeonggi public service directory"),
            "short_name": _("Gyeonggi numbers"),
            "description": _(
                "Find which team handles a Gyeonggi Province service and "
                "which number to call."
            ),
            "lang": translation.get_language(),
            "dir": "rtl" if translation.get_language_bidi() else "ltr",
            "start_url": home,
            "scope": "/",
            "display": "standalone",
            "theme_color": THEME_COLOUR,
            "background_color": BACKGROUND_COLOUR,
            "icons": [
                {**icon, "src": static("img/icon-192.png"), "sizes": "192x192"},
                {**icon, "src": static("img/icon-512.png"), "sizes": "512x512"},
                {
                    **icon,
                    "src": static("img/icon-maskable-512.png"),
                    "sizes": "512x512",
                    "purpose": "maskable",
                },
            ],
        }
        return JsonResponse(
            manifest,
            content_type="application/manifest+json",
            json_dumps_params={"ensure_ascii": False},
        )


class OfflineView(TemplateView):
    """What the worker shows for a page never opened, when the network is gone:
    the help lines' numbers and the numbers kept on this phone."""

    template_name = "directory/offline.html"

    def get_context_data(self, **kwargs):
        lines = HelpLine.objects.all()
        return super().get_context_data(
            help_lines=lines.in_language(translation.get_language()) or lines,
            **kwargs,
        )


class MyNumbersView(TemplateView):
    """The same page for everyone: the browser lists the kept numbers."""

    template_name = "directory/my_numbers.html"
