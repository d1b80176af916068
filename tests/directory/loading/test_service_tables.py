"""The service tables of a document (directory/loading/service_tables.py):
rows over one line or several, merged division and fax cells, and the
document's shorthand for several numbers in one cell."""

from django.test import TestCase

from directory.loading.parsing import document_parse

from .imports import DOCUMENTS, SEED


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


def services_by_name(document):
    return {
        service.name: service for area in document.areas for service in area.services
    }


def numbers(numbers, prefix="031-8008-"):
    """Full numbers from their last digits: "4302 4303" → ["031-8008-4302", …]."""
    return [prefix + number for number in numbers.split()]


class SeedTableTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = document_parse(SEED.read_bytes())

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


class HealthTableTests(TestCase):
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


class TransportTableTests(TestCase):
    """교통: a header over two lines, "팀" divisions, a range of three numbers."""

    @classmethod
    def setUpTestData(cls):
        cls.document = document_parse((DOCUMENTS / "transport.txt").read_bytes())
        cls.services = services_by_name(cls.document)

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
