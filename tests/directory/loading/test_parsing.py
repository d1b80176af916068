from pathlib import Path

from django.conf import settings
from django.test import TestCase

from directory.loading.parsing import (
    StandardDocumentError,
    document_parse,
    document_text,
)

SEED = Path(settings.BASE_DIR) / "fixtures" / "documents" / "immigrant_society.txt"
DOCUMENTS = Path(__file__).resolve().parents[2] / "documents"


def service_table(document):
    """(area, name, division, phones, fax) for every service, in document order."""
    return [
        (
            area.number,
            service.name,
            service.division,
            [str(phone) for phone in service.phones],
            str(service.fax),
        )
        for area in document.areas
        for service in area.services
    ]


def seed_lines():
    return SEED.read_text(encoding="utf-8").split("\n")


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

    def test_rows_continue_the_division_and_the_fax_above(self):
        table = service_table(self.document)
        self.assertEqual(len(table), 19)
        self.assertEqual(
            table[1],
            (
                1,
                "외국인종합지원센터 구축",
                "이민사회정책 담당",
                ["031-8030-4655"],
                "031-8030-4659",
            ),
        )
        self.assertEqual({row[4] for row in table}, {"031-8030-4659"})

    def test_cell_with_a_comma_holds_two_numbers(self):
        self.assertIn(
            (
                2,
                "다문화가족 등 이주 배경 자녀 지원",
                "다문화가족지원 담당",
                ["031-8030-4776", "031-8030-4778"],
                "031-8030-4659",
            ),
            service_table(self.document),
        )

    def test_divisions_in_order_of_first_appearance(self):
        self.assertEqual(
            [name for name, line in self.document.divisions],
            [
                "이민사회정책 담당",
                "이주노동권익 담당",
                "이민유치전략 담당",
                "이민사회통합 담당",
                "이민체류지원 담당",
                "다문화가족지원 담당",
            ],
        )


def services_by_name(document):
    return {
        service.name: service for area in document.areas for service in area.services
    }


def numbers(numbers, prefix="031-8008-"):
    """Full numbers from their last digits: "4302 4303" → ["031-8008-4302", …]."""
    return [prefix + number for number in numbers.split()]


class HealthDocumentTests(TestCase):
    """보건의료: a fax per division, one-line rows, ranges and page numbers."""

    @classmethod
    def setUpTestData(cls):
        cls.document = document_parse((DOCUMENTS / "health.txt").read_bytes())
        cls.services = services_by_name(cls.document)

    def test_rows_in_order_with_their_divisions(self):
        self.assertEqual(self.document.name, "보건의료")
        self.assertEqual(
            [(row[0], row[1], row[2]) for row in service_table(self.document)],
            [
                (1, "공공의료기관 시설 개선 지원", "공공의료정책 담당"),
                (1, "찾아가는 이동진료 운영", "공공의료정책 담당"),
                (1, "감염병 역학조사", "감염병관리 담당"),
                (1, "예방접종 안내", "감염병관리 담당"),
                (1, "감염병 정보 제공", "감염병관리 담당"),
                (2, "건강생활 실천 프로그램 운영", "건강증진 담당"),
                (2, "만성질환 건강상담", "건강증진 담당"),
                (2, "마음건강 상담창구 운영", "정신건강 담당"),
            ],
        )

    def test_each_division_has_its_own_fax_in_the_first_table(self):
        faxes = [row[4] for row in service_table(self.document)]
        self.assertEqual(faxes[:5], numbers("4309 4309 4319 4319 4319"))

    def test_one_fax_serves_the_whole_second_table(self):
        faxes = [row[4] for row in service_table(self.document)]
        self.assertEqual(faxes[5:], numbers("4329 4329 4329"))

    def test_tilde_range_and_commas_with_or_without_a_space(self):
        def phones(name):
            return [str(phone) for phone in self.services[name].phones]

        self.assertEqual(phones("찾아가는 이동진료 운영"), numbers("4302 4303"))
        self.assertEqual(phones("예방접종 안내"), numbers("4312 4315"))
        self.assertEqual(phones("마음건강 상담창구 운영"), numbers("4331 4333"))

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
    """교통: CP949 with CRLF, a header over two lines, "팀" divisions."""

    @classmethod
    def setUpTestData(cls):
        cls.content = (DOCUMENTS / "transport.txt").read_bytes()
        cls.document = document_parse(cls.content)
        cls.services = services_by_name(cls.document)

    def test_file_is_cp949(self):
        with self.assertRaises(UnicodeDecodeError):
            self.content.decode("utf-8")
        self.assertEqual(self.document.title, "교통 분야 행정서비스 이행표준")

    def test_wrapped_area_title(self):
        self.assertEqual(
            [area.title for area in self.document.areas],
            ["편리하고 안전한 대중교통 서비스 제공", "도로와 교통시설의 안전 관리"],
        )

    def test_rows_in_order_with_their_divisions_and_faxes(self):
        self.assertEqual(
            [(row[1], row[2], row[4][-4:]) for row in service_table(self.document)],
            [
                ("버스 노선 조정", "버스정책팀", "2419"),
                ("저상버스 도입", "버스정책팀", "2419"),
                ("배차 간격 민원", "버스정책팀", "2419"),
                ("특별교통수단 운영", "교통복지팀", "2429"),
                ("교통약자 바우처", "교통복지팀", "2429"),
                ("교통안전시설 정비 요청", "도로안전팀", "2439"),
                ("어린이보호구역 개선", "도로안전팀", "2439"),
                ("교통안전 캠페인 2024", "도로안전팀", "2439"),
            ],
        )

    def test_range_over_three_numbers(self):
        phones = [str(phone) for phone in self.services["배차 간격 민원"].phones]
        self.assertEqual(phones, numbers("2413 2414 2415"))

    def test_name_ending_in_a_plain_number_keeps_it(self):
        phones = [str(p) for p in self.services["교통안전 캠페인 2024"].phones]
        self.assertEqual(phones, numbers("2434"))


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

    def seed_with(self, replacements=(), cut=None):
        lines = seed_lines()[:cut]
        for number, text in replacements:
            lines[number - 1] = text
        return "\n".join(lines)

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
        self.assertRefused(self.seed_with(cut=57), 57, "이주노동자 행복일터 만들기")

    def test_table_cut_off_before_its_header(self):
        self.assertRefused(self.seed_with(cut=39), 39)

    def test_area_without_a_table(self):
        self.assertRefused(self.seed_with(cut=36), 36)

    def test_broken_table_header(self):
        self.assertRefused(self.seed_with([(41, "서비스명 전화번호")]), 41)

    def test_invalid_phone_number(self):
        self.assertRefused(
            self.seed_with([(51, "외국인종합지원센터 구축 031-8030-46")]),
            51,
            "031-8030-46",
        )

    def test_range_that_goes_backwards(self):
        self.assertRefused(
            self.seed_with([(51, "외국인종합지원센터 구축 031-8030-4655~1")]), 51
        )

    def test_number_before_any_service(self):
        self.assertRefused(self.seed_with([(43, "031-8030-4651")]), 43)

    def test_too_many_numbers_for_a_service(self):
        line = "외국인종합지원센터 구축 031-8030-4655 031-8030-4659 031-8030-4657"
        self.assertRefused(self.seed_with([(51, line)]), 51)

    def test_service_listed_twice(self):
        self.assertRefused(
            self.seed_with([(53, "외국인종합지원센터 구축 031-8030-4653")]), 53
        )

    def test_fax_number_used_as_a_phone(self):
        self.assertRefused(
            self.seed_with([(53, "포괄적 거버넌스 운영 031-8030-4659")]), 53
        )

    def test_areas_out_of_order(self):
        self.assertRefused(self.seed_with([(73, "3. 이주민 정착")]), 73, "2")

    def test_commitments_out_of_order(self):
        self.assertRefused(self.seed_with([(12, "다. 이주민 인권보호")]), 12, "나.")

    def test_pledges_out_of_order(self):
        self.assertRefused(self.seed_with([(18, "  3) 포괄적 거버넌스")]), 18)
