"""The questions migrants bring, in their own words, in every language.

Each query is what people type (not our titles), with the service (by its
Korean name) or the number that must be among the first three results.
"""

from directory.search import digits
from directory.search.engine import best_records
from tests.base import SeededTestCase

WAGES, VISA, DANURI, VIOLENCE, WORKERS = (
    "1350",
    "1345",
    "1577-1366",
    "1366",
    "1577-0071",
)
KOREAN = "다문화가족지원센터 운영지원"
SCHOOL = "다문화가족 등 이주 배경 자녀 지원"
SETTLE = "이주민·고려인동포 정착지원"
MARRIAGE = "결혼이민자 지원"
ADAPT = "이주민 지역사회 적응지원"

# (language, query, what must be among the first three)
QUERIES = [
    ("ko", "임금체불", WAGES),
    ("ko", "월급 못 받았어요", WAGES),
    ("ko", "비자 연장", VISA),
    ("ko", "체류기간 연장", VISA),
    ("ko", "통역", DANURI),
    ("ko", "1345", VISA),
    ("ko", "다누리", DANURI),
    ("ko", "1577 1366", DANURI),
    ("ko", "15771366", DANURI),
    ("ko", "1350", WAGES),
    ("ko", "1577-0071", WORKERS),
    ("ko", "가정폭력", VIOLENCE),
    ("ko", "한국어 배우기", KOREAN),
    ("ko", "아이 학교", SCHOOL),
    ("ko", "산재", WORKERS),
    ("ko", "국제결혼", MARRIAGE),
    ("ko", "외국인종합안내센터", VISA),
    ("en", "unpaid wages", WAGES),
    ("en", "wage", WAGES),
    ("en", "visa extension", VISA),
    ("en", "extend my visa", VISA),
    ("en", "interpreter", DANURI),
    ("en", "domestic violence", VIOLENCE),
    ("en", "learn Korean", KOREAN),
    ("en", "school for my child", SCHOOL),
    ("en", "work injury", WORKERS),
    ("en", "marriage migrants", MARRIAGE),
    ("en", "Danuri", DANURI),
    ("en", "settling in", SETTLE),
    ("zh-hans", "工资", WAGES),
    ("zh-hans", "欠薪", WAGES),
    ("zh-hans", "拖欠工资", WAGES),
    ("zh-hans", "签证延期", VISA),
    ("zh-hans", "翻译", DANURI),
    ("zh-hans", "家暴", VIOLENCE),
    ("zh-hans", "学韩语", KOREAN),
    ("zh-hans", "孩子上学", SCHOOL),
    ("zh-hans", "工伤", WORKERS),
    ("vi", "trường học cho con", SCHOOL),
    ("vi", "hoc tieng han", KOREAN),
    ("vi", "học tiếng Hàn", KOREAN),
    ("vi", "gia hạn visa", VISA),
    ("vi", "no luong", WAGES),
    ("vi", "phiên dịch", DANURI),
    ("vi", "bạo lực gia đình", VIOLENCE),
    ("vi", "tai nan lao dong", WORKERS),
    ("ru", "обустройство", SETTLE),
    ("ru", "адаптация", ADAPT),
    ("ru", "обустройству", SETTLE),
    ("ru", "продление визы", VISA),
    ("ru", "зарплата", WAGES),
    ("ru", "переводчик", DANURI),
    ("ru", "домашнее насилие", VIOLENCE),
    ("ru", "учить корейский язык", KOREAN),
    ("ru", "травма на работе", WORKERS),
    ("th", "ค่าจ้างค้างจ่าย", WAGES),
    ("th", "ต่อวีซ่า", VISA),
    ("th", "ล่าม", DANURI),
    ("th", "ความรุนแรงในครอบครัว", VIOLENCE),
    ("th", "เรียนภาษาเกาหลี", KOREAN),
    ("th", "โรงเรียน", SCHOOL),
    ("km", "ប្រាក់ខែ", WAGES),
    ("km", "ទិដ្ឋាការ", VISA),
    ("km", "អ្នកបកប្រែ", DANURI),
    ("km", "អំពើហិង្សាក្នុងគ្រួសារ", VIOLENCE),
    ("km", "រៀនភាសាកូរ៉េ", KOREAN),
    ("lo", "ເງິນເດືອນ", WAGES),
    ("lo", "ວີຊາ", VISA),
    ("lo", "ນາຍພາສາ", DANURI),
    ("lo", "ຄວາມຮຸນແຮງໃນຄອບຄົວ", VIOLENCE),
    ("lo", "ຮຽນພາສາເກົາຫຼີ", KOREAN),
    ("ne", "तलब", WAGES),
    ("ne", "भिसा", VISA),
    ("ne", "दोभाषे", DANURI),
    ("ne", "घरेलु हिंसा", VIOLENCE),
    ("ne", "विवाह", MARRIAGE),
    ("uz", "ish haqi", WAGES),
    ("uz", "viza", VISA),
    ("uz", "tarjimon", DANURI),
    ("uz", "koreys tili", KOREAN),
    ("uz", "nikoh", MARRIAGE),
    ("fil", "sahod", WAGES),
    ("fil", "tagasalin", DANURI),
    ("fil", "karahasan sa tahanan", VIOLENCE),
    ("fil", "paaralan ng anak", SCHOOL),
    ("fil", "kasal", MARRIAGE),
    ("mn", "цалин", WAGES),
    ("mn", "виз сунгах", VISA),
    ("mn", "орчуулагч", DANURI),
    ("mn", "гэр бүлийн хүчирхийлэл", VIOLENCE),
    ("mn", "солонгос хэл", KOREAN),
    ("ja", "給料未払い", WAGES),
    ("ja", "ビザ延長", VISA),
    ("ja", "通訳", DANURI),
    ("ja", "韓国語", KOREAN),
    ("ja", "労災", WORKERS),
    ("ja", "結婚", MARRIAGE),
]


def answers(record, expected):
    """Whether a record is the service named, or carries the number given."""
    if any(ch.isdigit() for ch in expected):
        return any(
            digits(number.national) == digits(expected) for number in record.phones
        )
    return record.name == expected


def unanswered(queries=QUERIES):
    """The queries whose answer is not among their first three results."""
    return [
        (language, query, expected)
        for language, query, expected in queries
        if not any(answers(r, expected) for r in best_records(query, 3, language))
    ]


class NaturalQueryTests(SeededTestCase):
    def test_the_table_covers_every_language_with_eighty_queries(self):
        self.assertGreaterEqual(len(QUERIES), 80)
        languages = {"ko", "en", "zh-hans", "vi", "ru", "th", "km", "lo", "ne"}
        self.assertEqual(
            {language for language, *_ in QUERIES},
            languages | {"uz", "fil", "mn", "ja"},
        )

    def test_each_query_finds_its_answer_among_the_first_three(self):
        missed = unanswered()
        answered = len(QUERIES) - len(missed)
        self.assertEqual(missed, [], f"{answered} of {len(QUERIES)} answered")
