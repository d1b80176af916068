"""Each kind of question the search failed before: slips in Latin,
Cyrillic and Devanagari words, Chinese and Japanese compounds, traditional
Chinese, Thai phrases, sentences with filler words, needs answered by a help
line, and numbered records before the document's text."""

from directory.search import fuzzy
from directory.search.engine import best_records
from directory.search.reading import parse_query
from directory.search.sentences import content_words, ngrams
from directory.search.text import search_key
from tests.base import SeededTestCase

from .queries import answers

FESTIVAL = "이민사회 문화소통 축제"
MARRIAGE = "결혼이민자 지원"
ADAPT = "이주민 지역사회 적응지원"


def first_three(query, language="ko"):
    return best_records(query, 3, language)


class SlipTests(SeededTestCase):
    def assertAnswers(self, query, expected, language):
        found = first_three(query, language)
        self.assertTrue(
            any(answers(record, expected) for record in found),
            f"{query!r}: {[record.name for record in found]}",
        )

    def test_a_slip_in_a_latin_cyrillic_or_devanagari_word_is_forgiven(self):
        self.assertAnswers("marraige migrants", MARRIAGE, "en")
        self.assertAnswers("festivl", FESTIVAL, "en")
        self.assertAnswers("адаптацыя", ADAPT, "ru")
        self.assertAnswers("भिषा", "1345", "ne")

    def test_words_are_corrected_to_the_nearest_indexed_words_only(self):
        found = fuzzy.corrections(["festivel", "festival", "zzzzzzzz"])
        self.assertEqual(found, {"festivel": ("festival",)})
        self.assertEqual(fuzzy.edit_distance("rigths", "rights"), 1)
        self.assertEqual(fuzzy.edit_distance("visa", "vias"), 1)

    def test_what_matches_as_typed_ranks_before_a_correction(self):
        attempt = parse_query("marraige migrants").attempts[-1]
        self.assertIn("marriage", attempt.alternatives)
        self.assertNotIn("marriage", attempt.keys)


class CompoundTests(SeededTestCase):
    def test_traditional_chinese_is_folded_to_simplified_on_both_sides(self):
        self.assertEqual(search_key("簽證"), search_key("签证"))
        self.assertTrue(any(answers(r, "1345") for r in first_three("簽證", "zh-hans")))

    def test_a_compound_sharing_most_pieces_with_a_title_finds_it(self):
        # Not the title's word for "festival", but most of its characters.
        self.assertIn(FESTIVAL, [r.name for r in first_three("移民文化交流庆典")])
        self.assertIn(FESTIVAL, [r.name for r in first_three("文化交流祭り", "ja")])

    def test_a_thai_phrase_longer_than_a_title_finds_it(self):
        query = "เทศกาลแลกเปลี่ยนวัฒนธรรมของชุมชน"
        self.assertIn(FESTIVAL, [r.name for r in first_three(query, "th")])

    def test_pieces_of_scripts_without_spaces(self):
        self.assertEqual(ngrams(["文化节"]), ["文化", "化节"])
        self.assertEqual(ngrams(["ภาษา"]), ["ภาษ", "าษา"])
        self.assertEqual(ngrams(["visa"]), [])


class SentenceTests(SeededTestCase):
    def test_fillers_and_korean_endings_are_left_out(self):
        self.assertEqual(
            content_words("Where can I learn Korean?"), ["learn", "korean"]
        )
        self.assertEqual(content_words("통역이 필요해요"), ["통역"])
        self.assertEqual(content_words("我需要翻译"), ["翻译"])
        self.assertEqual(content_words("tôi cần phiên dịch"), ["phiên", "dịch"])
        self.assertEqual(content_words("아이 학교"), ["아이", "학교"])

    def test_a_sentence_with_fillers_finds_what_its_content_words_name(self):
        self.assertIn(
            MARRIAGE, [r.name for r in first_three("결혼이민자를 지원해 주세요")]
        )
        found = first_three("where can I get interpretation please", "en")
        self.assertTrue(any(answers(r, "1577-1366") for r in found))

    def test_an_unknown_word_does_not_hide_the_known_ones(self):
        found = first_three("qwzx interpreter", "en")
        self.assertTrue(any(answers(r, "1577-1366") for r in found))


class NeedTests(SeededTestCase):
    def test_everyday_troubles_of_work_find_a_help_line(self):
        for query, number in [("해고", "1350"), ("사업장 변경", "1577-0071")]:
            with self.subTest(query=query):
                found = first_three(query)
                self.assertTrue(any(answers(r, number) for r in found))

    def test_records_with_a_number_come_before_those_without_at_equal_strength(self):
        found = best_records("인권", 5, "ko")
        kinds = [record.kind for record in found]
        numbered = [k for k in kinds if k not in ("commitment", "area")]
        self.assertTrue(numbered)
        self.assertEqual(kinds[: len(numbered)], numbered, kinds)
