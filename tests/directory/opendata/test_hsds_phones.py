"""A service's numbers in HSDS: type, extension, languages, schedules."""

import datetime

from django.test import SimpleTestCase, TestCase

from directory.models import Contact, HelpLine, Service
from directory.opendata.hsds_phones import (
    numeric_extension,
    phone_languages,
    phone_schedules,
)
from tests.directory.opendata.test_hsds_api import HsdsClient, HsdsTestData


class ReadingTests(SimpleTestCase):
    def test_free_text_languages_become_iso_639_codes(self):
        for text, codes in [
            ("한국어, 영어", ["ko", "en"]),
            ("English, vi,  중국어 ", ["en", "vi", "zh"]),
            ("한국어, 한국어, ko", ["ko"]),
            ("모르는 말, 필리핀어", ["fil"]),
            ("", []),
        ]:
            with self.subTest(text=text):
                self.assertEqual(phone_languages(Contact(languages=text)), codes)

    def test_help_line_codes_become_iso_639_codes(self):
        line = HelpLine(languages="ko, zh-hans, tet, uz")
        self.assertEqual(phone_languages(line), ["ko", "zh", "tet", "uz"])

    def test_hours_as_text_are_a_description(self):
        self.assertEqual(
            phone_schedules(Contact(hours="평일 09:00–18:00")),
            [{"description": "평일 09:00–18:00"}],
        )
        self.assertEqual(phone_schedules(Contact()), [])

    def test_help_line_hours_are_a_weekly_rule(self):
        line = HelpLine(opens=datetime.time(9), closes=datetime.time(22))
        [weekdays] = phone_schedules(line)
        self.assertEqual(
            {k: weekdays[k] for k in ["freq", "byday", "opens_at", "closes_at"]},
            {
                "freq": "WEEKLY",
                "byday": "MO,TU,WE,TH,FR",
                "opens_at": "09:00",
                "closes_at": "22:00",
            },
        )
        [always] = phone_schedules(HelpLine(every_day=True))
        self.assertEqual(always["byday"], "MO,TU,WE,TH,FR,SA,SU")
        self.assertNotIn("opens_at", always)

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

    def test_each_number_names_its_languages(self):
        self.assertEqual(
            [
                (lang["code"], lang["name"])
                for lang in self.phones["031-8030-4652"]["languages"]
            ],
            [("ko", "한국어"), ("en", "English")],
        )
        self.assertEqual(
            [lang["code"] for lang in self.phones["1345"]["languages"]],
            ["ko", "en", "zh", "vi"],
        )
        for phone in self.record["phones"]:
            for language in phone["languages"]:
                self.assertEqual(language["phone_id"], phone["id"])

    def test_hours_are_schedules_attended_by_phone(self):
        schedules = {s["notes"]: s for s in self.record["schedules"]}
        self.assertEqual(set(schedules), {"031-8030-4652", "1345"})
        self.assertEqual(schedules["031-8030-4652"]["description"], "평일 09:00–18:00")
        line = schedules["1345"]
        self.assertEqual((line["opens_at"], line["closes_at"]), ("09:00", "22:00"))
        self.assertEqual(line["attending_type"], "phone")
        self.assertEqual(line["service_id"], self.record["id"])

    def test_team_is_the_contact_and_confirmation_the_assured_date(self):
        [team] = self.record["contacts"]
        self.assertEqual(team["department"], "이민사회정책 담당")
        self.assertNotIn("assured_date", self.record)
        Service.objects.filter(pk=self.service.pk).update(
            last_verified=datetime.date(2026, 11, 30)
        )
        record = self.get_json(f"services/{self.record['id']}")
        self.assertEqual(record["assured_date"], "2026-11-30")
