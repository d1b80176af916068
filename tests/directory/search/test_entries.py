"""A record's entries (``entries.py``): one per rank and script, each text of
it whole between separators."""

from unittest import mock, skipUnless

from django.conf import settings
from django.db import connection
from django.test import TestCase
from modeltranslation.utils import build_localized_fieldname

from directory.models import SearchEntry, Service
from directory.models.search import SearchTerm
from directory.search.engine import best_records
from directory.search.entries import (
    CODED,
    NAME,
    NO_TEXT,
    OVERLAP,
    SEPARATOR,
    WORD_LENGTH,
    entries_of,
    listed_words,
    script_of,
    service_entries,
)
from directory.search.indexing import SOURCES
from directory.search.sql import conditions
from directory.search.text import search_key, search_words, unaccented
from tests.base import SeededTestCase
from tests.factories import make_area, make_division, make_service

OTHER_LANGUAGES = [code for code in settings.MODELTRANSLATION_LANGUAGES if code != "ko"]


def loaded(name):
    """A service as the index loads it (its numbers as stored)."""
    load, _build = SOURCES[SearchEntry.Kind.SERVICE]
    return load().get(name=name)


def keys_of(entry):
    return [key for key in entry["key"].split(SEPARATOR) if key]


def text_entries():
    """Every script's texts kept as they are, as SQLite keeps them (on
    PostgreSQL, all but Hangul are coded words)."""
    return mock.patch("directory.search.entries.coded_script", return_value=False)


def codes_of(entry):
    return {int(code) for code in entry["word_codes"].strip("{}").split(",")}


class EntriesTests(SeededTestCase):
    def test_a_name_in_13_languages_is_one_entry_per_script(self):
        service = loaded("결혼이민자 지원")
        with text_entries():
            names = [
                entry
                for entry in service_entries(service)
                if entry["priority"] == NAME and entry["grams"]
            ]
        by_script = {script_of(entry["key"]): entry for entry in names}
        self.assertEqual(len(by_script), len(names))
        self.assertEqual(
            set(by_script),
            {"HANGUL", "LATIN", "CJK", "CYRILLIC", "THAI", "LAO", "KHMER"}
            | {"DEVANAGARI"},
        )
        latin = keys_of(by_script["LATIN"])
        for code in ["en", "vi", "uz", "fil"]:
            text = getattr(service, build_localized_fieldname("name", code))
            self.assertIn(search_key(text), latin)
        # Vietnamese as it is often typed, without its accents.
        self.assertIn(search_key(unaccented(service.name_vi)), latin)
        # Its Thai name, then its staff's search words in Thai: Thai alone.
        thai = keys_of(by_script["THAI"])
        self.assertEqual(thai[0], search_key(service.name_th))
        self.assertEqual({script_of(key) for key in thai}, {"THAI"})
        self.assertEqual(keys_of(by_script["HANGUL"])[0], search_key(service.name))

    @skipUnless(connection.vendor == "postgresql", "coded words on PostgreSQL")
    def test_a_name_in_12_other_languages_is_one_entry_of_its_words_codes(self):
        service = loaded("결혼이민자 지원")
        names = [
            entry
            for entry in service_entries(service)
            if entry["priority"] == NAME and entry["grams"]
        ]
        by_script = {entry["script"]: entry for entry in names}
        self.assertEqual(len(by_script), len(names))
        self.assertEqual(set(by_script), {"HANGUL", CODED})
        coded = by_script[CODED]
        self.assertEqual(
            [coded[column] for column in ("key", "words", "initials", "grams")],
            [NO_TEXT, "", "", NO_TEXT],
        )
        codes = codes_of(coded)
        for code in OTHER_LANGUAGES:
            text = getattr(service, build_localized_fieldname("name", code))
            words = search_words(text).split()
            with self.subTest(language=code):
                self.assertLessEqual(set(words), set(coded["listed"]))
                self.assertLessEqual({SearchTerm.code_of(w) for w in words}, codes)
                # Its first word negated: the name starts with it.
                self.assertIn(-SearchTerm.code_of(words[0]), codes)
        # Nothing of the Korean name, which keeps its text.
        self.assertNotIn(SearchTerm.code_of(search_key(service.name)), codes)
        self.assertEqual(keys_of(by_script["HANGUL"])[0], search_key(service.name))

    def test_a_word_longer_than_the_list_holds_is_listed_in_overlapping_pieces(self):
        word = "".join(chr(0x0E01 + n % 46) for n in range(2 * WORD_LENGTH + 17))
        pieces = listed_words(word)
        self.assertEqual(listed_words("visa"), ("visa",))
        self.assertTrue(all(len(piece) <= WORD_LENGTH for piece in pieces))
        self.assertEqual(pieces[0], word[:WORD_LENGTH])
        self.assertTrue(word.endswith(pieces[-1]))
        for start in range(len(word) - OVERLAP + 1):
            part = word[start : start + OVERLAP]
            self.assertTrue(any(part in piece for piece in pieces), start)

    def test_only_syllabic_scripts_keep_every_character_pair(self):
        [korean] = entries_of([(NAME, "상담센터")], kind="service")
        self.assertIn(" 담센 ", korean["grams"])
        with text_entries():
            [english] = entries_of([(NAME, "Visa Extension Centre")], kind="service")
        # A short query in an alphabet is the start of a word.
        self.assertEqual(english["grams"], " vi ex ce ")
        self.assertEqual(english["initials"], "")

    def test_texts_that_read_alike_are_kept_once(self):
        texts = [(NAME, "Visa centre"), (NAME, "visa-centre"), (NAME, "Trung tâm")]
        with text_entries():
            [entry] = entries_of(texts, kind="service")
        self.assertEqual(keys_of(entry), ["visacentre", "trungtâm", "trungtam"])
        self.assertEqual(entry["key"], "|visacentre|trungtâm|trungtam|")

    def test_each_translated_name_typed_whole_finds_its_service_first(self):
        for service in Service.objects.all():
            for code in OTHER_LANGUAGES:
                name = getattr(service, build_localized_fieldname("name", code))
                with self.subTest(service=service.name, language=code):
                    [first] = best_records(name, 1, code)
                    self.assertEqual(
                        (first.kind, first.name), ("service", service.name), name
                    )

    def test_the_index_holds_the_entries_as_built(self):
        service = loaded("결혼이민자 지원")
        stored = {
            (priority, key, frozenset(codes or ()))
            for priority, key, codes in SearchEntry.objects.filter(
                kind="service", object_id=service.pk
            ).values_list("priority", "key", "word_codes")
        }
        built = {
            (
                entry["priority"],
                entry["key"],
                frozenset(codes_of(entry) if entry.get("word_codes") else ()),
            )
            for entry in service_entries(service)
            if entry["kind"] == "service"
        }
        self.assertEqual(stored, built)


class WordsOfOtherScriptsTests(TestCase):
    """Texts in other scripts than Hangul, which PostgreSQL indexes by their
    words' codes (``entries.CODED``), are found as SQLite finds their text."""

    @classmethod
    def setUpTestData(cls):
        area = make_area()
        division = make_division(sector=area.sector)
        # A Thai name is one word: longer than the list holds, it is listed
        # in pieces that overlap.
        cls.thai = "".join(chr(0x0E01 + n % 46) for n in range(WORD_LENGTH + 40))
        cls.long, cls.starts, cls.inside = (
            make_service(area=area, division=division, position=n, **names)
            for n, names in enumerate(
                [
                    {"name": "긴 이름 상담", "name_th": cls.thai},
                    {"name": "비자 센터", "name_en": "Visa Centre"},
                    {"name": "센터 비자", "name_en": "Centre for Visa"},
                ],
                1,
            )
        )

    def first(self, query):
        return [(record.kind, record.name) for record in best_records(query, 5)][:1]

    def test_a_part_of_a_long_word_is_found_across_its_pieces(self):
        step = WORD_LENGTH - OVERLAP
        for start in (0, step - 10, len(self.thai) - 12):
            part = self.thai[start : start + 12]
            with self.subTest(start=start):
                self.assertEqual(self.first(part), [("service", self.long.name)])

    def test_a_name_that_starts_with_the_word_comes_first(self):
        for query in ("visa", "vis", "Visa"):
            with self.subTest(query=query):
                self.assertEqual(self.first(query), [("service", self.starts.name)])
        self.assertEqual(self.first("for visa"), [("service", self.inside.name)])

    def test_a_word_a_save_adds_is_found_at_once(self):
        self.assertEqual(self.first("zorblat"), [])
        self.inside.name_en = "Zorblatix Centre"
        self.inside.save()
        self.assertEqual(self.first("zorblat"), [("service", self.inside.name)])
        self.assertEqual(
            self.first("zorblatix centre"), [("service", self.inside.name)]
        )

    def test_a_part_of_many_words_is_read_by_the_statement_itself(self):
        # A short part is in thousands of words of a national word list: the
        # statement reads their codes rather than naming them all.
        conditions.listed_codes.cache_clear()
        with mock.patch.object(conditions, "MAX_CODES", 1):
            self.assertEqual(self.first("ce"), [("service", self.inside.name)])
            self.assertEqual(self.first("cen"), [("service", self.inside.name)])
        conditions.listed_codes.cache_clear()
        self.assertEqual(self.first("ce"), [("service", self.inside.name)])
