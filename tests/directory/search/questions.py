"""Everyday questions in each site language: violence, wages, visa, interpretation."""

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
