"""Answering a query: which entries match, how they rank and what they show.

Every match is a ``LIKE`` on a precomputed key, one code path for SQLite and
PostgreSQL. On PostgreSQL, trigram indexes serve queries of three characters
or more directly; one- and two-character queries look up the space-separated
character pairs instead (" 상담 " is a whole word there, which a trigram index
finds, where '%상담%' would scan every row).
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Lookup,
    Min,
    Prefetch,
    Q,
    When,
)
from django.db.models import Value as V

from standards.models import Commitment, PolicyArea

from ..models import Division, SearchEntry, Service, Synonym
from .text import (
    clean_query,
    is_hangul,
    is_initials,
    keyboard_readings,
    search_key,
    typed_number,
)

Kind = SearchEntry.Kind
MAX_ALTERNATIVES = 5
# Ranks within one priority: exact, prefix, whole word, part of a word; each
# once for the words typed and once for a synonym or a correction of them.
TIERS = 8


class Like(Lookup):
    """``LIKE`` with the caller's own wildcards (keys hold no % or _)."""

    lookup_name = "like"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} LIKE {rhs}", [*lhs_params, *rhs_params]


SearchEntry._meta.get_field("key").register_lookup(Like)


def synonyms_of(key):
    """The key with each word staff listed as a synonym swapped for its pair."""
    found = []
    for term, synonym in Synonym.objects.values_list("term", "synonym"):
        term, synonym = search_key(term), search_key(synonym)
        for word, other in ((term, synonym), (synonym, term)):
            if word and other and word in key:
                found.append(key.replace(word, other))
    return [alt for alt in dict.fromkeys(found) if alt != key][:MAX_ALTERNATIVES]


def _column(key):
    return "initials" if is_initials(key) else "key"


def _matches(key):
    if len(key) >= 3:
        return Q(**{f"{_column(key)}__contains": key})
    if len(key) == 2:
        return Q(grams__contains=f" {key} ")
    return Q(grams__contains=f" {key}")


def _any(keys, test):
    q = Q()
    for key in keys:
        q |= test(key)
    return q


def _rank(keys, alternatives):
    """Priority first (names, divisions, the standard's text), then match tier."""
    tests = [
        lambda key: Q(**{_column(key): key}),
        lambda key: Q(**{f"{_column(key)}__startswith": key}),
        lambda key: Q(words__contains=f" {key} "),
        _matches,
    ]
    whens = []
    for tier, test in enumerate(tests):
        whens.append(When(_any(keys, test), then=V(2 * tier)))
        if alternatives:
            whens.append(When(_any(alternatives, test), then=V(2 * tier + 1)))
    tier = Case(*whens, default=V(TIERS - 1), output_field=IntegerField())
    return F("priority") * TIERS + tier


def _slips(key):
    """Entries with the key but for one mistyped syllable (four or more)."""
    if len(key) < 4 or not all(map(is_hangul, key)):
        return None
    q = Q()
    for i in range(len(key)):
        left, right = key[:i], key[i + 1 :]
        slip = Q(key__like=f"%{left}_{right}%")
        longer = max(left, right, key=len)
        if len(longer) == 2:
            # No whole trigram in the pattern: let the pair index narrow it.
            slip &= Q(grams__contains=f" {longer} ")
        q |= slip
    return q


class Search:
    """The answer to one query: the matching entries and how to rank them.

    When nothing matches as typed, the query is read as Hangul typed with an
    English keyboard layout, then with one syllable mistyped; ``corrected``
    and ``approximate`` tell which reading answered.
    """

    def __init__(self, text):
        self.text = clean_query(text)
        self.corrected = ""
        self.approximate = False
        self.keys, self.alternatives = [], []
        self.entries = self._entries()

    def _entries(self):
        key = typed_number(self.text) or search_key(self.text)
        if not key:
            return SearchEntry.objects.none()
        self.keys, self.alternatives = [key], synonyms_of(key)
        entries = SearchEntry.objects.filter(
            _any(self.keys + self.alternatives, _matches)
        )
        if entries.exists():
            return entries
        readings = keyboard_readings(self.text)
        for reading in readings:
            self.alternatives = [reading, *synonyms_of(reading)]
            found = SearchEntry.objects.filter(_any(self.alternatives, _matches))
            if found.exists():
                self.corrected = reading
                return found
        for candidate in [key, *readings]:
            slips = _slips(candidate)
            found = SearchEntry.objects.filter(slips) if slips else None
            if found is not None and found.exists():
                self.approximate = True
                self.alternatives = []
                return found
        return entries

    def ranked(self, entries=None):
        """(kind, id) of each matching record, best first, ties in document order."""
        entries = self.entries if entries is None else entries
        return (
            entries.annotate(rank=_rank(self.keys, self.alternatives))
            .values("kind", "object_id")
            .annotate(best=Min("rank"), order=Min("position"))
            .order_by("best", "order", "kind", "object_id")
        )

    def results(self, entries=None, limit=20):
        """The best ``limit`` records, loaded with what a result shows."""
        if not self.keys:
            return []
        rows = list(self.ranked(entries)[:limit])
        loaded = {
            kind: LOADERS[kind]().in_bulk(
                [row["object_id"] for row in rows if row["kind"] == kind]
            )
            for kind in {row["kind"] for row in rows}
        }
        return [
            Result(row["kind"], loaded[row["kind"]][row["object_id"]])
            for row in rows
            if row["object_id"] in loaded[row["kind"]]
        ]

    def sections(self, entries=None, limit=50):
        """The results grouped by kind (services first), each with its count."""
        entries = self.entries if entries is None else entries
        counts = _counts(entries, "kind")
        return [
            Section(kind, counts[kind], self.results(entries.filter(kind=kind), limit))
            for kind in Kind.values
            if counts[kind]
        ]

    def facets(self):
        """How many records match for each sector, area, division and kind."""
        return {
            field: _counts(self.entries, field)
            for field in ["sector", "area", "division", "kind"]
        }


def _counts(entries, field):
    """Matching records per value of the field (an entry is one text of one)."""
    counts = Counter()
    rows = entries.values_list(field, "kind").annotate(
        n=Count("object_id", distinct=True)
    )
    for value, _kind, n in rows.order_by():
        if value is not None:
            counts[value] += n
    return counts


LOADERS = {
    Kind.SERVICE: lambda: Service.objects.with_contacts(),
    Kind.DIVISION: lambda: Division.objects.with_services(),
    Kind.COMMITMENT: lambda: Commitment.objects.select_related("area").prefetch_related(
        Prefetch("services", Service.objects.with_contacts())
    ),
    Kind.AREA: lambda: PolicyArea.objects.select_related("sector"),
}


@dataclass
class Section:
    kind: str
    count: int
    results: list

    @property
    def label(self):
        return Kind(self.kind).label


@dataclass
class Result:
    """One record found, with the number to call and the team answering it."""

    kind: str
    object: object

    @property
    def kind_label(self):
        return Kind(self.kind).label

    @property
    def name(self):
        return getattr(self.object, "name", None) or self.object.title

    @property
    def url(self):
        return self.object.get_absolute_url()

    @property
    def services(self):
        if self.kind == Kind.SERVICE:
            return [self.object]
        if self.kind == Kind.AREA:
            return []
        return list(self.object.services.all())

    @property
    def phones(self):
        if self.kind == Kind.DIVISION:
            return self.object.phones
        contacts = {c.pk: c for s in self.services for c in s.phones_in_order}
        return list(contacts.values())

    @property
    def fax(self):
        return next((s.fax for s in self.services if s.fax), None)

    @property
    def division(self):
        if self.kind == Kind.DIVISION:
            return self.object
        return next((s.division for s in self.services), None)

    def as_dict(self):
        return {
            "type": self.kind,
            "name": self.name,
            "url": self.url,
            "phones": [contact.national for contact in self.phones],
            "fax": self.fax.national if self.fax else None,
            "division": self.division.name if self.division else None,
        }
