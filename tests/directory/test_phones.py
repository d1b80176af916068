from django.test import SimpleTestCase
from django.utils import translation

from directory import phones


class ParseTests(SimpleTestCase):
    def test_reads_a_number_as_written_in_korea(self):
        number = phones.parse("031-8030-4652")
        self.assertEqual(number.as_e164, "+823180304652")
        self.assertTrue(number.is_valid())

    def test_reads_the_korean_word_for_extension(self):
        self.assertEqual(phones.parse("031-8030-4652 내선 123").extension, "123")
        self.assertEqual(phones.parse("031-8030-4652 ext. 45").extension, "45")

    def test_text_that_is_no_number_gives_none(self):
        self.assertIsNone(phones.parse("담당자 없음"))
        self.assertIsNone(phones.parse(""))
        self.assertIsNone(phones.parse(None))

    def test_a_parsed_number_is_returned_as_it_is(self):
        number = phones.parse("031-8030-4652")
        self.assertIs(phones.parse(number), number)

    def test_parse_valid_splits_the_extension_off(self):
        number, extension = phones.parse_valid("031-8030-4652 내선 7")
        self.assertEqual(extension, "7")
        self.assertIsNone(number.extension)
        self.assertEqual(phones.national(number), "031-8030-4652")

    def test_parse_valid_refuses_an_invalid_number(self):
        self.assertEqual(phones.parse_valid("02-1345"), (None, ""))
        self.assertEqual(phones.parse_valid("전화"), (None, ""))

    def test_split_extension_of_a_number_without_one(self):
        number, extension = phones.split_extension(phones.parse("031-8030-4652"))
        self.assertEqual(extension, "")
        self.assertIsNone(number.extension)

    def test_from_e164_reads_the_stored_form(self):
        self.assertEqual(
            phones.national(phones.from_e164("+823180304652")), "031-8030-4652"
        )


class FormatTests(SimpleTestCase):
    number = phones.parse("031-8030-4652 내선 123")

    def test_national_leaves_the_extension_out(self):
        self.assertEqual(phones.national(self.number), "031-8030-4652")
        self.assertEqual(phones.national("1577-1366"), "1577-1366")

    def test_international_is_for_callers_abroad(self):
        self.assertEqual(phones.international(self.number), "+82 31-8030-4652")

    def test_dialled_digits_keep_the_area_code(self):
        self.assertEqual(phones.dialled_digits(self.number), "03180304652")

    def test_tel_uri_carries_the_extension(self):
        self.assertEqual(phones.tel_uri(self.number), "tel:+82-31-8030-4652;ext=123")
        self.assertEqual(
            phones.tel_uri("031-8030-4652", extension="9"),
            "tel:+82-31-8030-4652;ext=9",
        )
        self.assertEqual(phones.tel_uri("031-120"), "tel:+82-31-120")

    def test_tel_uri_of_text_that_is_no_number_keeps_its_digits(self):
        self.assertEqual(phones.tel_uri("콜센터"), "tel:")

    def test_dialled_tel_uri_keeps_a_help_line_as_dialled(self):
        self.assertEqual(phones.dialled_tel_uri("1345"), "tel:1345")
        self.assertEqual(phones.dialled_tel_uri("1577-1366"), "tel:15771366")

    def test_is_possible_international_needs_a_plus(self):
        self.assertTrue(phones.is_possible_international("+82 31 8030 4652"))
        self.assertFalse(phones.is_possible_international("031 8030 4652"))
        self.assertFalse(phones.is_possible_international("+82 가나"))

    def test_label_adds_the_extension_in_the_active_language(self):
        self.assertEqual(phones.label("031-8030-4652"), "031-8030-4652")
        with translation.override("ko"):
            self.assertEqual(
                phones.label("031-8030-4652", "123"), "031-8030-4652 (내선 123)"
            )
        with translation.override("en"):
            self.assertEqual(
                phones.label("031-8030-4652", "123"), "031-8030-4652 (ext. 123)"
            )
