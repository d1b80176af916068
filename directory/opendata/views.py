from django.conf import settings
from django.views.generic import TemplateView

from .changes import last_change

ENDPOINTS = [
    ("services", "sector, area, division"),
    ("divisions", "sector, area"),
    ("areas", "sector"),
    ("commitments", "sector, area"),
    ("contacts", "sector, area, division"),
    ("sectors", ""),
]


class ApiPageView(TemplateView):
    """How to reuse the directory: the API, the downloads and the licence."""

    template_name = "directory/api.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            endpoints=ENDPOINTS,
            licence=settings.DATA_LICENCE,
            last_change=last_change(),
            **kwargs,
        )


class HsdsProfileView(TemplateView):
    """What our HSDS 3.0 API fills, and how a Korean number is given."""

    template_name = "directory/hsds_profile.html"
