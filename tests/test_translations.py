from pathlib import Path

import polib
from django.conf import settings
from django.test import SimpleTestCase


class CatalogueTests(SimpleTestCase):
    def catalogues(self):
        return sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/*.po"))

    def test_korean_catalogue_exists(self):
        self.assertIn("ko", [path.parts[-3] for path in self.catalogues()])

    def test_catalogues_are_complete_and_compiled(self):
        for path in self.catalogues():
            catalogue = polib.pofile(str(path))
            with self.subTest(catalogue=str(path)):
                self.assertEqual(
                    [e.msgid for e in catalogue.untranslated_entries()], []
                )
                self.assertEqual([e.msgid for e in catalogue.fuzzy_entries()], [])
                compiled = polib.mofile(str(path.with_suffix(".mo")))
                self.assertEqual(
                    {e.msgid: e.msgstr for e in compiled if e.msgid},
                    {e.msgid: e.msgstr for e in catalogue.translated_entries()},
                )
