from dataclasses import replace
from unittest.mock import patch

from django.db import connection
from django.test import TestCase

from directory.models import SearchEntry
from directory.search import sample, sql
from directory.search.engine import matching
from directory.search.reading import parse_query
from directory.search.text import is_hangul
from tests.base import SeededTestCase

# Phrases without spaces whose pieces are looked up (Korean, Thai, Chinese,
# Japanese, Khmer), some as the held-out questions write them.
PHRASES = [
    "문화소통축제상담안내",
    "다문화가족돌봄센타상담",
    "ภาษาเกาหลีสำหรับผู้ย้ายถิ่น",
    "我想学韩语在哪里",
    "ត្រូវការអ្នកបកប្រែភាសា",
    "ຮຽນພາສາເກົາຫຼີ",
    "外国人劳动者支援中心",
]


def pieces_attempt(query):
    [attempt] = [a for a in parse_query(query).attempts if a.groups and a.approximate]
    return attempt


def looking_up(pieces, looked_up=None):
    """The condition of the pieces attempt that looks up ``looked_up`` (by
    default every piece, as it did before the sample)."""
    groups = tuple((piece,) for piece in pieces)
    korean = all(map(is_hangul, "".join(pieces)))
    needed = max(2 if korean else 1, -(-len(pieces) // 3))
    missed = sql.words_missed(groups)
    condition = sql.any_of(tuple(looked_up or pieces)) & sql.Condition(
        f"{missed.sql} <= %s", *missed.params, len(pieces) - needed
    )
    return condition & sql.FIRST_PRIORITY if korean else condition


class RarestPiecesTests(SeededTestCase):
    def setUp(self):
        sample.forget()
        self.addCleanup(sample.forget)

    def test_a_phrase_finds_what_it_found_with_every_piece_looked_up(self):
        for query in PHRASES:
            attempt = pieces_attempt(query)
            whole = replace(attempt, condition=looking_up(attempt.keys))
            with self.subTest(query=query):
                found = set(matching(attempt).values_list("id", flat=True))
                self.assertTrue(found)
                self.assertEqual(
                    found, set(matching(whole).values_list("id", flat=True))
                )

    def test_the_commonest_pieces_are_not_looked_up(self):
        attempt = pieces_attempt("문화소통축제상담안내")
        pieces = attempt.keys
        # Of eight pieces, three needed: six looked up, not the two commonest.
        looked_up = sample.rarest(pieces, 6)
        expected = looking_up(pieces, looked_up)
        self.assertEqual(
            (attempt.condition.sql, attempt.condition.params),
            (expected.sql, expected.params),
        )
        joined = sample.texts()
        counts = {piece: joined["key"].count(piece) for piece in pieces}
        dropped = set(pieces) - set(looked_up)
        self.assertEqual(len(dropped), 2)
        self.assertGreaterEqual(
            min(counts[p] for p in dropped), max(counts[p] for p in looked_up)
        )
        self.assertGreater(min(counts[p] for p in dropped), 0)


class SampleTests(TestCase):
    def setUp(self):
        sample.forget()
        self.addCleanup(sample.forget)

    def test_without_entries_every_piece_is_looked_up(self):
        self.assertEqual(sample.rarest(("가나다", "나다라"), 1), ("가나다", "나다라"))

    def test_the_rarest_keep_their_order(self):
        SearchEntry.objects.bulk_create(
            SearchEntry(
                kind="area",
                object_id=n,
                priority=3,
                position=n,
                key=key,
                words=f" {key} ",
                initials="",
                grams=f" {key[:2]} ",
            )
            for n, key in enumerate(["가나다라", "가나다마", "가나다바", "나다라"])
        )
        # 가나다 in three entries, 나다라 in two, 다바 in one.
        self.assertEqual(
            sample.rarest(("가나다", "나다라", "다바"), 2), ("나다라", "다바")
        )
        self.assertEqual(sample.rarest(("다바", "가나다", "나다라"), 1), ("다바",))
        # Pairs are counted among the character pairs, as the index has them.
        self.assertEqual(sample.rarest(("가나", "나다"), 1), ("나다",))


def every_word(query):
    [attempt] = [a for a in parse_query(query).attempts if a.groups and not a.weak]
    return attempt


class RareWordTests(SeededTestCase):
    """Of words that must all be in an entry, one that no sampled entry has,
    beside one that many have, is the one the index reads."""

    def setUp(self):
        sample.forget()
        self.addCleanup(sample.forget)

    def sampled(self, **texts):
        joined = {"key": "", "initials": "", "grams": "", **texts}
        return patch.object(sample, "texts", return_value=joined)

    def test_a_rare_word_beside_a_common_one(self):
        common = "\n".join(["외국인지원"] * sample.COMMON)
        with self.sampled(key=common, grams=" 지원 " * sample.COMMON):
            self.assertEqual(sample.rare_word((("지원",), ("통역",))), 1)
            self.assertEqual(sample.rare_word((("통역",), ("지원",))), 0)
            # Both rare, or both seen: the planner's choice stands.
            self.assertIsNone(sample.rare_word((("통역",), ("우주",))))
            self.assertIsNone(sample.rare_word((("지원",), ("외국인",))))
        few = "\n".join(["외국인지원"] * (sample.COMMON - 1))
        with self.sampled(key=few, grams=" 지원 " * (sample.COMMON - 1)):
            self.assertIsNone(sample.rare_word((("지원",), ("통역",))))

    def test_the_rare_word_alone_is_read_through_the_index(self):
        query = "지원 통역"
        plain = every_word(query)
        with self.sampled(grams=" 지원 " * sample.COMMON):
            steered = every_word(query)
        found = set(matching(steered).values_list("id", flat=True))
        self.assertTrue(found)
        self.assertEqual(found, set(matching(plain).values_list("id", flat=True)))
        if connection.vendor != "postgresql":
            # SQLite's FTS5 intersects the words' rows itself.
            self.assertEqual(steered.condition.sql, plain.condition.sql)
            return
        entries = matching(steered)
        sql_text, params = entries.query.sql_with_params()
        with connection.cursor() as cursor:
            # The seeded directory is small enough to read whole: ask the
            # planner how it would read a national one.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql_text, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        conds = [line for line in plan.splitlines() if "Index Cond" in line]
        self.assertTrue(any("통역" in line for line in conds), plan)
        self.assertFalse(any("지원" in line for line in conds), plan)
