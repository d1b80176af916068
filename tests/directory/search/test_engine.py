from unittest.mock import patch

from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.search.engine import (
    best,
    best_records,
    counted,
    every_ranked,
    facets,
    first_or_every,
    matches,
    ranked,
)
from directory.search.reading import parse_query
from directory.search.sql import WORD_WEIGHT, statements
from tests.base import SeededTestCase

from .queries import BOTH_4655, FIRST_RESULTS, names


class FirstResultTests(SeededTestCase):
    def test_queries_find_the_right_service_first(self):
        for query, expected in FIRST_RESULTS:
            with self.subTest(query=query):
                self.assertEqual(names(query)[: len(expected)], expected)

    def test_a_number_returns_every_service_behind_it_and_its_division(self):
        self.assertEqual(names("4655"), [*BOTH_4655, "이민사회정책 담당"])

    def test_fax_number_finds_every_service_that_uses_it(self):
        self.assertEqual(len(best_records("031-8030-4659", 50)), 19)

    def test_number_nobody_has_finds_nothing_rather_than_its_area_code(self):
        # "031" alone is in every number: the parts of a number are no words.
        self.assertEqual(names("031-8030-9999"), [])
        self.assertEqual(len(parse_query("031 8030 9999").attempts), 1)

    def test_query_of_punctuation_only_finds_nothing(self):
        for query in ["%", "_", "·", "--", "   "]:
            with self.subTest(query=query):
                self.assertEqual(names(query), [])
                self.assertEqual(parse_query(query).attempts, ())

    def test_ties_follow_document_order(self):
        self.assertEqual(
            names("다문화가족 등")[:2],
            [
                "다문화가족 등 이주배경 가정 특성화사업",
                "다문화가족 등 이주 배경 자녀 지원",
            ],
        )

    def test_names_come_before_divisions_before_the_standard(self):
        kinds = [record.kind for record in best_records("고려인", 20)]
        self.assertEqual(kinds, ["service", "commitment"])

    def test_keyboard_layout_and_slips_are_reported(self):
        attempt, _entries = matches("rhfuddls")
        self.assertEqual(attempt.corrected, "고려인")
        self.assertTrue(matches("외국인인권지원센타")[0].approximate)
        self.assertFalse(matches("외국인인권지원센터")[0].approximate)

    def test_one_syllable_finds_the_names_that_have_it(self):
        # Too short for a trigram: SQLite's FTS5 found nothing for it.
        self.assertCountEqual(
            names("축")[:2], ["외국인종합지원센터 구축", "이민사회 문화소통 축제"]
        )

    def test_the_longest_queries_are_answered(self):
        # A slip is looked for at each syllable: a hundred tests in one
        # statement, which SQLite's parser took when nested a hundred deep.
        for query in ["가" * 100, "가 " * 50]:
            with self.subTest(query=query[:10]):
                self.assertEqual(names(query), [])
        # Its pieces are most of the centre's name: it shares them.
        self.assertEqual(
            names("다문화가족돌봄센터" * 11)[0], "다문화가족지원센터 운영지원"
        )

    def test_slip_is_forgiven_only_in_words_of_four_syllables_or_more(self):
        self.assertEqual(names("고러인"), [])

    def test_nothing_matched_gives_no_attempt_and_no_entries(self):
        attempt, entries = matches("우주여행")
        self.assertIsNone(attempt)
        self.assertFalse(entries.exists())


class ReadingTests(SeededTestCase):
    def test_a_query_is_read_as_typed_then_as_hangul_then_with_a_slip(self):
        attempts = parse_query("rhfuddls").attempts
        self.assertEqual([a.corrected for a in attempts], ["", "고령인", "고려인"])
        self.assertEqual(attempts[0].keys, ("rhfuddls",))
        self.assertEqual(attempts[2].keys, ())
        self.assertEqual(attempts[2].alternatives[0], "고려인")
        typed, slip, pieces = parse_query("외국인인권지원센타").attempts
        self.assertEqual((typed.approximate, slip.approximate), (False, True))
        self.assertEqual(pieces.keys[:3], ("외국인", "국인인", "인인권"))

    def test_typed_number_and_synonyms_are_read_once(self):
        (attempt, *_slips) = parse_query("+82 31 8030 4655").attempts
        self.assertEqual(attempt.keys, ("03180304655",))
        self.assertIn("비자", parse_query("체류").attempts[0].alternatives)


class SeveralWordsTests(SeededTestCase):
    def test_words_in_another_order_find_what_has_them_all(self):
        self.assertEqual(names("지원 결혼이민자")[0], "결혼이민자 지원")
        attempt, _entries = matches("지원 결혼이민자")
        self.assertEqual(attempt.keys[:2], ("지원", "결혼이민자"))

    def test_what_has_more_of_the_words_comes_first(self):
        first, *rest = names("결혼이민자 우주여행 지원")
        self.assertEqual(first, "결혼이민자 지원")
        self.assertTrue(rest)

    def test_one_word_that_matches_is_enough(self):
        self.assertEqual(names("우주여행 결혼이민자")[0], "결혼이민자 지원")
        self.assertEqual(names("우주여행 은하수"), [])

    def test_russian_and_english_forms_and_vietnamese_without_accents(self):
        settle = "이주민·고려인동포 정착지원"
        for query in ["обустройство", "обустройству", "ОБУСТРОЙСТВА"]:
            with self.subTest(query=query):
                self.assertIn(settle, names(query, 3))
        marriage = "결혼이민자 지원"
        self.assertEqual(names("nhap cu ket hon")[0], marriage)
        self.assertEqual(names("marriage migrant")[0], marriage)

    def test_keyboard_reading_of_two_syllables(self):
        self.assertIn("폭력피해이주여성 상담센터 운영", names("tkdeka"))
        attempt, _entries = matches("tkdeka")
        self.assertEqual(attempt.corrected, "상담")


def ranking_queries(queries):
    """How many of the queries ranked entries."""
    return sum("directory_searchentry" in query["sql"] for query in queries)


class FallbackTests(SeededTestCase):
    def test_fallback_ranks_each_reading_once(self):
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(names("rhfuddls")[0], "이주민·고려인동포 정착지원")
        # As typed, then its readings 고령인 (no match) and 고려인, each in one
        # statement: no separate test of whether a reading matches before it
        # is ranked, nor of whether the first priorities fill the page.
        self.assertEqual(ranking_queries(queries), 3)


class FirstPrioritiesTests(SeededTestCase):
    """The entries of the first priorities rank alone while they fill the
    rows asked for: the answer is the one that ranking every entry gives."""

    def every_entry_ranked(self, attempt, limit):
        rows = list(dict.fromkeys(row[:2] for row in ranked(attempt)))
        return rows[:limit]

    def test_the_answer_is_that_of_every_entry_ranked(self):
        queries = [
            *["지원", "이민", "외국인", "체류", "이민체류지원", "ㄱㄱ", "4655"],
            # Of two words, what has one.
            *["지원 은하수", "우주여행 결혼이민자", "이민 우주여행"],
        ]
        for query in queries:
            attempt, _entries = matches(query)
            for limit in (1, 2, 5, 20):
                with self.subTest(query=query, limit=limit):
                    self.assertEqual(
                        best(attempt, limit), self.every_entry_ranked(attempt, limit)
                    )

    def test_every_entry_ranks_only_when_the_first_priorities_run_out(self):
        attempt, _entries = matches("지원")
        rows, filled = first_or_every(attempt, 4)
        self.assertTrue(filled)
        self.assertEqual(rows, list(ranked(attempt, first=True)[:4]))
        self.assertTrue(all(kind in ("service", "division") for kind, *_ in rows))
        # A team's name is on its own entry (the first priorities) and on
        # each of its services' (later): its services need both.
        attempt, _entries = matches("이민체류지원")
        rows, filled = first_or_every(attempt, 80)
        self.assertFalse(filled)
        self.assertEqual(rows, list(ranked(attempt)[:80]))
        kinds = [kind for kind, *_ in rows]
        self.assertEqual(kinds[0], "division")
        self.assertIn("service", kinds)

    def test_of_two_words_what_has_one_ranks_its_first_priorities_first(self):
        attempt, _entries = matches("지원 은하수")
        self.assertEqual(len(attempt.groups), 2)
        rows, filled = first_or_every(attempt, 4)
        self.assertTrue(filled)
        self.assertEqual(rows, list(ranked(attempt)[:4]))

    def test_nothing_found_is_one_statement_and_no_rows(self):
        attempt = parse_query("은하수").attempts[0]
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(first_or_every(attempt, 80), ([], False))
        self.assertEqual(ranking_queries(queries), 1)

    def test_words_lacking_and_slips_rank_every_entry_at_once(self):
        for query in ["결혼이민자 우주여행 지원", "외국인인권지원센타"]:
            attempt, _entries = matches(query)
            with self.subTest(query=query), CaptureQueriesContext(connection) as q:
                self.assertTrue(best(attempt, 20))
                self.assertFalse(any("first_rows" in query["sql"] for query in q))
                # Of three words, those with two were looked for first (too
                # few to fill the rows asked for).
                narrower = len(list(attempt.narrowed()))
                self.assertEqual(ranking_queries(q), 1 + narrower)


def any_word(query):
    """The attempt of the query that takes entries with any of its words."""
    [attempt] = [
        attempt
        for attempt in parse_query(query).attempts
        if attempt.weak and attempt.groups and not attempt.approximate
    ]
    return attempt


class NarrowedTests(SeededTestCase):
    """Of three words or more, entries with all but one are looked for first:
    while they fill the rows asked for, the answer is the same."""

    def test_the_answer_is_that_of_every_entry_ranked(self):
        queries = [
            "결혼이민자 우주여행 지원",
            "외국인 은하수 체류 지원",
            "marriage migrant support zzzq",
        ]
        for query in queries:
            attempt = any_word(query)
            every = list(dict.fromkeys(row[:2] for row in ranked(attempt)))
            for limit in (1, 3, 10, 200):
                with self.subTest(query=query, limit=limit):
                    self.assertEqual(best(attempt, limit), every[:limit])

    def test_entries_with_two_of_three_words_are_ranked_alone_while_they_fill(self):
        attempt = any_word("결혼이민자 우주여행 지원")
        [narrower] = attempt.narrowed()
        narrow = list(ranked(narrower))
        # All of them lack one word at most; of every entry, some lack two.
        self.assertTrue(narrow)
        self.assertTrue(all(rank < 2 * WORD_WEIGHT for _k, _id, rank, _p in narrow))
        self.assertTrue(any(row[2] >= 2 * WORD_WEIGHT for row in ranked(attempt)))
        with CaptureQueriesContext(connection) as queries:
            found = best(attempt, 1)
        self.assertEqual(ranking_queries(queries), 1)
        self.assertEqual(found, [narrow[0][:2]])

    def test_two_words_and_pieces_are_not_narrowed(self):
        self.assertEqual(list(any_word("치매 우주여행").narrowed()), [])
        pieces = [
            a for a in parse_query("문화소통축제상담안내").attempts if a.approximate
        ]
        self.assertTrue(pieces)
        self.assertEqual([list(a.narrowed()) for a in pieces], [[]] * len(pieces))


class CandidatesTests(SeededTestCase):
    """A query that matches more entries than ``CANDIDATES`` ranks the first
    entries a scan gives, and every help line it matches."""

    def every_entry_ranked(self, attempt):
        return list(dict.fromkeys(row[:2] for row in ranked(attempt)))

    def test_every_help_line_is_ranked_whatever_the_candidates(self):
        for query in ["통역", "interpreter"]:
            attempt, _entries = matches(query)
            lines = [r for r in self.every_entry_ranked(attempt) if r[0] == "helpline"]
            with self.subTest(query=query), patch.object(statements, "CANDIDATES", 0):
                self.assertGreater(len(lines), 1)
                self.assertEqual(best(attempt, 20), lines)

    def test_a_common_word_ranks_as_many_entries_as_the_candidates(self):
        attempt, _entries = matches("지원")
        every = self.every_entry_ranked(attempt)
        with patch.object(statements, "CANDIDATES", 3):
            found = best(attempt, 20)
            self.assertEqual(best(attempt, 20), found)
            rows = every_ranked(attempt, 100)
        # Three entries of the first priorities, then (being fewer than
        # asked for) three of the others: the records of those six.
        self.assertEqual(len(rows), 6)
        self.assertEqual(found, list(dict.fromkeys(row[:2] for row in rows)))
        self.assertGreater(len(every), len(found))
        self.assertLessEqual(set(found), set(every))

    def test_an_attempt_ranked_at_once_is_capped_too(self):
        attempt = any_word("결혼이민자 우주여행 지원")
        every = self.every_entry_ranked(attempt)
        with patch.object(statements, "CANDIDATES", 2):
            found = best(attempt, 20)
        # Two entries of the first priorities and two of the others.
        self.assertTrue(found)
        self.assertLessEqual(len(found), 4)
        self.assertLessEqual(set(found), set(every))
        self.assertGreater(len(every), 4)


class FacetsTests(SeededTestCase):
    """The search page's counts per sector, area, division and kind."""

    def test_one_statement_counts_as_each_facet_alone_would(self):
        for query in ["지원", "4655", "visa", "통역", "고려인", "우주여행"]:
            _attempt, entries = matches(query)
            with self.subTest(query=query):
                with CaptureQueriesContext(connection) as statements_made:
                    found = facets(entries)
                self.assertEqual(len(statements_made), 0 if query == "우주여행" else 1)
                self.assertEqual(
                    found,
                    {
                        name: counted(entries, name)
                        for name in ["sector", "area", "division", "kind"]
                    },
                )
        # The counts are the records', not their entries' (a service is
        # found through its name and its team's).
        _attempt, entries = matches("지원")
        kinds = facets(entries)["kind"]
        self.assertEqual(
            kinds["service"],
            entries.filter(kind="service").values("object_id").distinct().count(),
        )
        self.assertGreater(entries.filter(kind="service").count(), kinds["service"])
