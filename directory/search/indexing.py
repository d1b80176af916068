"""Writing the search entries (``entries.py`` builds them): one kind of
record, or every record anew."""

import re
from dataclasses import dataclass
from io import StringIO

from django.db import connection, transaction
from django.db.models import F, Prefetch, Q, TextField
from django.db.models.functions import Cast

from core.cache import invalidate_public_pages
from standards.models import Commitment, PolicyArea

from ..models import Division, HelpLine, SearchEntry, Service, ServicePhone
from . import fuzzy
from .entries import (
    PHONE_LINKS,
    PLEDGES,
    SEARCH_WORDS,
    area_entries,
    commitment_entries,
    division_entries,
    helpline_entries,
    service_entries,
)
from .fts import built_afterwards
from .workers import entry_batches

Kind = SearchEntry.Kind
BATCH_SIZE = 2000
# Within SQLite's 32,766 parameters a statement.
ROWS_PER_INSERT = 1000


def as_text(field):
    """A number as stored (E.164), not parsed into a ``PhoneNumber``: parsing
    every service's numbers took a fifth of a rebuild."""
    return Cast(field, TextField())


PHONES = ServicePhone.objects.order_by("position").annotate(
    number=as_text("contact__number")
)


# How each kind of record is loaded and turned into entries, and which
# entries it owns (a service owns its division's entries for its numbers).
SOURCES = {
    Kind.SERVICE: (
        lambda: (
            Service.objects.select_related("division")
            .annotate(
                fax_number=as_text("fax__number"),
                area_number=F("area__number"),
                sector=F("area__sector"),
                sector_position=F("area__sector__position"),
            )
            .prefetch_related(
                Prefetch("search_words", to_attr=SEARCH_WORDS),
                Prefetch("service_phones", PHONES, to_attr=PHONE_LINKS),
            )
        ),
        service_entries,
    ),
    Kind.DIVISION: (
        lambda: Division.objects.select_related("sector").prefetch_related(
            Prefetch("search_words", to_attr=SEARCH_WORDS)
        ),
        division_entries,
    ),
    Kind.COMMITMENT: (
        lambda: Commitment.objects.select_related("area__sector").prefetch_related(
            Prefetch("pledges", to_attr=PLEDGES)
        ),
        commitment_entries,
    ),
    Kind.AREA: (lambda: PolicyArea.objects.select_related("sector"), area_entries),
    Kind.HELPLINE: (
        lambda: HelpLine.objects.prefetch_related(
            Prefetch("search_words", to_attr=SEARCH_WORDS)
        ),
        helpline_entries,
    ),
}
OWNED = {
    Kind.SERVICE: ("service", Q(service__isnull=False)),
    Kind.DIVISION: ("object_id", Q(kind=Kind.DIVISION, service=None)),
    Kind.COMMITMENT: ("object_id", Q(kind=Kind.COMMITMENT)),
    Kind.AREA: ("object_id", Q(kind=Kind.AREA)),
    Kind.HELPLINE: ("object_id", Q(kind=Kind.HELPLINE)),
}


@transaction.atomic
def search_index(kind, pks=None):
    """Replace the entries of these records (of every record of the kind if None)."""
    load, build = SOURCES[kind]
    owner, owned = OWNED[kind]
    records = load()
    if pks is not None:
        pks = list(pks)
        records = records.filter(pk__in=pks)
        owned &= Q(**{f"{owner}__in": pks})
    # In one statement: no entry is loaded, and no signal is sent per entry
    # (nothing listens for entries; the page cache is emptied by the save).
    SearchEntry.objects.filter(owned)._raw_delete(SearchEntry.objects.db)
    count = len(pks) if pks is not None else records.count()
    rows = records.order_by().iterator(chunk_size=BATCH_SIZE)
    remembered = set()
    for ready in entry_batches(rows, build, count, prepared):
        write(ready, remembered)


COLUMNS = [
    field.column for field in SearchEntry._meta.concrete_fields if not field.primary_key
]
TEXT_COLUMNS = ["kind", "key", "words", "initials", "grams"]


@dataclass(frozen=True)
class Rows:
    """Entries made ready to write, with no database (so that a worker
    process can, ``workers.py``): on PostgreSQL as ``COPY`` text, elsewhere
    as they are; and their words for correcting slips."""

    entries: list
    words: frozenset
    copy: str = ""


def prepared(entries):
    # Written by priority and script, the entries a query reads (those of its
    # script) share pages: a Thai question's candidates filled a sixth of the
    # pages they were spread over among other scripts' entries.
    entries = sorted(entries, key=written_order)
    if connection.vendor == "postgresql" and entries:
        return Rows([], fuzzy.words_of(entries), copy_text(entries))
    return Rows(entries, fuzzy.words_of(entries))


def written_order(entry):
    """Priority, then script (``entries_of`` says it; a number has none)."""
    return entry["priority"], entry.get("script", "")


def write(rows, remembered=None):
    """Write the rows: with ``COPY`` on PostgreSQL, elsewhere in statements
    of many rows each (building model instances and ``bulk_create``'s
    per-value preparation took longer than the database took to store them);
    and their words, but those ``remembered`` as written before."""
    words = rows.words if remembered is None else rows.words - remembered
    fuzzy.remember(words)
    if remembered is not None:
        # The next batches' words are mostly these again.
        remembered |= words
    quote = connection.ops.quote_name
    table = quote(SearchEntry._meta.db_table)
    names = ", ".join(map(quote, COLUMNS))
    with connection.cursor() as cursor:
        if rows.copy:
            cursor.copy_expert(
                f"COPY {table} ({names}) FROM STDIN", StringIO(rows.copy)
            )
            return
        row = "(" + ", ".join(["%s"] * len(COLUMNS)) + ")"
        for start in range(0, len(rows.entries), ROWS_PER_INSERT):
            batch = rows.entries[start : start + ROWS_PER_INSERT]
            cursor.execute(
                f"INSERT INTO {table} ({names}) VALUES {', '.join([row] * len(batch))}",
                [e.get(column) for e in batch for column in COLUMNS],
            )


# COPY's text format: a backslash starts an escape, tabs and line ends part
# values and rows. Keys hold none of them; a search word might.
_COPY_SPECIAL = re.compile(r"[\\\t\n\r]")
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_text(entries):
    """The rows as COPY reads them: a line each, values parted by tabs, \\N
    for none. Each text is escaped only if the batch's texts hold a character
    COPY reads as more than itself (keys never do)."""
    texts = "".join(e[column] for e in entries for column in TEXT_COLUMNS)
    escaped = _COPY_SPECIAL.search(texts) is not None
    return "".join(
        "\t".join(
            "\\N"
            if value is None
            else str(value).translate(_COPY_ESCAPES)
            if escaped
            else str(value)
            for value in map(e.get, COLUMNS)
        )
        + "\n"
        for e in entries
    )


@transaction.atomic
def search_rebuild():
    """Index every record anew (after a bulk load that bypassed the signals).

    The pages cached before show the records as they were indexed, and the
    words a query's part matches (``sql.conditions.listed_codes``) are kept
    per generation of the page cache: both move on."""
    fuzzy.forget_all()
    with built_afterwards(connection):
        for kind in SOURCES:
            search_index(kind)
    invalidate_public_pages()
