"""The admin site: its index page lists what needs attention first.

The apps say what needs attention (``attention()``), so that the site itself
knows no app's models.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html


@dataclass(frozen=True)
class Attention:
    """Rows that need staff: who may see them, how many, and where."""

    permission: str
    rows: Callable
    text: str
    url_name: str
    query: str


ATTENTION: list[Attention] = []


def attention(*items):
    """Add items to the admin index's list of what needs attention."""
    ATTENTION.extend(items)


class SiteAdmin(admin.AdminSite):
    def index(self, request, extra_context=None):
        """List what needs attention above the usual list of models."""
        for item in ATTENTION:
            if not request.user.has_perm(item.permission):
                continue
            if count := item.rows().count():
                messages.warning(
                    request,
                    format_html(
                        '<a href="{}?{}">{}</a>',
                        reverse(item.url_name, current_app=self.name),
                        item.query,
                        item.text % {"count": count},
                    ),
                )
        return super().index(request, extra_context)

    def get_app_list(self, request, app_label=None):
        # settings.ADMIN_APP_ORDER ranks apps; those it does not name rank 5.
        order = settings.ADMIN_APP_ORDER
        apps = super().get_app_list(request, app_label)
        return sorted(apps, key=lambda app: order.get(app["app_label"], 5))
