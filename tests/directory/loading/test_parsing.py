"""Reading a standard document (directory/loading/parsing.py): its text,
its title, areas, commitments and pledges, and the documents it refuses."""

from django.test import TestCase

from directory.loading.parsing import (
    StandardDocumentError,
    document_parse,
    document_text,
)

from .imports import DOCUMENTS, SEED, seed_text


class SeedDocumentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = document_parse(SEED.read_bytes())

    def test_title_gives_the_sector_name(self):
        self.assertEqual(self.document.title, "이민사회 분야 행정서비스 이행표준")
        self.assertEqual(self.document.name, "이민사회")

    def test_table_heading_is_not_a_commitment(self):
        letters = [[c.letter for c in area.commitments] for area in self.document.areas]
        self.assertEqual(letters, [["가", "나", "다", "라"], ["가", "나", "다"]])
        self.assertEqual([area.table_line for area in self.document.areas], [38, 105])

    def test_line_ending_in_a_space_continues_after_one_space(self):
        pledge = self.document.areas[0].commitments[0].pledges[0]
        self.assertEqual(
            pledge.text,
            "다양하고 지속가능한 이주민 정책을 수립하여 이주민의 지역사회 안정적 "
            "정착과 사회통합을 추진해나가겠습니다.",
        )

    def test_line_ending_without_a_space_continues_the_word(self):
        pledge = self.document.areas[1].commitments[0].pledges[1]
        self.assertTrue(pledge.text.endswith("사회통합에 기여하겠습니다."))

    def test_wording_and_punctuation_are_kept(self):
        area = self.document.areas[0]
        self.assertEqual(area.commitments[2].title, "이주노동자 권인 증진 도모")
        self.assertIn("확대․운영해", area.commitments[2].pledges[1].text)
        self.assertEqual(
            self.document.areas[1].commitments[1].title,
            "이주민 · 고려인동포의 안정적인 정착 지원",
        )

    def test_finished_sentence_is_trimmed(self):
        pledge = self.document.areas[0].commitments[3].pledges[0]
        self.assertEqual(
            pledge.text,
            "외국인 우수인재를 유치하기 위한 정책을 추진하여 지역경제 발전에 "
            "기여하겠습니다.",
        )


class HealthDocumentTests(TestCase):
    """보건의료: pledges wrapped over several lines."""

    @classmethod
    def setUpTestData(cls):
        cls.document = document_parse((DOCUMENTS / "health.txt").read_bytes())

    def test_wrapped_pledges(self):
        first, second = self.document.areas[0].commitments
        self.assertEqual(
            first.pledges[0].text,
            "경기도의료원 등 공공의료기관의 시설과 장비를 개선하여 도민 누구나 질 "
            "높은 의료서비스를 받을 수 있도록 하겠습니다.",
        )
        self.assertEqual(
            second.pledges[0].text,
            "감염병 발생 시 신속한 역학조사와 방역 조치로 확산을 막고 도민의 "
            "일상을 지키겠습니다.",
        )
        self.assertEqual(
            self.document.areas[1].commitments[0].pledges[1].text,
            "만성질환자의 자가관리를 돕기 위해 건강상담과 교육을 확대하겠습니다.",
        )


class TransportDocumentTests(TestCase):
    """교통: CP949 with CRLF, an area title over two lines."""

    @classmethod
    def setUpTestData(cls):
        cls.content = (DOCUMENTS / "transport.txt").read_bytes()
        cls.document = document_parse(cls.content)

    def test_file_is_cp949(self):
        with self.assertRaises(UnicodeDecodeError):
            self.content.decode("utf-8")
        self.assertEqual(self.document.title, "교통 분야 행정서비스 이행표준")

    def test_wrapped_area_title(self):
        self.assertEqual(
            [area.title for area in self.document.areas],
            ["편리하고 안전한 대중교통 서비스 제공", "도로와 교통시설의 안전 관리"],
        )


class DocumentTextTests(TestCase):
    def test_utf8_with_byte_order_mark(self):
        text = document_text("\ufeff교통 분야 행정서비스 이행표준\r\n".encode())
        self.assertEqual(text, "교통 분야 행정서비스 이행표준\n")

    def test_euc_kr_bytes(self):
        content = "교통 분야 행정서비스 이행표준".encode("euc-kr")
        self.assertEqual(document_text(content), "교통 분야 행정서비스 이행표준")

    def test_decomposed_hangul_is_composed(self):
        decomposed = "\u1100\u116d\u1110\u1169\u11bc"
        self.assertEqual(document_text(decomposed.encode()), "교통")


class MalformedDocumentTests(TestCase):
    def assertRefused(self, content, line_number, words=""):
        with self.assertRaises(StandardDocumentError) as caught:
            document_parse(content)
        self.assertEqual(caught.exception.line_number, line_number)
        self.assertIn(f"{line_number}행:", str(caught.exception))
        self.assertIn(words, str(caught.exception))

    def test_random_text(self):
        self.assertRefused("\n\nLorem ipsum dolor sit amet\n1. 가나다\n", 3, "Lorem")
        self.assertRefused("\n\nLorem ipsum\n", 3, "행정서비스 이행표준” 제목이 나와야")

    def test_empty_file(self):
        self.assertRefused(b"  \n\n", 1)

    def test_binary_file(self):
        self.assertRefused(bytes([0, 159, 146, 150, 255]) * 50, 1)

    def test_binary_data_names_its_line(self):
        self.assertRefused("이민사회 분야 행정서비스 이행표준\n\n\x00\x01".encode(), 3)

    def test_table_cut_off_after_a_service_name(self):
        self.assertRefused(seed_text(cut=57), 57, "이주노동자 행복일터 만들기")

    def test_table_cut_off_before_its_header(self):
        self.assertRefused(seed_text(cut=39), 39)

    def test_area_without_a_table(self):
        self.assertRefused(seed_text(cut=36), 36)

    def test_broken_table_header(self):
        self.assertRefused(seed_text([(41, "서비스명 전화번호")]), 41)

    def test_invalid_phone_number(self):
        self.assertRefused(
            seed_text([(51, "외국인종합지원센터 구축 031-8030-46")]),
            51,
            "031-8030-46",
        )

    def test_range_that_goes_backwards(self):
        self.assertRefused(
            seed_text([(51, "외국인종합지원센터 구축 031-8030-4655~1")]), 51
        )

    def test_number_before_any_service(self):
        self.assertRefused(seed_text([(43, "031-8030-4651")]), 43)

    def test_too_many_numbers_for_a_service(self):
        line = "외국인종합지원센터 구축 031-8030-4655 031-8030-4659 031-8030-4657"
        self.assertRefused(seed_text([(51, line)]), 51)

    def test_service_listed_twice(self):
        self.assertRefused(
            seed_text([(53, "외국인종합지원센터 구축 031-8030-4653")]), 53
        )

    def test_fax_number_used_as_a_phone(self):
        self.assertRefused(seed_text([(53, "포괄적 거버넌스 운영 031-8030-4659")]), 53)

    def test_areas_out_of_order(self):
        self.assertRefused(seed_text([(73, "3. 이주민 정착")]), 73, "2")

    def test_commitments_out_of_order(self):
        self.assertRefused(seed_text([(12, "다. 이주민 인권보호")]), 12, "나.")

    def test_pledges_out_of_order(self):
        self.assertRefused(seed_text([(18, "  3) 포괄적 거버넌스")]), 18)
