"""Pages of a long list chosen by key, then read whole.

Sorting every row with all its columns, and those of the rows it joins
(every language's text), to keep one page of them took most of a second at
150,000 services; sorting the keys alone and then reading the page's rows
by key does not.
"""

from django.core.paginator import Paginator


def rows_in_order(queryset, pks):
    """The queryset's rows whose keys are ``pks``, in that order."""
    rows = queryset.filter(pk__in=pks).in_bulk()
    return [rows[pk] for pk in pks if pk in rows]


def key_paginator(queryset, per_page):
    """A paginator of the queryset's keys, in its order: a page's
    ``object_list`` is keys, for ``rows_in_order``."""
    return Paginator(queryset.values_list("pk", flat=True), per_page)


class KeyPaginationMixin:
    """A ``ListView`` whose pages are chosen by key (``key_paginator``)."""

    def paginate_queryset(self, queryset, page_size):
        paginator, page, pks, is_paginated = super().paginate_queryset(
            queryset.values_list("pk", flat=True), page_size
        )
        page.object_list = rows_in_order(queryset, list(pks))
        return paginator, page, page.object_list, is_paginated
