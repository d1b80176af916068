"""The sitemap: an index (``/sitemap.xml``) of sections read a page at a time.

Every page is listed once per language with its translations as alternates,
so a national directory (150,000 services, 13 languages) is about two million
addresses: in one file it took most of a minute to write and was hundreds of
megabytes, where crawlers read at most 50,000 addresses and 50 MB a file.
Each file now lists ``URLS_PER_FILE`` addresses, read from the database by
primary key, a page at a time.
"""

from collections.abc import Sequence
from functools import cached_property

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.urls import reverse

from standards.models import PolicyArea, Sector

from .models import Division, Service

# About 2.7 KB an address with its 14 alternates: some 5 MB a file.
URLS_PER_FILE = 2000


class TranslatedSitemap(Sitemap):
    """Every page once per language, each listing its translations."""

    i18n = True
    alternates = True
    x_default = True
    limit = URLS_PER_FILE


class PagesSitemap(TranslatedSitemap):
    priority = 0.8

    def items(self):
        return ["directory:home", "directory:service-list", "directory:division-list"]

    def location(self, item):
        return reverse(item)


class PerLanguage(Sequence):
    """(pk, language) of each row of ``pks`` and each language, as a list the
    paginator can slice: only the rows of the slice asked for are read."""

    def __init__(self, pks, languages):
        self.pks, self.languages = pks, languages

    @cached_property
    def rows(self):
        return self.pks.count()

    def __len__(self):
        return self.rows * len(self.languages)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        per_row = len(self.languages)
        first = start // per_row
        pks = self.pks[first : -(-stop // per_row)]
        pairs = [(pk, language) for pk in pks for language in self.languages]
        return pairs[start - first * per_row : stop - first * per_row]


class ModelSitemap(TranslatedSitemap):
    """Every row of a model that has a public page, by primary key."""

    def __init__(self, model, url_name, priority):
        self.model, self.url_name, self.priority = model, url_name, priority

    def items(self):
        return self.model.objects.order_by("pk").values_list("pk", flat=True)

    @property
    def paginator(self):
        languages = [code for code, _name in settings.LANGUAGES]
        return Paginator(PerLanguage(self.items(), languages), self.limit)

    def location(self, pk):
        return reverse(self.url_name, args=[pk])


SITEMAPS = {
    "pages": PagesSitemap,
    "services": ModelSitemap(Service, "directory:service-detail", 0.9),
    "divisions": ModelSitemap(Division, "directory:division-detail", 0.7),
    "areas": ModelSitemap(PolicyArea, "directory:area-detail", 0.6),
    "standards": ModelSitemap(Sector, "directory:sector-detail", 0.5),
}
