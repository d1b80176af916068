"""A record's entries (``entries.py``): one per rank and script, each text of
it whole between separators."""

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from directory.models import SearchEntry, Service
from directory.search.engine import best_records
from directory.search.entries import (
    NAME,
    SEPARATOR,
    entries_of,
    script_of,
    service_entries,
)
from directory.search.indexing import SOURCES
from directory.search.text import search_key, unaccented
from tests.base import SeededTestCase

OTHER_LANGUAGES = [code for code in settings.MODELTRANSLATION_LANGUAGES if code != "ko"]


def loaded(name):
    """A service as the index loads it (its numbers as stored)."""
    load, _build = SOURCES[SearchEntry.Kind.SERVICE]
    return load().get(name=name)


def keys_of(entry):
    return [key for key in entry["key"].split(SEPARATOR) if key]


class EntriesTests(SeededTestCase):
    def test_a_name_in_13_languages_is_one_entry_per_script(self):
        service = loaded("결혼이민자 지원")
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

    def test_only_syllabic_scripts_keep_every_character_pair(self):
        [korean] = entries_of([(NAME, "상담센터")], kind="service")
        self.assertIn(" 담센 ", korean["grams"])
        [english] = entries_of([(NAME, "Visa Extension Centre")], kind="service")
        # A short query in an alphabet is the start of a word.
        self.assertEqual(english["grams"], " vi ex ce ")
        self.assertEqual(english["initials"], "")

    def test_texts_that_read_alike_are_kept_once(self):
        [entry] = entries_of(
            [(NAME, "Visa centre"), (NAME, "visa-centre"), (NAME, "Trung tâm")],
            kind="service",
        )
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
        stored = set(
            SearchEntry.objects.filter(
                kind="service", object_id=service.pk
            ).values_list("priority", "key")
        )
        built = {
            (entry["priority"], entry["key"])
            for entry in service_entries(service)
            if entry["kind"] == "service"
        }
        self.assertEqual(stored, built)
