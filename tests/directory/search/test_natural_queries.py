"""Staff's search words, each phrase a query: every phrase of
``fixtures/search_words.json`` finds its own record among the first three
results in its language. (The questions nobody wrote down are held out in
``held_out.py``.)"""

from directory.models import SearchWord
from directory.search.engine import best_records
from tests.base import SeededTestCase


def phrase_queries():
    """(language, phrase, the Korean name of its record) for every phrase."""
    return [
        (words.language, phrase, words.target.name)
        for words in SearchWord.objects.select_related(
            "service", "division", "helpline"
        )
        for phrase in words.phrases
    ]


class SearchWordPhraseTests(SeededTestCase):
    def test_every_record_kind_and_language_has_phrases(self):
        queries = phrase_queries()
        self.assertGreaterEqual(len(queries), 400)
        self.assertEqual(
            {language for language, *_ in queries},
            {"ko", "en", "zh-hans", "vi", "ru", "th", "uz", "km", "fil", "ne"}
            | {"mn", "lo", "ja"},
        )

    def test_each_phrase_finds_its_record_among_the_first_three(self):
        queries = phrase_queries()
        missed = [
            (language, phrase, name)
            for language, phrase, name in queries
            if name not in [r.name for r in best_records(phrase, 3, language)]
        ]
        self.assertEqual(missed, [], f"{len(queries) - len(missed)} of {len(queries)}")
