"""A record's search entries: every searchable text of it, normalised once.

A service owns the entries of its name and its numbers, and one through which
its division's names find it (with no text: it borrows the division's
entries); its division answers for its numbers through the service's own
number entries (``sql/teams.py``). Staff's search words
are entries of the record they belong to, one per phrase; a Latin text with
accents (Vietnamese) has a second entry without them.

On PostgreSQL the texts in other scripts than Hangul (the translations) are
one entry per record and priority that holds no text but its words' codes
(``CODED``); the words are listed once each (``SearchTerm``).
"""

import re
from functools import cache, lru_cache

from django.conf import settings
from django.db import connection
from django.db.models import IntegerChoices
from modeltranslation.utils import build_localized_fieldname

from ..models import SearchEntry
from ..models.search import SearchTerm
from .text import (
    grams,
    has_hangul,
    initials_of,
    phone_key,
    script_of,
    search_key,
    search_words,
    unaccented,
)

Kind = SearchEntry.Kind


class Priority(IntegerChoices):
    """Lower comes first: a service's name and numbers, then a division's,
    then services found through their division or fax, then the standard's
    text (``fts.FIRST_PRIORITIES``: the first two)."""

    NAME = 0
    DIVISION = 1
    VIA_DIVISION = 2
    TITLE = 3
    PLEDGE = 4


NAME, DIVISION, VIA_DIVISION, TITLE, PLEDGE = Priority
LANGUAGES = settings.MODELTRANSLATION_LANGUAGES
# The related rows ``indexing.SOURCES`` loads with each record, as plain
# lists (``Prefetch(to_attr=...)``): a queryset made for each record's
# related manager took a sixth of a whole rebuild, and went to the workers.
SEARCH_WORDS = "indexed_search_words"
PHONE_LINKS = "indexed_phone_links"
PLEDGES = "indexed_pledges"


# Joins the texts of one entry: never in a key (``search_key`` keeps letters
# and digits only), so a substring of a query never spans two texts.
SEPARATOR = "|"
# Scripts in which one or two characters are a word (Hangul, Chinese
# characters, kana): every pair of a key is a word a short query may be.
SYLLABIC = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff]")


def text_fields(text):
    """The normalised columns of a text. Only a syllabic script keeps every
    character pair; in the others a short query is the start of a word."""
    key = search_key(text)
    words = search_words(text)
    initials = initials_of(key) if has_hangul(key) else ""
    if SYLLABIC.search(key):
        pairs = grams(key, initials)
    else:
        pairs = spaced(word[:2] for word in words.split())
    return {"key": key, "words": words, "initials": initials, "grams": pairs}


# The texts of an entry that borrows its team's (``sql/teams.py``).
BORROWING = {"key": "", "words": "", "initials": "", "grams": ""}


@lru_cache(maxsize=65536)
def number_key(number):
    return phone_key(number)


def number_fields(number):
    """A number's columns: no character pairs, since nobody looks a number up
    by one or two digits (three or more go to its key's trigrams)."""
    key = number_key(str(number))
    return {"key": key, "words": f" {key} ", "initials": "", "grams": ""}


# On PostgreSQL, the texts of every script but Hangul (the translations,
# mostly) are indexed by their words: one entry per record and priority holds
# the codes of its words in all those scripts, and the words are listed once
# each (``SearchTerm``) with their trigrams. Their trigrams on every entry
# were four fifths of the index (docs/benchmarks.md). SQLite keeps the texts.
CODED = "coded"
# The key and character pairs of a coded entry: no text has them (a key has
# letters and digits only), and an empty key is a borrowing entry's, empty
# pairs a number's.
NO_TEXT = " "
# A word longer than the list holds (a Thai sentence is one) is listed in
# pieces that overlap by this much: a part of it up to that long is in one.
WORD_LENGTH = SearchTerm._meta.get_field("word").max_length
OVERLAP = 30


def coded_script(script):
    """Whether texts of the script are indexed by their words' codes."""
    return script not in ("", "HANGUL") and connection.vendor == "postgresql"


def listed_words(word):
    """The word as the list holds it: whole, or in overlapping pieces."""
    if len(word) <= WORD_LENGTH:
        return (word,)
    step = WORD_LENGTH - OVERLAP
    return tuple(
        word[start : start + WORD_LENGTH]
        for start in range(0, len(word) - OVERLAP, step)
    )


def coded_fields(forms):
    """The columns of an entry of texts indexed by their words: each word's
    code, and each text's first word's negated (a text that starts so)."""
    words = dict.fromkeys(
        piece
        for form in forms
        for word in form["words"].split()
        for piece in listed_words(word)
    )
    firsts = {
        listed_words(form["words"].split()[0])[0]
        for form in forms
        if form["words"].strip()
    }
    code = SearchTerm.code_of
    codes = {code(word) for word in words} | {-code(word) for word in firsts}
    return {
        "key": NO_TEXT,
        "words": "",
        "initials": "",
        "grams": NO_TEXT,
        "word_codes": "{" + ",".join(map(str, sorted(codes))) + "}",
        "listed": tuple(words),
    }


def entries_of(texts, **own):
    """One entry for each priority and script, of every (priority, text) of
    it and of its forms without accents: a record's name in English,
    Vietnamese, Uzbek and Filipino is one row, not five. The keys of several
    texts are joined, each between separators, so that ``|key|`` is a whole
    text and ``|key`` the start of one. Scripts stay apart, so that a query's
    pieces are tested against the texts of its own script only (each entry
    says its ``script``, which is no column: a rebuild writes by it)."""
    grouped = {}
    for priority, text in texts:
        for fields in forms_of(text):
            script = script_of(fields["key"])
            if coded_script(script):
                script = CODED
            group = grouped.setdefault((priority, script), {})
            group.setdefault(fields["key"], fields)
    return [
        dict(
            priority=priority,
            script=script,
            **own,
            **(coded_fields if script == CODED else joined_fields)(
                list(forms.values())
            ),
        )
        for (priority, script), forms in grouped.items()
    ]


def joined_fields(forms):
    if len(forms) == 1:
        return forms[0]
    return {
        "key": separated([f["key"] for f in forms]),
        "words": spaced(word for f in forms for word in f["words"].split()),
        "initials": separated([f["initials"] for f in forms if f["initials"]]),
        "grams": spaced(pair for f in forms for pair in f["grams"].split()),
    }


def spaced(tokens):
    """Tokens once each, padded with spaces for whole-token tests."""
    return " " + " ".join(dict.fromkeys(tokens)) + " "


def separated(keys):
    if len(keys) < 2:
        return "".join(keys)
    return SEPARATOR + SEPARATOR.join(keys) + SEPARATOR


@lru_cache(maxsize=65536)
def forms_of(text):
    """The columns of a text and of its form without accents (if it has
    them), but none without a key. Worked out once per text while the
    process lives: a division's name recurs on each of its services."""
    found = [text_fields(form) for form in (text, unaccented(text)) if form]
    return tuple(fields for fields in found if fields["key"])


def word_texts(record):
    """Staff's search words for the record, a text per phrase (loaded with it)."""
    return [
        (NAME, phrase)
        for words in getattr(record, SEARCH_WORDS)
        for phrase in words.phrases
    ]


# The items (services, teams) one area or sector may list, in
# ``document_position``.
ITEMS = 100_000


def document_position(sector_position, area_number=0, item=0):
    """One number that sorts records as the standard documents list them."""
    return (sector_position * 1000 + area_number) * ITEMS + item


def texts_of(obj, field):
    """A translated field's Korean text and each of its translations.

    Every language is searched whatever the page's language: a migrant may
    type the name in English on a Korean page.
    """
    texts = [getattr(obj, name, None) for name in localized_fields(field)]
    if not any(texts):
        texts = [getattr(obj, field)]
    return [text for text in dict.fromkeys(texts) if text]


@cache
def localized_fields(field):
    return [build_localized_fieldname(field, code) for code in LANGUAGES]


def former_names(division):
    return [name for name in division.former_names.splitlines() if name.strip()]


def service_entries(service):
    """A service as ``indexing.SOURCES`` loads it: its area's number and
    sector as values (``area_number``, ``sector``, ``sector_position``), not
    as two more records to read per service."""
    division, sector = service.division, service.sector
    own = {
        "kind": Kind.SERVICE,
        "object_id": service.pk,
        "service_id": service.pk,
        "sector_id": sector,
        "area_id": service.area_id,
        "division_id": division.pk,
        "position": document_position(
            service.sector_position, service.area_number, service.position
        ),
    }
    texts = [(NAME, name) for name in texts_of(service, "name")]
    # What the service does, in every language: a question in other words
    # than its name still finds it, after every name.
    texts += [(PLEDGE, text) for text in texts_of(service, "description")]
    entries = entries_of(texts + word_texts(service), **own)
    # Found through its team's names, which it borrows (sql/teams.py): they
    # are indexed once, as the team's own entries, not on each service.
    entries.append(dict(priority=VIA_DIVISION, **own, **BORROWING))
    phones = [link.number for link in getattr(service, PHONE_LINKS)]
    entries += [dict(priority=NAME, **own, **number_fields(phone)) for phone in phones]
    if service.fax_number:
        entries.append(
            dict(priority=VIA_DIVISION, **own, **number_fields(service.fax_number))
        )
    # Its division answers for these numbers through them (sql/teams.py):
    # a team's number is not indexed again for each service that has it.
    return entries


def division_entries(division):
    own = {
        "kind": Kind.DIVISION,
        "object_id": division.pk,
        "sector_id": division.sector_id,
        "division_id": division.pk,
        "priority": DIVISION,
        "position": document_position(division.sector.position, item=division.position),
    }
    names = [*texts_of(division, "name"), *former_names(division)]
    texts = [(DIVISION, name) for name in names]
    texts += [(DIVISION, phrase) for _p, phrase in word_texts(division)]
    return entries_of(texts, **{k: v for k, v in own.items() if k != "priority"})


def commitment_entries(commitment):
    area = commitment.area
    own = {
        "kind": Kind.COMMITMENT,
        "object_id": commitment.pk,
        "commitment_id": commitment.pk,
        "sector_id": area.sector_id,
        "area_id": area.pk,
        "position": document_position(
            area.sector.position, area.number, commitment.position
        ),
    }
    texts = [(TITLE, title) for title in texts_of(commitment, "title")]
    texts += [
        (PLEDGE, text)
        for pledge in getattr(commitment, PLEDGES)
        for text in texts_of(pledge, "text")
    ]
    return entries_of(texts, **own)


def area_entries(area):
    own = {
        "kind": Kind.AREA,
        "object_id": area.pk,
        "sector_id": area.sector_id,
        "area_id": area.pk,
        "position": document_position(area.sector.position, area.number),
    }
    return entries_of([(TITLE, title) for title in texts_of(area, "title")], **own)


def helpline_entries(line):
    """Its names, what it is for and its search words in every language, and
    its number; help lines come before the document's records of equal rank."""
    own = {
        "kind": Kind.HELPLINE,
        "object_id": line.pk,
        "helpline_id": line.pk,
        "position": line.position,
    }
    texts = [(NAME, name) for name in texts_of(line, "name")]
    if hasattr(line, "purpose"):
        texts += [(TITLE, text) for text in texts_of(line, "purpose")]
    entries = entries_of(texts + word_texts(line), **own)
    return [*entries, dict(priority=NAME, **own, **number_fields(line.number))]
