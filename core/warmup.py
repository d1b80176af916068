"""Work every worker would otherwise do on its first request, done once.

Run where the application is loaded. Under gunicorn with ``preload_app`` that
is the master process, before it forks: each worker then starts with the URL
patterns resolved, every template compiled and every catalogue read, instead
of spending its first request (most of a second) on them. Nothing here opens
a database connection, which forked workers must not share.
"""

from pathlib import Path

import phonenumbers
from django.conf import settings
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation


def templates():
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(Path(folder).rglob("*.html")):
            name = path.relative_to(folder).as_posix()
            if not name.startswith("admin/"):
                yield name


def warm_up():
    reverse(settings.HOME_URL_NAME)  # imports and indexes the URL patterns
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Search")
    for name in templates():
        get_template(name)
    phonenumbers.parse("031-8030-4652", "KR")
