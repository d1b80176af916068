"""What people search for and do not find: counted per language and week,
with nothing personal, shown to staff with a way to add a search word."""

import datetime
from unittest import mock

from django.test import TestCase
from django.urls import reverse

from directory.models.search import SearchMiss
from directory.search import misses
from directory.search.engine import best_records, matches
from tests.admin_forms import make_superuser
from tests.base import SeededTestCase

THURSDAY = datetime.date(2026, 12, 3)


class RecordTests(SeededTestCase):
    def setUp(self):
        misses.flush()
        SearchMiss.objects.all().delete()
        today = mock.patch("django.utils.timezone.localdate", return_value=THURSDAY)
        today.start()
        self.addCleanup(today.stop)

    def test_a_search_without_result_is_counted_per_language_and_week(self):
        best_records("QZXV  wyrmtongue", 3, "en")
        best_records("qzxv wyrmtongue", 3, "en")
        best_records("qzxv wyrmtongue", 3, "vi")
        misses.flush()
        rows = SearchMiss.objects.order_by("language").values_list(
            "query", "language", "week", "outcome", "count"
        )
        monday = datetime.date(2026, 11, 30)
        self.assertEqual(
            list(rows),
            [
                ("qzxv wyrmtongue", "en", monday, "none", 2),
                ("qzxv wyrmtongue", "vi", monday, "none", 1),
            ],
        )

    def test_the_search_page_counts_in_the_page_language(self):
        with self.settings(LANGUAGE_CODE="ko"):
            matches("우주정거장 비자")
        misses.flush()
        miss = SearchMiss.objects.get()
        self.assertEqual((miss.query, miss.outcome), ("우주정거장 비자", "weak"))

    def test_a_good_answer_is_not_counted(self):
        best_records("다누리", 3, "ko")
        best_records("interpreter", 3, "en")
        misses.flush()
        self.assertFalse(SearchMiss.objects.exists())

    def test_numbers_addresses_and_names_are_never_kept(self):
        for query in [
            "010-9876-5432",
            "880101 우주",
            "someone@example.org",
            "김민수",
            "박서준 상담",
            "Maria Santos",
        ]:
            with self.subTest(query=query):
                best_records(query, 3, "en")
                misses.flush()
                self.assertFalse(SearchMiss.objects.exists())

    def test_counts_older_than_the_kept_weeks_are_deleted(self):
        old = THURSDAY - datetime.timedelta(weeks=misses.KEPT_WEEKS + 2)
        SearchMiss.objects.create(
            query="old", language="en", week=old, outcome="none", count=3
        )
        best_records("qzxv", 3, "en")
        misses.flush()
        self.assertEqual(
            list(SearchMiss.objects.values_list("query", flat=True)), ["qzxv"]
        )


class FlushTests(SeededTestCase):
    def test_counts_wait_in_the_process_until_enough_have_gathered(self):
        # What earlier tests of this process left pending is written now, and
        # then removed (inside this test's transaction).
        misses.flush()
        SearchMiss.objects.all().delete()
        best_records("qzxv", 3, "en")
        self.assertFalse(SearchMiss.objects.exists())
        with mock.patch.object(misses, "FLUSH_EVERY", 2):
            best_records("wyrmtongue", 3, "en")
        self.assertEqual(SearchMiss.objects.count(), 2)


class PersonalTests(SeededTestCase):
    def test_what_looks_personal(self):
        self.assertTrue(misses.personal("이민호"))
        self.assertTrue(misses.personal("Nguyen Van"))
        self.assertFalse(misses.personal("이주민 비자"))
        self.assertFalse(misses.personal("visa extension"))


class AdminTests(TestCase):
    def test_staff_see_the_counts_and_a_link_to_add_a_search_word(self):
        SearchMiss.objects.create(
            query="jeonse deposit",
            language="en",
            week=THURSDAY,
            outcome="none",
            count=4,
        )
        self.client.force_login(make_superuser())
        page = self.client.get(reverse("admin:directory_searchmiss_changelist"))
        self.assertContains(page, "jeonse deposit")
        add = reverse("admin:directory_searchword_add")
        self.assertContains(page, f"{add}?language=en&amp;words=jeonse+deposit")
        form = self.client.get(f"{add}?language=en&words=jeonse+deposit")
        self.assertContains(form, "jeonse deposit")

    def test_the_privacy_page_says_what_is_kept(self):
        page = self.client.get("/en/privacy/")
        self.assertContains(page, "counted together for 26 weeks")
