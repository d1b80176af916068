"""Searches without a good answer, per language and week: read-only counts,
each with a link that opens a new search word with the query filled in."""

from urllib.parse import urlencode

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models.search import SearchMiss


@admin.register(SearchMiss)
class SearchMissAdmin(admin.ModelAdmin):
    list_display = ["query", "language", "week", "outcome", "count", "add_word"]
    list_filter = ["outcome", "language", "week"]
    search_fields = ["query"]
    date_hierarchy = "week"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("search words"))
    def add_word(self, miss):
        """The search word form, its language and words taken from the query:
        staff choose the service, team or help line that answers it."""
        query = urlencode({"language": miss.language, "words": miss.query})
        url = reverse("admin:directory_searchword_add")
        return format_html('<a href="{}?{}">{}</a>', url, query, _("Add a search word"))
