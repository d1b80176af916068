"""Page links stay few however many pages a list has."""

import re

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import SimpleTestCase
from django.utils import translation

from core.templatetags.core_tags import page_numbers


class PageNumbersTests(SimpleTestCase):
    def test_first_last_and_the_pages_around_the_current_one(self):
        page = Paginator(range(5000), 24).page(10)
        self.assertEqual(page_numbers(page), [1, None, 8, 9, 10, 11, 12, None, 209])

    def test_a_few_pages_are_all_listed(self):
        page = Paginator(range(100), 24).page(1)
        self.assertEqual(page_numbers(page), [1, 2, 3, 4, 5])

    def test_the_links_of_a_long_list(self):
        page = Paginator(range(50000), 150).page(100)
        with translation.override("ko"):
            html = render_to_string(
                "includes/_pagination.html",
                {"is_paginated": True, "page_obj": page},
            )
        numbers = re.findall(r'<a href="\?page=(\d+)"', html)
        self.assertEqual(
            numbers, ["99", "1", "98", "99", "100", "101", "102", "334", "101"]
        )
        self.assertIn('<a href="?page=100" aria-current="page">100</a>', html)
        self.assertEqual(html.count('<span class="gap" aria-hidden="true">…</span>'), 2)
        self.assertIn("334쪽 중 100쪽", html)
        self.assertLess(len(html), 2000)
