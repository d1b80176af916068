"""The first number the search page offers for four everyday questions, in
each of the site's languages, and whether it answers in that language.

Run on a seeded database (SQLite by default):

    DJANGO_DEBUG=1 .venv/bin/python bench/first_number.py
"""

import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

# The questions as a newcomer would type them, one set per site language.
QUESTIONS = {
    "ko": ["가정폭력", "임금체불", "비자", "통역"],
    "en": ["domestic violence", "unpaid wages", "visa", "interpreter"],
    "zh-hans": ["家庭暴力", "拖欠工资", "签证", "翻译"],
    "vi": ["bạo lực gia đình", "nợ lương", "thị thực", "phiên dịch"],
    "ru": ["домашнее насилие", "невыплата зарплаты", "виза", "переводчик"],
    "th": ["ความรุนแรงในครอบครัว", "ค่าจ้างค้างจ่าย", "วีซ่า", "ล่าม"],
    "uz": ["oilaviy zo'ravonlik", "ish haqi", "viza", "tarjimon"],
    "km": ["អំពើហិង្សាក្នុងគ្រួសារ", "ប្រាក់ឈ្នួល", "ទិដ្ឋាការ", "អ្នកបកប្រែ"],
    "fil": ["karahasan sa tahanan", "sahod", "visa", "tagasalin"],
    "ne": ["घरेलु हिंसा", "तलब", "भिसा", "दोभाषे"],
    "mn": ["гэр бүлийн хүчирхийлэл", "цалин", "виз", "орчуулагч"],
    "lo": ["ຄວາມຮຸນແຮງໃນຄອບຄົວ", "ຄ່າແຮງ", "ວີຊາ", "ນາຍແປພາສາ"],
    "ja": ["家庭内暴力", "賃金未払い", "ビザ", "通訳"],
}
TOPICS = ["violence", "wages", "visa", "interpretation"]
TEL = re.compile(r'href="tel:([^"]+)"')


def first_number(client, language, question):
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    response = client.get(f"{prefix}/search/", {"q": question})
    # The results only: the footer carries the site's own contact number.
    page = response.content.decode().split("<footer", 1)[0]
    found = TEL.search(page)
    return found.group(1) if found else "—"


def main():
    setup_test_environment()
    client = Client()
    print("| language | " + " | ".join(TOPICS) + " |")
    print("| --- |" + " --- |" * len(TOPICS))
    for language, questions in QUESTIONS.items():
        row = [first_number(client, language, q) for q in questions]
        print(f"| {language} | " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
