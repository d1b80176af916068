"""Pages of a long list chosen by key, then read whole (core/paging.py)."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from core.paging import key_paginator, rows_in_order
from directory.models import Service
from tests.base import SeededTestCase


class KeyPagingTests(SeededTestCase):
    def test_pages_of_keys_read_whole_give_the_lists_rows_in_order(self):
        services = Service.objects.with_contacts().in_name_order()
        every = list(services)
        paginator = key_paginator(services, 4)
        read = []
        for number in paginator.page_range:
            pks = list(paginator.page(number).object_list)
            rows = rows_in_order(services, pks)
            read += rows
            # Read whole: the joined rows and the prefetched numbers too.
            with CaptureQueriesContext(connection) as queries:
                [(row.division.name, list(row.phones_in_order)) for row in rows]
            self.assertEqual(len(queries), 0)
        self.assertEqual(read, every)
        self.assertEqual(paginator.count, len(every))

    def test_the_keys_are_sorted_without_the_rows_columns(self):
        services = Service.objects.with_contacts().in_name_order()
        with CaptureQueriesContext(connection) as queries:
            list(key_paginator(services, 4).page(2).object_list)
        [statement] = [q["sql"] for q in queries if "ORDER BY" in q["sql"]]
        self.assertNotIn("name_en", statement)
        self.assertNotIn("directory_division", statement)


class RowsInOrderTests(TestCase):
    def test_keys_without_a_row_are_left_out(self):
        self.assertEqual(rows_in_order(Service.objects.all(), [1, 2]), [])
