"""The one normalisation of text for search, applied alike to what is indexed
and to what people type: spacing, punctuation, case, initial consonants,
keyboard layout and phone digits.
"""

import re
import threading
import unicodedata
from collections import Counter
from functools import cache, lru_cache

import opencc
import snowballstemmer

from .. import phones

MAX_QUERY_LENGTH = 100
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]
# A 가나다 index files double consonants under their plain letter.
INDEX_LETTERS = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
_PLAIN = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}
_JAMO = {chr(code) for code in range(0x3131, 0x318F)}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean_query(text):
    """What people typed, NFC-normalised, without control characters."""
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text or ""))
    return " ".join(text.split())


def digits(text):
    return "".join(ch for ch in text if ch.isdigit())


def is_hangul(ch):
    return HANGUL_FIRST <= ord(ch) <= HANGUL_LAST


_HANGUL = re.compile(f"[{chr(HANGUL_FIRST)}-{chr(HANGUL_LAST)}]")


def has_hangul(text):
    return _HANGUL.search(text) is not None


def index_letter(name):
    """The 가나다 index heading of a name: its first initial consonant."""
    first = (name or " ")[0]
    if is_hangul(first):
        initial = INITIALS[(ord(first) - HANGUL_FIRST) // 588]
        return _PLAIN.get(initial, initial)
    return "A–Z" if first.isascii() and first.isalpha() else "#"


def search_key(text):
    """Letters and digits only, case-folded: spacing and punctuation never count.

    "다문화 가족", "다문화가족" and "다문화·가족" all become "다문화가족".
    """
    text = simplified(unicodedata.normalize("NFC", text or ""))
    return text.casefold().replace("ё", "е").translate(_KEY_CHARACTERS)


def _word_character(ch):
    # Vowel signs and marks count: Thai, Khmer, Lao and Devanagari write
    # vowels with them.
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


class CharacterTable(dict):
    """A ``str.translate`` table that works out each character once, the
    first time it is met: indexing meets the same few thousand characters
    millions of times. It keeps at most ``LIMIT`` of them, so that queries
    of ever other characters cannot grow a worker's memory."""

    LIMIT = 20_000

    def __init__(self, mapping):
        super().__init__()
        self.mapping = mapping

    def __missing__(self, code):
        found = self.mapping(chr(code))
        if len(self) < self.LIMIT:
            self[code] = found
        return found


def _key_character(ch):
    """A character as a key has it: none but letters, digits and marks.
    Full-width letters and digits (as Korean input methods type them) become
    plain ones; compatibility jamo are kept, since NFKC would change them."""
    if not _word_character(ch):
        return None
    return ch if ch in _JAMO else unicodedata.normalize("NFKC", ch)


_KEY_CHARACTERS = CharacterTable(_key_character)


# Indexing meets the same words on thousands of names.
word_key = lru_cache(maxsize=65536)(search_key)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TO_SIMPLIFIED = opencc.OpenCC("t2s")
_SURROGATES = re.compile("[\ud800-\udfff]")


def simplified(text):
    """Traditional Chinese characters as simplified ones (簽證 → 签证); Japanese
    kanji are folded alike, on both sides, so they still match each other."""
    if not _HAN.search(text):
        return text
    # OpenCC takes UTF-8, which a lone surrogate (from a JSON escape) is not;
    # no key keeps one anyway.
    return _TO_SIMPLIFIED.convert(_SURROGATES.sub("", text))


def unaccented(text):
    """Latin letters without their accents (học tiếng Hàn → hoc tieng Han), or
    "" when there were none: Vietnamese is often typed without them."""
    if not text or text.isascii():
        return ""
    plain = _MARKS_ON_LATIN.sub("", unicodedata.normalize("NFD", text))
    plain = unicodedata.normalize("NFC", plain).translate(_STROKES)
    return plain if plain != text else ""


def _mark_ranges():
    """The non-spacing marks as a regular expression's ranges (none is
    outside these planes' code points but the variation selectors)."""
    codes = [
        code
        for code in (*range(0x300, 0x20000), *range(0xE0100, 0xE01F0))
        if unicodedata.category(chr(code)) == "Mn"
    ]
    ranges, start = [], codes[0]
    for previous, code in zip(codes, codes[1:] + [None], strict=True):
        if code != previous + 1:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(previous))}")
            start = code
    return "".join(ranges)


# The non-spacing marks (accents) written on a Latin letter, however many.
_MARKS_ON_LATIN = re.compile(f"(?<=[A-Za-z])[{_mark_ranges()}]+")


_STROKES = str.maketrans("đĐ", "dD")
_STEMMERS = {"latin": "english", "cyrillic": "russian"}


def _word_script(word):
    if all("a" <= ch <= "z" for ch in word):
        return "latin"
    if all("а" <= ch <= "я" for ch in word):
        return "cyrillic"
    return ""


@lru_cache(maxsize=65536)
def stem(key):
    """The stem of an English or Russian word key (wages → wage,
    обустройству → обустройств); other words as they are.

    Snowball stems are (nearly always) a start of every form of the word, so
    the stem of what is typed is looked for as a part of what is indexed.
    """
    script = _word_script(key)
    if not script or len(key) < 4:
        return key
    stemmed = _stemmer(script).stemWord(key)
    return stemmed if len(stemmed) >= 3 else key


@cache
def _stemmer(script):
    return snowballstemmer.stemmer(_STEMMERS[script])


_WORD_CHARACTERS = CharacterTable(lambda ch: ch if _word_character(ch) else " ")


def split_words(text):
    """The words of a text: runs of letters, digits and the marks that
    Devanagari, Thai, Lao and Khmer write vowels with (``\\W`` would cut
    their words at each vowel sign)."""
    return (text or "").translate(_WORD_CHARACTERS).split()


def query_words(text):
    """The word keys of a query of several words, short Latin and Cyrillic
    words (to, my, на) left out; () for a query of one word."""
    keys = [search_key(word) for word in split_words(text)]
    keys = [
        k for k in dict.fromkeys(keys) if k and not (_word_script(k) and len(k) < 3)
    ]
    return tuple(keys) if len(keys) > 1 else ()


def search_words(text):
    """The words of a text as keys, and the stems that differ, padded with
    spaces for whole-word tests."""
    keys = [word_key(word) for word in split_words(text)]
    keys += [stem(key) for key in keys]
    return " " + " ".join(key for key in dict.fromkeys(keys) if key) + " "


def initials_of(key):
    """Each syllable replaced by its initial consonant: 고려인 → ㄱㄹㅇ."""
    return "".join(
        INITIALS[(ord(ch) - HANGUL_FIRST) // 588] if is_hangul(ch) else ch for ch in key
    )


def is_initials(key):
    return bool(key) and all(ch in INITIALS for ch in key)


def grams(key, initials=""):
    """Every two-character piece of the key, its last character alone, and
    its first two initial consonants after a caret (^ㅊㅅ).

    Stored space-separated so that a one- or two-character query becomes a
    whole word (" 상담 ", " ^ㅊㅅ "), which a trigram index can find.
    """
    pieces = {key[i : i + 2]: None for i in range(len(key))}
    if initials:
        pieces[INITIALS_MARK + initials[:2]] = None
    return " " + " ".join(pieces) + " "


# Never in a key (``search_key`` keeps letters and digits only).
INITIALS_MARK = "^"


def phone_key(number):
    """A phone number as the digits Koreans dial: 03180304655."""
    return phones.dialled_digits(number)


def is_whole_number(key):
    """Whether a key is a phone number with its area code: 0318030465(5)."""
    return len(key) >= 9 and key.startswith("0") and key.isdigit()


def typed_number(text):
    """The digits of a query that is a phone number or part of one, else "".

    "+82 31 8030 4655" and "031.8030.4655" both give "03180304655"; a part
    such as "8030 4655" keeps its digits as typed.
    """
    if not text or any(ch.isalpha() for ch in text) or len(digits(text)) < 3:
        return ""
    if phones.is_possible_international(text):
        return phone_key(phones.parse(text))
    return digits(text)


def _script(ch):
    name = unicodedata.name(ch, "")
    if name.startswith(("HIRAGANA", "KATAKANA", "CJK")):
        return "CJK"
    return name.split(" ")[0]


# Each script as one character of its own, and back: a key translated
# through ``_SCRIPTS`` is its letters' scripts (anything else is dropped).
_SCRIPT_CODES, _SCRIPT_NAMES = {}, {}
# A server's threads may meet a new script at once: each gets a code of its own.
_NEW_SCRIPT = threading.Lock()


def _script_code(ch):
    if not ch.isalpha():
        return None
    script = _script(ch)
    with _NEW_SCRIPT:
        if script not in _SCRIPT_CODES:
            code = chr(0xF0000 + len(_SCRIPT_CODES))
            _SCRIPT_CODES[script], _SCRIPT_NAMES[code] = code, script
    return _SCRIPT_CODES[script]


_SCRIPTS = CharacterTable(_script_code)


def script_of(key):
    """The script most of a key's letters are in (a Thai name may begin with
    a place written in Latin letters); digits belong to none."""
    codes = key.translate(_SCRIPTS)
    if not codes:
        return ""
    if codes.count(codes[0]) == len(codes):
        # Most keys are in one script: no counting.
        return _SCRIPT_NAMES[codes[0]]
    return _SCRIPT_NAMES[Counter(codes).most_common(1)[0][0]]
