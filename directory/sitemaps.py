from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from standards.models import PolicyArea, Sector

from .models import Division, Service


class TranslatedSitemap(Sitemap):
    """Every page once per language, each listing its translations."""

    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(TranslatedSitemap):
    priority = 0.8

    def items(self):
        return ["directory:home", "directory:service-list", "directory:division-list"]

    def location(self, item):
        return reverse(item)


class ModelSitemap(TranslatedSitemap):
    """Every row of a model that has a public page."""

    def __init__(self, model, priority):
        self.model = model
        self.priority = priority

    def items(self):
        return self.model.objects.order_by("pk")


SITEMAPS = {
    "pages": PagesSitemap,
    "services": ModelSitemap(Service, 0.9),
    "divisions": ModelSitemap(Division, 0.7),
    "areas": ModelSitemap(PolicyArea, 0.6),
    "standards": ModelSitemap(Sector, 0.5),
}
