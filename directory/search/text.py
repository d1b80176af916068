"""The one normalisation of text for search, applied alike to what is indexed
and to what people type: spacing, punctuation, case, initial consonants,
keyboard layout and phone digits.
"""

import re
import unicodedata

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

# The standard two-set (두벌식) layout: the jamo each key of an English
# keyboard types. Shift changes only the seven keys listed in upper case.
KEYBOARD = dict(
    zip(
        "qwertyuiopasdfghjklzxcvbnmQWERTOP",
        "ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔㅁㄴㅇㄹㅎㅗㅓㅏㅣㅋㅌㅊㅍㅠㅜㅡㅃㅉㄸㄲㅆㅒㅖ",
        strict=True,
    )
)
_DOUBLE_MEDIALS = {
    "ㅗㅏ": "ㅘ",
    "ㅗㅐ": "ㅙ",
    "ㅗㅣ": "ㅚ",
    "ㅜㅓ": "ㅝ",
    "ㅜㅔ": "ㅞ",
    "ㅜㅣ": "ㅟ",
    "ㅡㅣ": "ㅢ",
}
_DOUBLE_FINALS = {
    "ㄱㅅ": "ㄳ",
    "ㄴㅈ": "ㄵ",
    "ㄴㅎ": "ㄶ",
    "ㄹㄱ": "ㄺ",
    "ㄹㅁ": "ㄻ",
    "ㄹㅂ": "ㄼ",
    "ㄹㅅ": "ㄽ",
    "ㄹㅌ": "ㄾ",
    "ㄹㅍ": "ㄿ",
    "ㄹㅎ": "ㅀ",
    "ㅂㅅ": "ㅄ",
}
_SPLIT_FINALS = {double: pair for pair, double in _DOUBLE_FINALS.items()}


def clean_query(text):
    """What people typed, NFC-normalised, without control characters."""
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text or ""))
    return " ".join(text.split())


def digits(text):
    return "".join(ch for ch in text if ch.isdigit())


def is_hangul(ch):
    return HANGUL_FIRST <= ord(ch) <= HANGUL_LAST


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
    text = text.casefold().replace("ё", "е")
    # Full-width letters and digits (as Korean input methods type them) become
    # plain ones; compatibility jamo are kept, since NFKC would change them.
    # Vowel signs and marks stay: Thai, Khmer, Lao and Devanagari write
    # vowels with them.
    return "".join(
        ch if ch in _JAMO else unicodedata.normalize("NFKC", ch)
        for ch in text
        if ch.isalnum() or unicodedata.category(ch).startswith("M")
    )


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TO_SIMPLIFIED = opencc.OpenCC("t2s")


def simplified(text):
    """Traditional Chinese characters as simplified ones (簽證 → 签证); Japanese
    kanji are folded alike, on both sides, so they still match each other."""
    return _TO_SIMPLIFIED.convert(text) if _HAN.search(text) else text


def unaccented(text):
    """Latin letters without their accents (học tiếng Hàn → hoc tieng Han), or
    "" when there were none: Vietnamese is often typed without them."""
    plain, base = [], ""
    for ch in unicodedata.normalize("NFD", text or ""):
        if unicodedata.category(ch) == "Mn" and base.isascii() and base.isalpha():
            continue
        base = ch
        plain.append(ch)
    plain = unicodedata.normalize("NFC", "".join(plain)).translate(_STROKES)
    return plain if plain != text else ""


_STROKES = str.maketrans("đĐ", "dD")
_STEMMERS = {"latin": "english", "cyrillic": "russian"}


def _word_script(word):
    if all("a" <= ch <= "z" for ch in word):
        return "latin"
    if all("а" <= ch <= "я" for ch in word):
        return "cyrillic"
    return ""


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


_stemmer_cache = {}


def _stemmer(script):
    if script not in _stemmer_cache:
        _stemmer_cache[script] = snowballstemmer.stemmer(_STEMMERS[script])
    return _stemmer_cache[script]


def split_words(text):
    """The words of a text: runs of letters, digits and the marks that
    Devanagari, Thai, Lao and Khmer write vowels with (``\\W`` would cut
    their words at each vowel sign)."""
    return "".join(
        ch if ch.isalnum() or unicodedata.category(ch).startswith("M") else " "
        for ch in text or ""
    ).split()


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
    keys = [search_key(word) for word in split_words(text)]
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


def from_keyboard(text):
    """Hangul for text typed with the keyboard in English mode: rhfuddls → 고려인.

    Returns "" unless every letter maps to a key and the jamo form syllables.
    """
    letters = "".join(text.split())
    if not letters or not all(
        ch in KEYBOARD or ch.lower() in KEYBOARD for ch in letters
    ):
        return ""
    syllables = _compose(KEYBOARD.get(ch) or KEYBOARD[ch.lower()] for ch in letters)
    return syllables if all(is_hangul(ch) for ch in syllables) else ""


def keyboard_readings(text):
    """The Hangul readings of text typed in English mode, likeliest first.

    A key pressed twice by mistake is forgiven: rhfuddls reads 고령인, then
    고려인 without the repeated d.
    """
    readings = [from_keyboard(text)]
    for i in range(1, len(text)):
        if text[i] == text[i - 1]:
            readings.append(from_keyboard(text[:i] + text[i + 1 :]))
    return [reading for reading in dict.fromkeys(readings) if reading]


def _syllable(initial, medial, final=""):
    if not medial:
        return initial
    if not initial:
        return medial + final
    return chr(
        HANGUL_FIRST
        + (INITIALS.index(initial) * 21 + MEDIALS.index(medial)) * 28
        + FINALS.index(final)
    )


def _compose(jamo):
    """Assemble a stream of jamo into syllables, as a Korean input method does."""
    out, initial, medial, final = [], "", "", ""
    for ch in jamo:
        if ch in MEDIALS:
            if final:
                # The last consonant moves on to start the next syllable.
                keep, moved = _SPLIT_FINALS.get(final, ("", final))
                out.append(_syllable(initial, medial, keep))
                initial, medial, final = moved, ch, ""
            elif medial and medial + ch in _DOUBLE_MEDIALS:
                medial = _DOUBLE_MEDIALS[medial + ch]
            elif medial or not initial:
                out.append(_syllable(initial, medial))
                initial, medial = "", ch
            else:
                medial = ch
        elif initial and medial and not final and ch in FINALS:
            final = ch
        elif final and final + ch in _DOUBLE_FINALS:
            final = _DOUBLE_FINALS[final + ch]
        else:
            out.append(_syllable(initial, medial, final))
            initial, medial, final = ch, "", ""
    out.append(_syllable(initial, medial, final))
    return "".join(out)
