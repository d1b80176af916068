import multiprocessing
import os
import pickle
from unittest import mock

from directory.models import SearchEntry, Service
from directory.models.search import SearchTerm
from directory.search import workers
from directory.search.entries import PHONE_LINKS
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

    def test_records_travel_with_their_related_rows_as_lists(self):
        # As a worker receives them: pickled, without a queryset per record
        # (a prefetched one would be sent with its whole query).
        from directory.search.indexing import SOURCES

        for kind, (load, build) in SOURCES.items():
            with self.subTest(kind):
                records = list(load().order_by("pk"))
                received = pickle.loads(pickle.dumps(records))
                for record in received:
                    self.assertFalse(getattr(record, "_prefetched_objects_cache", {}))
                built_there = [entry for r in received for entry in build(r)]
                self.assertEqual(
                    built_there, [entry for r in records for entry in build(r)]
                )
                self.assertTrue(built_there)
        load, _build = SOURCES[SearchEntry.Kind.SERVICE]
        phones = [
            [link.number for link in getattr(service, PHONE_LINKS)]
            for service in load().order_by("pk")
        ]
        self.assertTrue(all(phones))
        self.assertEqual(
            phones,
            [
                [c.number.as_e164 for c in s.phones_in_order]
                for s in Service.objects.order_by("pk")
            ],
        )
