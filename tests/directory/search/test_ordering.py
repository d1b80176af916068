import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from directory.search.ordering import answers, numbers_of
from tests.base import SeededTestCase

from .questions import QUESTIONS

TOPICS = ["violence", "wages", "visa", "interpretation"]


class FirstNumberTests(SeededTestCase):
    """For each question in each language, the first number offered answers in
    that language whenever any number found does."""

    def results(self, language, question):
        prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
        response = self.client.get(f"{prefix}/search/", {"q": question})
        return response.context.get("results") or []

    def test_the_first_number_answers_in_the_readers_language(self):
        checked = 0
        for language, questions in QUESTIONS.items():
            for topic, question in zip(TOPICS, questions, strict=True):
                with self.subTest(language=language, topic=topic):
                    found = [
                        r for r in self.results(language, question) if numbers_of(r)
                    ]
                    if any(answers(r, language) for r in found):
                        checked += 1
                        self.assertTrue(answers(found[0], language), found[0].name)
        # Nearly every question finds a line in the asker's language.
        self.assertGreaterEqual(checked, 40)

    def test_violence_in_vietnamese_offers_danuri_first(self):
        first = self.results("vi", QUESTIONS["vi"][0])[0]
        self.assertEqual(first.phones[0].label, "1577-1366")

    def test_unpaid_wages_in_nepali_offers_the_workers_line_first(self):
        first = self.results("ne", QUESTIONS["ne"][1])[0]
        self.assertEqual(first.phones[0].label, "1577-0071")

    def test_korean_readers_keep_the_order_of_the_match(self):
        first = self.results("ko", QUESTIONS["ko"][0])[0]
        self.assertEqual(first.phones[0].label, "1366")

    def test_emergencies_are_found_in_every_language(self):
        words = {
            "ko": "경찰",
            "en": "ambulance",
            "vi": "cảnh sát",
            "ne": "एम्बुलेन्स",
            "th": "ตำรวจ",
            "zh-hans": "救护车",
            "ja": "警察",
        }
        for language, word in words.items():
            with self.subTest(language=language):
                numbers = {
                    p.label for r in self.results(language, word) for p in r.phones
                }
                self.assertTrue(numbers & {"112", "119"}, numbers)


class HelpLinePageOrderTests(SeededTestCase):
    def test_lines_in_the_readers_language_come_first(self):
        response = self.client.get("/ne/helplines/")
        lines = list(response.context["helpline_list"])
        speaking = [line.answers_in("ne") for line in lines]
        self.assertEqual(speaking, sorted(speaking, reverse=True))
        korean = self.client.get("/helplines/").context["helpline_list"]
        self.assertEqual(
            [line.position for line in korean], sorted(line.position for line in korean)
        )


class SearchApiAtTests(SeededTestCase):
    def test_at_answers_as_of_that_time_in_any_zone(self):
        # Monday 2026-12-07 10:30 in Seoul, asked in UTC.
        response = self.client.get("/api/v1/helplines", {"at": "2026-12-07T01:30:00Z"})
        lines = {line["number"]: line for line in response.json()["results"]}
        self.assertTrue(lines["1350"]["open_now"])
        self.assertIsNone(lines["1350"]["next_open"])
        self.assertEqual(lines["1345"]["languages"][:3], ["ko", "en", "zh-hans"])
        chuseok = self.client.get(
            "/api/v1/helplines", {"at": "2026-09-25T10:00:00+09:00"}
        )
        lines = {line["number"]: line for line in chuseok.json()["results"]}
        self.assertFalse(lines["1350"]["open_now"])
        self.assertEqual(lines["1350"]["next_open"], "2026-09-28T09:00:00+09:00")
        self.assertTrue(lines["1577-1366"]["open_now"])

    def test_a_malformed_at_is_a_422_with_a_reason(self):
        for path, params in [
            ("/api/v1/helplines", {}),
            ("/api/v1/contacts", {}),
            ("/api/v1/search", {"q": "visa"}),
        ]:
            with self.subTest(path=path):
                response = self.client.get(path, {**params, "at": "next monday"})
                self.assertEqual(response.status_code, 422)
                self.assertIn("ISO 8601", response.json()["errors"]["at"][0]["message"])

    def test_contacts_carry_their_schedule_and_state(self):
        response = self.client.get("/api/v1/contacts", {"at": "2026-12-05T10:00"})
        phone = next(c for c in response.json()["results"] if c["kind"] == "phone")
        self.assertEqual(phone["languages"], ["ko"])
        self.assertFalse(phone["open_now"])
        self.assertEqual(phone["next_open"], "2026-12-07T09:00:00+09:00")
        self.assertIn("지방공무원 복무규정", phone["hours_note"])


class CachedPageTests(SeededTestCase):
    def test_a_page_is_not_cached_when_a_number_opens_or_closes_before_it_expires(self):
        from directory.hours import changes_within

        seoul = ZoneInfo("Asia/Seoul")
        before_nine = datetime.datetime(2026, 12, 7, 8, 58, tzinfo=seoul)
        self.assertTrue(changes_within(300, before_nine))
        self.assertFalse(changes_within(300, before_nine.replace(hour=10)))
