import re
from pathlib import Path

import polib
from django.conf import settings
from django.test import SimpleTestCase
from django.utils.html import strip_tags
from django.utils.translation import to_locale

from tests.base import SeededTestCase
from tests.factories import public_page_paths


def catalogue_path(code):
    return Path(
        settings.BASE_DIR, "locale", to_locale(code), "LC_MESSAGES", "django.po"
    )


class CatalogueTests(SimpleTestCase):
    def catalogues(self):
        return sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/*.po"))

    def test_korean_catalogue_exists(self):
        self.assertIn("ko", [path.parts[-3] for path in self.catalogues()])

    def test_every_language_of_the_site_has_a_catalogue(self):
        for code, _name in settings.LANGUAGES:
            with self.subTest(language=code):
                self.assertTrue(catalogue_path(code).exists())

    def test_there_is_a_catalogue_for_each_of_the_thirteen_languages_and_no_other(self):
        self.assertEqual(
            sorted(path.parts[-3] for path in self.catalogues()),
            sorted(to_locale(code) for code, _name in settings.LANGUAGES),
        )
        self.assertEqual(len(settings.LANGUAGES), 13)

    def test_korean_catalogue_is_complete(self):
        korean = polib.pofile(str(catalogue_path("ko")))
        self.assertEqual(korean.percent_translated(), 100)
        self.assertEqual(korean.fuzzy_entries(), [])

    def test_catalogues_have_the_same_messages(self):
        korean = {e.msgid for e in polib.pofile(str(catalogue_path("ko")))}
        for path in self.catalogues():
            with self.subTest(catalogue=str(path)):
                self.assertEqual({e.msgid for e in polib.pofile(str(path))}, korean)

    def test_catalogues_are_complete_and_compiled(self):
        for path in self.catalogues():
            catalogue = polib.pofile(str(path))
            with self.subTest(catalogue=str(path)):
                self.assertFalse(catalogue.metadata_is_fuzzy)
                self.assertEqual(
                    [e.msgid for e in catalogue.untranslated_entries()], []
                )
                self.assertEqual([e.msgid for e in catalogue.fuzzy_entries()], [])
                compiled = polib.mofile(str(path.with_suffix(".mo")))
                self.assertEqual(
                    {e.msgid: e.msgstr for e in compiled if e.msgid},
                    {e.msgid: e.msgstr for e in catalogue.translated_entries()},
                )


class UntranslatedTextTests(SeededTestCase):
    """Pages in a language of another script show none of the English msgids."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.paths = public_page_paths("zzzz")

    def english_messages(self, code):
        return [
            e.msgid
            for e in polib.pofile(str(catalogue_path(code)))
            if e.msgstr != e.msgid and "%" not in e.msgid and len(e.msgid) > 5
        ]

    def test_no_english_interface_text_in_other_scripts(self):
        # Every language written in another script than English's.
        for code in ["ko", "zh-hans", "ru", "th", "km", "ne", "mn", "lo", "ja"]:
            # One pattern for all the messages, the longest first: a page is
            # searched once rather than once per message.
            messages = sorted(self.english_messages(code), key=len, reverse=True)
            english = re.compile(rf"\b(?:{'|'.join(map(re.escape, messages))})\b")
            prefix = "" if code == "ko" else f"/{code}"
            for path in self.paths:
                html = self.client.get(prefix + path).content.decode()
                html = re.sub(r"(?s)<(script|head)\b.*?</\1>", "", html)
                # Printed sheets spell out their links; those are not text.
                text = re.sub(r"\S+://\S+", "", strip_tags(html))
                # File names of the downloads (services.csv) are not text either.
                text = re.sub(r"\S+\.(csv|xlsx|json|zip)\b", "", text)
                with self.subTest(language=code, path=path):
                    self.assertEqual(english.findall(text), [])
