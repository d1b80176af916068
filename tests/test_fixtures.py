"""The shipped fixtures against the seed document they were transcribed from."""

import unicodedata
from pathlib import Path

from django.conf import settings

from directory.models import Contact, Division, Service
from standards.models import Commitment, Pledge, PolicyArea, Sector
from tests.base import SeededTestCase

DOCUMENT = Path(settings.BASE_DIR) / "fixtures" / "documents" / "immigrant_society.txt"
FAX = "031-8030-4659"

# (area, service, division, phones) as the document's two tables give them.
SERVICE_TABLE = [
    (1, "이주민 정책 기본계획 수립", "이민사회정책 담당", ["031-8030-4652"]),
    (1, "외국인종합지원센터 구축", "이민사회정책 담당", ["031-8030-4655"]),
    (1, "포괄적 거버넌스 운영", "이민사회정책 담당", ["031-8030-4653"]),
    (1, "외국인인권지원센터 운영", "이민사회정책 담당", ["031-8030-4655"]),
    (1, "이주노동자 행복일터 만들기", "이주노동권익 담당", ["031-8030-4662"]),
    (1, "외국인SNS기자단 운영", "이주노동권익 담당", ["031-8030-4663"]),
    (1, "외국인 우수인재 유치 지원", "이민유치전략 담당", ["031-8030-4672"]),
    (1, "비자 개선 등 외국인 정주 유도", "이민유치전략 담당", ["031-8030-4673"]),
    (2, "내외국민 문화다양성 이해교육", "이민사회통합 담당", ["031-8030-4682"]),
    (2, "이민사회 문화소통 축제", "이민사회통합 담당", ["031-8030-4683"]),
    (2, "공공기관 대상 이민사회 홍보교육", "이민사회통합 담당", ["031-8030-4684"]),
    (2, "이주민·고려인동포 정착지원", "이민체류지원 담당", ["031-8030-4692"]),
    (2, "이주민 지역사회 적응지원", "이민체류지원 담당", ["031-8030-4693"]),
    (2, "다문화가족지원센터 운영지원", "다문화가족지원 담당", ["031-8030-4772"]),
    (
        2,
        "다문화가족 등 이주배경 가정 특성화사업",
        "다문화가족지원 담당",
        ["031-8030-4773"],
    ),
    (2, "결혼이민자 지원", "다문화가족지원 담당", ["031-8030-4773"]),
    (
        2,
        "다문화가족 등 이주 배경 자녀 지원",
        "다문화가족지원 담당",
        ["031-8030-4776", "031-8030-4778"],
    ),
    (
        2,
        "폭력피해이주여성 보호시설 운영지원",
        "다문화가족지원 담당",
        ["031-8030-4775"],
    ),
    (2, "폭력피해이주여성 상담센터 운영", "다문화가족지원 담당", ["031-8030-4772"]),
]


def unwrapped_document():
    """The document with PDF line wrapping undone.

    A line that ends in a space was wrapped between words; any other line
    break inside a sentence was wrapped inside a word.
    """
    text = DOCUMENT.read_text(encoding="utf-8")
    return "".join(
        line.strip() + (" " if line.endswith(" ") else "")
        for line in text.splitlines()
        if line.strip()
    )


class FixtureTests(SeededTestCase):
    def test_counts_match_the_document(self):
        self.assertEqual(Sector.objects.count(), 1)
        self.assertEqual(PolicyArea.objects.count(), 2)
        self.assertEqual(Commitment.objects.count(), 7)
        self.assertEqual(Pledge.objects.count(), 13)
        self.assertEqual(Division.objects.count(), 6)
        self.assertEqual(Service.objects.count(), 19)
        self.assertEqual(Contact.objects.filter(kind=Contact.Kind.PHONE).count(), 17)
        self.assertEqual(Contact.objects.filter(kind=Contact.Kind.FAX).count(), 1)

    def test_sector_names_the_document(self):
        sector = Sector.objects.get()
        self.assertEqual(sector.name, "이민사회")
        self.assertEqual(sector.title, "이민사회 분야 행정서비스 이행표준")

    def test_every_service_has_its_division_numbers_and_fax_in_order(self):
        services = Service.objects.with_contacts()
        actual = [
            (
                s.area.number,
                s.name,
                s.division.name,
                [c.national for c in s.phones_in_order],
                s.fax.national,
            )
            for s in services
        ]
        expected = [(*row, FAX) for row in SERVICE_TABLE]
        self.assertEqual(actual, expected)

    def test_shared_numbers_are_one_row(self):
        contact = Contact.objects.get(number="031-8030-4655")
        self.assertEqual(
            sorted(contact.services.values_list("name", flat=True)),
            ["외국인인권지원센터 운영", "외국인종합지원센터 구축"],
        )
        self.assertEqual(Contact.objects.get(number=FAX).fax_services.count(), 19)

    def test_titles_and_pledges_are_the_documents_own_words(self):
        document = unwrapped_document()
        texts = [
            *PolicyArea.objects.values_list("title", flat=True),
            *Commitment.objects.values_list("title", flat=True),
            *Pledge.objects.values_list("text", flat=True),
        ]
        for text in texts:
            with self.subTest(text=text):
                self.assertIn(text, document)

    def test_wrapped_sentences_are_joined_without_invented_spaces(self):
        pledges = set(Pledge.objects.values_list("text", flat=True))
        self.assertIn(
            "내·외국인 간 문화체험 및 세계인의 날 행사를 통한 상호 인식개선과 "
            "사회통합에 기여하겠습니다.",
            pledges,
        )
        self.assertIn(
            "다양하고 지속가능한 이주민 정책을 수립하여 이주민의 지역사회 안정적 "
            "정착과 사회통합을 추진해나가겠습니다.",
            pledges,
        )

    def test_commitments_follow_the_document_letters(self):
        letters = [
            (c.area.number, c.letter, c.pledges.count())
            for c in Commitment.objects.select_related("area")
        ]
        self.assertEqual(
            letters,
            [
                (1, "가", 1),
                (1, "나", 2),
                (1, "다", 2),
                (1, "라", 2),
                (2, "가", 2),
                (2, "나", 2),
                (2, "다", 2),
            ],
        )

    def test_text_is_nfc_and_trimmed(self):
        for path in Path(settings.BASE_DIR, "fixtures").glob("*.json"):
            raw = path.read_text(encoding="utf-8")
            with self.subTest(path=path.name):
                self.assertNotIn("\\u", raw)
                self.assertEqual(unicodedata.normalize("NFC", raw), raw)
        texts = [
            *Service.objects.values_list("name", flat=True),
            *Division.objects.values_list("name", flat=True),
            *Pledge.objects.values_list("text", flat=True),
        ]
        for text in texts:
            self.assertEqual(text, " ".join(text.split()))
