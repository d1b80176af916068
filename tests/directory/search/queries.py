"""Queries the search tests share, and a helper naming what a query finds."""

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from directory.models import SearchEntry
from directory.models.search import SearchTerm
from directory.search import digits
from directory.search.engine import best_records


def holding(word):
    """The entries that hold the word: in their words, or (PostgreSQL) among
    their coded words (``directory.search.entries.CODED``)."""
    entries = SearchEntry.objects.filter(words__contains=f" {word} ")
    if connection.vendor != "postgresql":
        return entries
    coded = RawSQL(
        "word_codes @> ARRAY[%s]", [SearchTerm.code_of(word)], BooleanField()
    )
    return SearchEntry.objects.annotate(coded=coded).filter(
        Q(words__contains=f" {word} ") | Q(coded=True)
    )


BOTH_4655 = ["외국인종합지원센터 구축", "외국인인권지원센터 운영"]

# (query, the names that must come first, in this order); the national help
# lines come first where their words match as well as a service's.
FIRST_RESULTS = [
    ("외국인인권", ["외국인인권지원센터 운영"]),
    ("ㄱㄹㅇ", ["이주민·고려인동포 정착지원"]),
    ("ㄱㄱ", ["여성긴급전화 1366"]),
    ("4692", ["이주민·고려인동포 정착지원", "이민체류지원 담당"]),
    ("031-8030-4662", ["이주노동자 행복일터 만들기", "이주노동권익 담당"]),
    ("결혼 이민자", ["결혼이민자 지원"]),
    ("8030 4653", ["포괄적 거버넌스 운영"]),
    ("4655", [*BOTH_4655, "이민사회정책 담당"]),
    ("8030-4655", BOTH_4655),
    ("031-8030-4655", BOTH_4655),
    ("0318030 4655", BOTH_4655),
    ("031.8030.4655", BOTH_4655),
    ("+82 31 8030 4655", BOTH_4655),
    ("+82-31-8030-4655", BOTH_4655),
    ("다문화 가족", ["다문화가족지원센터 운영지원"]),
    ("다문화·가족", ["다문화가족지원센터 운영지원"]),
    ("이주민.고려인", ["이주민·고려인동포 정착지원"]),
    ("rhfuddls", ["이주민·고려인동포 정착지원"]),
    ("외국인인권지원센타", ["외국인인권지원센터 운영"]),
    ("이주노동권익", ["이주노동권익 담당", "이주노동자 행복일터 만들기"]),
    ("비자", ["외국인종합안내센터", "비자 개선 등 외국인 정주 유도"]),
    ("체류", ["외국인종합안내센터", "비자 개선 등 외국인 정주 유도"]),
    ("쉼터", ["폭력피해이주여성 보호시설 운영지원"]),
    ("결혼이민자 지원", ["결혼이민자 지원"]),
    ("이민", ["이주민 정책 기본계획 수립"]),
    ("SNS", ["외국인SNS기자단 운영"]),
    # A search word that is the whole word ranks before a part of a name.
    ("상담", ["다누리콜센터"]),
    ("거버넌스", ["포괄적 거버넌스 운영"]),
    ("통역", ["다누리콜센터"]),
]

HOSTILE = [
    "\x00",
    "가\x00나",
    "가" * 5000,
    "%",
    "_",
    "%%__%%",
    "'; DROP TABLE directory_service; --",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "\\",
    "\u202e\u200b",
    "+",
    "+82",
]


def names(query, limit=20):
    """The Korean names of what the query finds, best first."""
    return [record.name for record in best_records(query, limit)]


def answers(record, expected):
    """Whether a record is the one named (its Korean name), or carries the
    number given."""
    if any(ch.isdigit() for ch in expected):
        return any(
            digits(number.national) == digits(expected) for number in record.phones
        )
    return record.name == expected
