"""The site's languages and its content languages: settings.py imports them.

Each language is named in its own script, as the language switcher shows it.
Adding a language takes one line here and a catalogue under locale/. The
default is plain "ko", not "ko-kr": unprefixed URLs need an exact match.
"""

LANGUAGE_CODE = "ko"
LANGUAGES = [
    ("ko", "한국어"),
    ("en", "English"),
    ("zh-hans", "中文"),
    ("vi", "Tiếng Việt"),
    ("ru", "Русский"),
    ("th", "ภาษาไทย"),
    ("uz", "Oʻzbekcha"),
    ("km", "ភាសាខ្មែរ"),
    ("fil", "Filipino"),
    ("ne", "नेपाली"),
    ("mn", "Монгол"),
    ("lo", "ພາສາລາວ"),
    ("ja", "日本語"),
]
# Django knows neither Filipino nor Lao, and names Khmer, Mongolian and Uzbek
# in English or lower case; get_language_info(), the help lines' language
# lists and hreflang read these (Django's documented LANG_INFO extension).
EXTRA_LANG_INFO = {
    "fil": {"bidi": False, "code": "fil", "name": "Filipino", "name_local": "Filipino"},
    "lo": {"bidi": False, "code": "lo", "name": "Lao", "name_local": "ພາສາລາວ"},
    "km": {"bidi": False, "code": "km", "name": "Khmer", "name_local": "ភាសាខ្មែរ"},
    "mn": {"bidi": False, "code": "mn", "name": "Mongolian", "name_local": "Монгол"},
    "uz": {"bidi": False, "code": "uz", "name": "Uzbek", "name_local": "Oʻzbekcha"},
    # Languages that help lines answer in, not languages of the site.
    "si": {"bidi": False, "code": "si", "name": "Sinhala", "name_local": "සිංහල"},
    "tet": {"bidi": False, "code": "tet", "name": "Tetum", "name_local": "Tetun"},
    # Browsers may still ask for Filipino by Tagalog's code.
    "tl": {"fallback": ["fil"]},
    "tl-ph": {"fallback": ["fil"]},
}

# Content translations (django-modeltranslation): every translated text has a
# column per language; Korean is the official text and what every other
# language falls back to. Creating a record from its Korean text alone (as
# fixtures and imports do) fills the Korean column.
# The content languages are listed apart from LANGUAGES, so that a new page
# language works with its catalogue alone (its content shows in Korean) until
# it is added here too, with `makemigrations` for its columns.
MODELTRANSLATION_LANGUAGES = (
    *("ko", "en", "zh-hans", "vi", "ru"),
    *("th", "uz", "km", "fil", "ne", "mn", "lo", "ja"),
)
MODELTRANSLATION_DEFAULT_LANGUAGE = "ko"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ko",)
MODELTRANSLATION_AUTO_POPULATE = "default"
