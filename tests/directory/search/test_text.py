from django.test import SimpleTestCase

from directory.search.keyboard import from_keyboard, keyboard_readings
from directory.search.text import (
    grams,
    initials_of,
    query_words,
    search_key,
    search_words,
    stem,
    typed_number,
    unaccented,
)


class NormalisationTests(SimpleTestCase):
    def test_spacing_punctuation_and_case_never_count(self):
        for text in [
            "다문화 가족",
            "다문화·가족",
            "다문화․가족",
            "다문화.가족",
            "다문화-가족",
        ]:
            self.assertEqual(search_key(text), "다문화가족")
        self.assertEqual(search_key("외국인ＳＮＳ ０３１"), "외국인sns031")

    def test_a_lone_surrogate_beside_chinese_characters_is_dropped(self):
        # A JSON escape can give one; OpenCC, which folds the characters,
        # refused the whole text.
        self.assertEqual(search_key("簽\ud800證"), search_key("签证"))

    def test_initial_consonants(self):
        self.assertEqual(
            initials_of(search_key("이주민·고려인동포")), "ㅇㅈㅁㄱㄹㅇㄷㅍ"
        )

    def test_english_keyboard_layout_reads_as_hangul(self):
        self.assertEqual(from_keyboard("dhlrnrdls"), "외국인")
        self.assertEqual(from_keyboard("ekansghkrkwhr"), "다문화가족")
        self.assertEqual(from_keyboard("wjdckrwldnjs"), "정착지원")
        self.assertEqual(from_keyboard("RkcL"), "까치")
        self.assertEqual(keyboard_readings("rhfuddls"), ["고령인", "고려인"])
        self.assertEqual(from_keyboard("abc1"), "")

    def test_pairs_of_a_key_and_its_first_two_initials(self):
        self.assertEqual(grams("상담센터", "ㅅㄷㅅㅌ"), " 상담 담센 센터 터 ^ㅅㄷ ")
        self.assertEqual(grams("sns"), " sn ns s ")

    def test_english_and_russian_words_are_stemmed_alike(self):
        self.assertEqual(stem("wages"), stem("wage"))
        self.assertEqual(stem("обустройству"), stem("обустройство"))
        self.assertTrue("обустройства".startswith(stem("обустройству")))
        self.assertEqual(search_key("Ёлка"), "елка")
        self.assertEqual(stem("상담"), "상담")
        self.assertIn(" wage ", search_words("unpaid wages"))

    def test_latin_text_without_its_accents(self):
        self.assertEqual(unaccented("học tiếng Hàn"), "hoc tieng Han")
        self.assertEqual(unaccented("Đăng ký"), "Dang ky")
        self.assertEqual(unaccented("visa"), "")
        # Marks of other scripts are letters' vowels, not accents.
        self.assertEqual(unaccented("ล่าม"), "")
        self.assertEqual(search_key("ล่าม"), "ล่าม")

    def test_words_of_a_query_leave_out_short_latin_words(self):
        self.assertEqual(query_words("extend my visa"), ("extend", "visa"))
        self.assertEqual(query_words("월급 못 받았어요"), ("월급", "못", "받았어요"))
        self.assertEqual(query_words("visa"), ())

    def test_phone_numbers_in_any_form(self):
        for text in [
            "031-8030-4655",
            "0318030 4655",
            "031.8030.4655",
            "+82 31 8030 4655",
            "+82-31-8030-4655",
        ]:
            self.assertEqual(typed_number(text), "03180304655")
        self.assertEqual(typed_number("8030 4655"), "80304655")
        self.assertEqual(typed_number("12"), "")
        self.assertEqual(typed_number("고려인 4655"), "")
