"""The normalisation's character tables give what its rules say of each
character, one at a time (``text.CharacterTable``): checked on any text."""

import unicodedata
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from directory.search.fuzzy import MIN_LENGTH, fuzzy_script
from directory.search.text import (
    _JAMO,
    CharacterTable,
    _script,
    has_hangul,
    is_hangul,
    script_of,
    search_key,
    simplified,
    split_words,
    unaccented,
)

# Any character, Hangul, accented Latin and the scripts with vowel signs more often.
TEXTS = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from(
            "다문화 가족ＳＮＳ０３１ㄱㅏ học tiếng Hàn đ ёЁ"
            "ภาษาไทย ភាសា नेपाली 簽證 カード"
        ),
    ),
    max_size=40,
)


def marked(ch):
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def key_by_rule(text):
    text = simplified(unicodedata.normalize("NFC", text)).casefold().replace("ё", "е")
    return "".join(
        ch if ch in _JAMO else unicodedata.normalize("NFKC", ch)
        for ch in text
        if marked(ch)
    )


def unaccented_by_rule(text):
    """Each mark dropped that follows a Latin letter (or a mark dropped)."""
    plain, base = [], ""
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch) == "Mn" and base.isascii() and base.isalpha():
            continue
        base = ch
        plain.append(ch)
    plain = unicodedata.normalize("NFC", "".join(plain)).replace("đ", "d")
    plain = plain.replace("Đ", "D")
    return plain if plain != text else ""


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_keys_words_and_accents_follow_the_rules_of_each_character(text):
    assert search_key(text) == key_by_rule(text)
    by_rule = "".join(ch if marked(ch) else " " for ch in text).split()
    assert split_words(text) == by_rule
    assert unaccented(text) == unaccented_by_rule(text)
    assert has_hangul(text) == any(map(is_hangul, text))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_script_of_a_key_is_that_of_most_of_its_letters(text):
    scripts = Counter(_script(ch) for ch in text if ch.isalpha())
    assert script_of(text) == (scripts.most_common(1)[0][0] if scripts else "")


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("abzа-яѐӿकॿ1 é"), max_size=10))
def test_words_forgiven_a_slip_are_latin_cyrillic_or_devanagari(word):
    allowed = all(
        "a" <= ch <= "z" or "\u0400" <= ch <= "\u04ff" or "\u0900" <= ch <= "\u097f"
        for ch in word
    )
    assert fuzzy_script(word) == (len(word) >= MIN_LENGTH and allowed)


def test_a_table_keeps_at_most_its_limit_of_characters_and_still_translates():
    table = CharacterTable(str.upper)
    table.LIMIT = 3
    assert "abcdefa".translate(table) == "ABCDEFA"
    assert sorted(table) == [ord("a"), ord("b"), ord("c")]
