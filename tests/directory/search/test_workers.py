import multiprocessing
import os
from unittest import mock

from directory.models import SearchEntry
from directory.models.search import SearchTerm
from directory.search import workers
from directory.search.indexing import search_rebuild
from tests.base import SeededTestCase

from .queries import names


def entries():
    return sorted(
        SearchEntry.objects.values_list(
            "kind", "object_id", "priority", "position", "key", "words", "grams"
        )
    )


class WorkerTests(SeededTestCase):
    def test_workers_build_the_same_entries(self):
        built_here = entries()
        words = set(SearchTerm.objects.values_list("word", flat=True))
        self.assertGreater(len(words), 100)
        contexts = mock.Mock(wraps=multiprocessing.get_context)
        with (
            mock.patch.object(workers, "PARALLEL_FROM", 1),
            # More tasks than are kept under way at once.
            mock.patch.object(workers, "TASK_SIZE", 2),
            mock.patch.object(workers.multiprocessing, "get_context", contexts),
            mock.patch.object(os, "cpu_count", return_value=2),
        ):
            search_rebuild()
        contexts.assert_called_with("fork")
        self.assertEqual(entries(), built_here)
        # Each batch adds only the words no batch before it added: all of them.
        self.assertEqual(set(SearchTerm.objects.values_list("word", flat=True)), words)
        self.assertIn("이민사회 문화소통 축제", names("문화소통"))

    def test_few_records_are_built_here(self):
        contexts = mock.Mock(wraps=multiprocessing.get_context)
        with mock.patch.object(workers.multiprocessing, "get_context", contexts):
            search_rebuild()
        contexts.assert_not_called()
        self.assertIn("이민사회 문화소통 축제", names("문화소통"))

    def test_prefetched_rows_travel_as_lists_and_read_the_same(self):
        from directory.search.indexing import SOURCES

        load, _build = SOURCES[SearchEntry.Kind.SERVICE]
        records = list(load().order_by("pk")[:3])
        phones = [[link.number for link in r.service_phones.all()] for r in records]
        workers.portable(records)
        self.assertEqual(
            [[link.number for link in r.service_phones.all()] for r in records], phones
        )
        self.assertTrue(all(phones))
