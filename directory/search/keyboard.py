"""Text typed with the English layout on for Korean (두벌식): the jamo
each key types, assembled into syllables as a Korean input method does."""

from .text import FINALS, HANGUL_FIRST, INITIALS, MEDIALS, is_hangul

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
