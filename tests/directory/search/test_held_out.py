"""Recall of the held-out questions (``held_out.py``): at least nine in ten
find an answer among the first three results, and the misses are listed."""

from collections import defaultdict

from directory.search.engine import best_records
from tests.base import SeededTestCase

from .held_out import HELD_OUT
from .queries import answers

THRESHOLD = 0.9
LANGUAGES = {"ko", "en", "zh-hans", "vi", "ru", "th", "uz", "km", "fil", "ne"}
LANGUAGES |= {"mn", "lo", "ja"}


def recall(table=HELD_OUT):
    """Per language, (questions, answered), and the questions missed."""
    counts, missed = defaultdict(lambda: [0, 0]), []
    for language, question, expected in table:
        found = best_records(question, 3, language)
        counts[language][0] += 1
        if any(answers(record, one) for record in found for one in expected):
            counts[language][1] += 1
        else:
            missed.append((language, question, [record.name for record in found]))
    return dict(counts), missed


def summary(counts, missed):
    lines = [
        f"{language}: {answered}/{asked}"
        for language, (asked, answered) in sorted(counts.items())
    ]
    lines += [
        f"missed [{lang}] {question!r} -> {found}" for lang, question, found in missed
    ]
    return "\n".join(lines)


class HeldOutTests(SeededTestCase):
    def test_the_table_asks_150_questions_in_every_language(self):
        self.assertGreaterEqual(len(HELD_OUT), 150)
        self.assertEqual({language for language, *_ in HELD_OUT}, LANGUAGES)

    def test_nine_in_ten_find_an_answer_among_the_first_three(self):
        counts, missed = recall()
        report = summary(counts, missed)
        print(report)
        answered = sum(n for _asked, n in counts.values())
        self.assertGreaterEqual(answered / len(HELD_OUT), THRESHOLD, report)
