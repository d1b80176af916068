"""A service's numbers in HSDS: type, extension, languages, schedules."""

import datetime

from django.test import SimpleTestCase, TestCase

from directory.models import Contact, HelpLine, Service
from directory.opendata.hsds_phones import (
    numeric_extension,
    phone_languages,
    phone_schedules,
)
from tests.directory.opendata.test_hsds_api import (
    LUNCH_HOURS,
    HsdsClient,
    HsdsTestData,
)
from tests.factories import OFFICE_HOURS

EVERY_DAY = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class ReadingTests(SimpleTestCase):
    def test_language_codes_become_iso_639_codes(self):
        for codes, iso in [
            (["ko", "en"], ["ko", "en"]),
            (["ko", "zh-hans", "tet", "uz"], ["ko", "zh", "tet", "uz"]),
            (["zh-hans", "zh-hant", "fil", "ko", "ko"], ["zh", "fil", "ko"]),
            ([], []),
        ]:
            with self.subTest(codes=codes):
                self.assertEqual(phone_languages(Contact(languages=codes)), iso)
                self.assertEqual(phone_languages(HelpLine(languages=codes)), iso)

    def test_a_lunch_break_splits_a_period_into_two_rules(self):
        morning, afternoon = phone_schedules(Contact(hours=LUNCH_HOURS))
        self.assertEqual(
            morning,
            {
                "freq": "WEEKLY",
                "byday": "MO,TU,WE,TH,FR",
                "wkst": "MO",
                "timezone": 9,
                "opens_at": "09:00+09:00",
                "closes_at": "12:00+09:00",
                "description": "09:00–12:00, 월–금; 공휴일 휴무",
            },
        )
        self.assertEqual(
            (afternoon["byday"], afternoon["opens_at"], afternoon["closes_at"]),
            ("MO,TU,WE,TH,FR", "13:00+09:00", "18:00+09:00"),
        )

    def test_each_period_is_a_rule_of_its_days(self):
        line = HelpLine(
            hours={
                "periods": [
                    {"days": EVERY_DAY[:5], "opens": "09:00", "closes": "22:00"},
                    {"days": ["sat"], "opens": "18:00", "closes": "24:00"},
                    {"days": ["sun"], "opens": "22:00", "closes": "02:00"},
                ],
                "open_on_holidays": True,
            }
        )
        self.assertEqual(
            [
                (s["byday"], s["opens_at"], s["closes_at"], s["description"])
                for s in phone_schedules(line)
            ],
            [
                (
                    "MO,TU,WE,TH,FR",
                    "09:00+09:00",
                    "22:00+09:00",
                    "09:00–22:00, 월–금; 공휴일에도 운영",
                ),
                (
                    "SA",
                    "18:00+09:00",
                    "23:59+09:00",
                    "18:00–24:00, 토; 공휴일에도 운영",
                ),
                (
                    "SU",
                    "22:00+09:00",
                    "02:00+09:00",
                    "22:00–02:00, 일; 공휴일에도 운영",
                ),
            ],
        )

    def test_a_whole_day_is_described_not_timed(self):
        line = HelpLine(
            hours={
                "periods": [{"days": EVERY_DAY, "opens": "00:00", "closes": "24:00"}],
                "open_on_holidays": True,
            }
        )
        [always] = phone_schedules(line)
        self.assertEqual(always["byday"], "MO,TU,WE,TH,FR,SA,SU")
        self.assertNotIn("opens_at", always)
        self.assertNotIn("closes_at", always)
        self.assertEqual(always["description"], "24시간, 매일; 공휴일에도 운영")

    def test_the_sources_words_are_one_more_description(self):
        note = "평일 09:00–18:00 (경기도 누리집)"
        self.assertEqual(
            phone_schedules(Contact(hours_note=note)), [{"description": note}]
        )
        *rules, last = phone_schedules(Contact(hours=OFFICE_HOURS, hours_note=note))
        self.assertEqual(last, {"description": note})
        self.assertEqual([r["opens_at"] for r in rules], ["09:00+09:00"])
        self.assertEqual(phone_schedules(Contact()), [])

    def test_an_extension_is_a_number_only_when_no_digit_is_lost(self):
        self.assertEqual(numeric_extension("45"), 45)
        self.assertIsNone(numeric_extension("0123"))
        self.assertIsNone(numeric_extension(""))


class PhoneRecordTests(HsdsTestData, HsdsClient, TestCase):
    def setUp(self):
        services = self.get_json("services", full="true")["contents"]
        self.record = next(s for s in services if s["name"] == self.service.name)
        self.phones = {p["number"]: p for p in self.record["phones"]}

    def test_numbers_are_typed_as_rfc_6350_says(self):
        self.assertEqual(
            [(p["number"], p["type"]) for p in self.record["phones"]],
            [
                ("031-8030-4652", "voice"),
                ("031-8030-4653", "voice"),
                ("031-8030-4659", "fax"),
                ("1345", "voice"),
            ],
        )
        self.assertEqual(self.phones["1345"]["description"], "외국인종합안내센터")

    def test_extensions_keep_every_digit(self):
        leading_zero = self.phones["031-8030-4652"]
        self.assertNotIn("extension", leading_zero)
        [attribute] = leading_zero["attributes"]
        self.assertEqual(attribute["value"], "0123")
        self.assertEqual(attribute["taxonomy_term"]["code"], "extension")
        self.assertEqual(attribute["link_id"], leading_zero["id"])
        plain = self.phones["031-8030-4653"]
        self.assertEqual(plain["extension"], 45)
        self.assertEqual(plain["attributes"][0]["value"], "45")
        self.assertEqual(self.phones["031-8030-4659"]["attributes"], [])

    def test_each_number_names_its_languages_with_the_sources_words(self):
        team = self.phones["031-8030-4652"]["languages"]
        self.assertEqual(
            [(lang["code"], lang["name"], lang["note"]) for lang in team],
            [
                ("ko", "한국어", "한국어, 영어 (경기도 누리집)"),
                ("en", "English", "한국어, 영어 (경기도 누리집)"),
            ],
        )
        self.assertEqual(
            [(lang["code"], lang["name"]) for lang in self.phones["1345"]["languages"]],
            [
                ("ko", "한국어"),
                ("en", "English"),
                ("zh", "简体中文"),
                ("vi", "Tiếng Việt"),
            ],
        )
        self.assertNotIn("note", self.phones["1345"]["languages"][0])
        self.assertEqual(self.phones["031-8030-4653"]["languages"], [])
        for phone in self.record["phones"]:
            for language in phone["languages"]:
                self.assertEqual(language["phone_id"], phone["id"])

    def test_a_note_without_codes_is_a_language_of_its_own(self):
        Contact.objects.filter(number="+823180304653").update(
            languages_note="통역 가능 (경기도 누리집)"
        )
        record = self.get_json(f"services/{self.record['id']}")
        phone = next(p for p in record["phones"] if p["number"] == "031-8030-4653")
        [language] = phone["languages"]
        self.assertEqual(language["note"], "통역 가능 (경기도 누리집)")
        self.assertNotIn("code", language)

    def test_hours_are_weekly_schedules_attended_by_phone(self):
        team = [s for s in self.record["schedules"] if s["notes"] == "031-8030-4652"]
        self.assertEqual(
            [(s.get("opens_at"), s.get("closes_at")) for s in team],
            [
                ("09:00+09:00", "12:00+09:00"),
                ("13:00+09:00", "18:00+09:00"),
                (None, None),
            ],
        )
        self.assertEqual(team[0]["byday"], "MO,TU,WE,TH,FR")
        self.assertEqual(
            team[2]["description"],
            "평일 09:00–18:00, 점심시간 12:00–13:00 (경기도 누리집)",
        )
        [line] = [s for s in self.record["schedules"] if s["notes"] == "1345"]
        self.assertEqual(
            (line["opens_at"], line["closes_at"], line["timezone"]),
            ("09:00+09:00", "22:00+09:00", 9),
        )
        self.assertEqual(
            {s["notes"] for s in self.record["schedules"]}, {"031-8030-4652", "1345"}
        )
        for schedule in self.record["schedules"]:
            self.assertEqual(schedule["attending_type"], "phone")
            self.assertEqual(schedule["service_id"], self.record["id"])
        self.assertEqual(len({s["id"] for s in self.record["schedules"]}), 4)

    def test_a_numbers_description_is_its_schedule_in_words(self):
        self.assertEqual(
            self.phones["031-8030-4652"]["description"],
            "월–금 09:00–18:00 (점심시간 12:00–13:00); 공휴일 휴무",
        )
        english = self.get_json(f"services/{self.record['id']}", lang="en")
        team = next(p for p in english["phones"] if p["number"] == "031-8030-4652")
        self.assertEqual(
            team["description"],
            "Mon–Fri 09:00–18:00 (lunch break 12:00–13:00); Closed on public holidays",
        )
        self.assertNotIn("description", self.phones["031-8030-4653"])

    def test_team_is_the_contact_and_confirmation_the_assured_date(self):
        [team] = self.record["contacts"]
        self.assertEqual(team["department"], "이민사회정책 담당")
        self.assertNotIn("assured_date", self.record)
        Service.objects.filter(pk=self.service.pk).update(
            last_verified=datetime.date(2026, 11, 30)
        )
        record = self.get_json(f"services/{self.record['id']}")
        self.assertEqual(record["assured_date"], "2026-11-30")
