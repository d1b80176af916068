"""What a search result shows, read for pages and the API alike.

Names, numbers and links, read as plain values in one written-out query per
kind of record (``sql``): building model instances cost more than finding
the records. Each number is formatted once.
"""

import datetime
import json
from dataclasses import dataclass, field, replace
from functools import lru_cache

from django.conf import settings
from django.db import connections, router
from django.urls import reverse
from modeltranslation.utils import build_localized_fieldname

from .. import phones
from ..models import HelpLine, SearchEntry, Service
from ..models.fields import Answering
from . import sql
from .sql.prepared import by_ids

Kind = SearchEntry.Kind


@lru_cache(maxsize=65536)
def national_of_e164(e164):
    """``phones.national`` of a number as stored, once per number: results
    show a team's numbers again and again."""
    return phones.national(e164)


@lru_cache(maxsize=65536)
def tel_uri_of_e164(e164, extension):
    """``phones.tel_uri`` of a number as stored, once per number and extension
    (parsing and formatting it was a fifth of an API search's time)."""
    return phones.tel_uri(e164, extension)


@dataclass(frozen=True)
class Number(Answering):
    """A phone or fax number as a result shows it, with the facts beside it:
    its schedule (``directory.hours``) and the codes of its languages."""

    number: str
    extension: str = ""
    hours: dict = field(default_factory=dict, hash=False)
    languages: list = field(default_factory=list, hash=False)
    last_verified: datetime.date | None = None

    @property
    def national(self):
        return national_of_e164(self.number)

    @property
    def label(self):
        # Most numbers have no extension: those take the cached national form.
        if not self.extension:
            return self.national
        return phones.label(self.number, self.extension)

    @property
    def tel_uri(self):
        if not self.number.startswith("+"):
            # A national help line (1345), dialled as it is written.
            return phones.dialled_tel_uri(self.number)
        return tel_uri_of_e164(self.number, self.extension)


class Texts:
    """A text in Korean and in one other language.

    The template tags read it as they read a model's translated field
    (``name_ko``, ``name_en``); ``str()`` gives the translation, else Korean.
    """

    def __init__(self, korean, language=None, translated=None):
        self.korean, self.translated = korean, translated or korean
        setattr(self, build_localized_fieldname("name", settings.LANGUAGE_CODE), korean)
        if language:
            setattr(self, build_localized_fieldname("name", language), translated)

    def __str__(self):
        return self.translated


@dataclass(frozen=True)
class Link:
    names: Texts
    url: str


@dataclass(frozen=True)
class Record:
    """One record found: its names, the numbers to call and the team answering."""

    kind: str
    url: str
    names: Texts
    phones: list
    fax: Number | None = None
    division: Link | None = None
    area: Texts | None = None

    @property
    def name(self):
        return self.names.korean

    @property
    def phones_in_order(self):
        """As a service names them, for the partial that lists its numbers."""
        return self.phones

    @property
    def kind_label(self):
        return Kind(self.kind).label


def url_of(name):
    """A function giving ``reverse(name, args=[pk])``, reversing only once:
    ``reverse()`` is costly, and a record's URL differs from another's only
    by its id."""
    marker = "987654321"
    head, tail = reverse(name, args=[marker]).rsplit(marker, 1)
    return lambda pk: f"{head}{pk}{tail}"


def fetch(query, pks):
    """Rows of a query whose one parameter is the list of ids ``{ids}``, read
    where the ORM would read them (the replica, when there is one)."""
    return by_ids(connections[router.db_for_read(Service)], query, pks)


def from_json(value, empty):
    """A JSON column read without the ORM: text on both databases."""
    if isinstance(value, str):
        value = json.loads(value)
    return value or empty


def number(values):
    e164, extension, hours, languages, verified = values
    if not e164:
        return None
    if isinstance(verified, str):
        # Read without the ORM, SQLite gives dates as text.
        verified = datetime.date.fromisoformat(verified)
    return Number(
        str(e164),
        extension or "",
        from_json(hours, {}),
        from_json(languages, []),
        verified,
    )


def gathered(rows, language):
    """Each record's names, distinct phones, first fax, first division and
    area, from rows of (key, names, division, area, fax, phone) in order."""
    found = {}
    for row in rows:
        key, name, translated, *division, area, area_translated = row[:8]
        numbers = row[8:]
        record = found.get(key)
        if record is None:
            names = Texts(name, language, translated)
            record = found[key] = {"names": names, "phones": {}}
        fax, phone = number(numbers[:5]), number(numbers[5:])
        if phone is not None:
            record["phones"].setdefault(phone.number, phone)
        if fax is not None:
            record.setdefault("fax", fax)
        if division[0] is not None:
            record.setdefault("division", tuple(division))
        if area is not None and "area" not in record:
            record["area"] = Texts(area, language, area_translated)
    return found


def load_records(kind, pks, language):
    """The records of one kind, by id."""
    rows = fetch(sql.QUERIES[kind](language), pks)
    division_url = url_of("directory:division-detail")
    if kind == Kind.HELPLINE:
        # The lines are listed together, on one page: each has its place.
        url = reverse(URL_NAMES[kind])
        rows = [((pk, f"{url}#line-{pk}"), *rest) for pk, *rest in rows]
    elif kind == Kind.COMMITMENT:
        url = url_of(URL_NAMES[kind])
        # Its address is a part of its area's page.
        rows = [
            ((pk, url(area) + f"#commitment-{pk}"), *rest) for pk, area, *rest in rows
        ]
    else:
        url = url_of(URL_NAMES[kind])
        rows = [((pk, url(pk)), *rest) for pk, *rest in rows]
    found = {}
    for (pk, address), record in gathered(rows, language).items():
        if "division" in record:
            division, name, translated = record.pop("division")
            names = Texts(name, language, translated)
            record["division"] = Link(names, division_url(division))
        record["phones"] = list(record["phones"].values())
        found[pk] = Record(kind, address, **record)
    if kind == Kind.HELPLINE:
        found = with_schedules(found)
    return found


def with_schedules(found):
    """Help lines with their schedules, which their query leaves out."""
    schedules = dict(HelpLine.objects.filter(pk__in=found).values_list("pk", "hours"))
    return {
        pk: replace(
            record,
            phones=[replace(phone, hours=schedules[pk]) for phone in record.phones],
        )
        for pk, record in found.items()
    }


URL_NAMES = {
    Kind.SERVICE: "directory:service-detail",
    Kind.DIVISION: "directory:division-detail",
    Kind.COMMITMENT: "directory:area-detail",
    Kind.AREA: "directory:area-detail",
    Kind.HELPLINE: "directory:helpline-list",
}


def records(rows, language=None):
    """The records of ranked (kind, id) rows, in their order.

    With a ``language``, their texts come in it too (beside the Korean).
    """
    found = {
        kind: load_records(kind, [pk for k, pk in rows if k == kind], language)
        for kind in {kind for kind, _pk in rows}
    }
    return [found[kind][pk] for kind, pk in rows if pk in found[kind]]
