"""The search API's records, read as plain values in one query per kind.

The API shows names, numbers and a link. Building model instances for that
cost more than finding the records, and so did composing each query with
the ORM: on a two-core server, composing the three or four queries of a
request took longer than PostgreSQL took to answer them. These queries are
fixed but for the number of records asked for, so they are written out
here, once, with every table and column name taken from the models; the SQL
is the same on SQLite and PostgreSQL. Each number is formatted once.
"""

from functools import lru_cache

import phonenumbers
from django.conf import settings
from django.db import connection, connections, router
from django.urls import reverse
from modeltranslation.utils import build_localized_fieldname

from standards.models import Commitment, PolicyArea, Sector

from ..models import Contact, Division, SearchEntry, Service, ServicePhone

Kind = SearchEntry.Kind
KOREAN = settings.LANGUAGE_CODE


@lru_cache(maxsize=65536)
def national(e164):
    """A stored number as Koreans write it: +82318030452 → 031-8030-4652."""
    number = phonenumbers.parse(e164)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


class Table:
    """A model's table under an alias: ``t`` in FROM and JOIN, ``t["field"]``
    for a column, ``t.texts("field", language)`` for a translated field's."""

    def __init__(self, model, alias):
        self.model, self.alias = model, alias

    def __str__(self):
        quote = connection.ops.quote_name
        return f"{quote(self.model._meta.db_table)} {self.alias}"

    def __getitem__(self, field):
        column = self.model._meta.get_field(field).column
        return f"{self.alias}.{connection.ops.quote_name(column)}"

    def texts(self, field, language):
        """The field in Korean, then in ``language`` (Korean again if none)."""
        return ", ".join(
            self[build_localized_fieldname(field, code)]
            for code in (KOREAN, language or KOREAN)
        )


def url_of(name):
    """A function giving ``reverse(name, args=[pk])``, reversing only once.

    Twenty calls of ``reverse()`` took a tenth of a request; a record's URL
    differs from another's only by its id.
    """
    marker = "987654321"
    head, tail = reverse(name, args=[marker]).rsplit(marker, 1)
    return lambda pk: f"{head}{pk}{tail}"


def fetch(sql, pks):
    """Rows of a query whose one parameter is the list of ids ``{ids}``, read
    where the ORM would read them (the replica, when there is one)."""
    pks = list(pks)
    with connections[router.db_for_read(Service)].cursor() as cursor:
        cursor.execute(sql.format(ids=", ".join(["%s"] * len(pks))), pks)
        return cursor.fetchall()


# A service's phones in their order, and its fax.
SERVICE, DIVISION = Table(Service, "s"), Table(Division, "d")
LINK, PHONE, FAX = Table(ServicePhone, "sp"), Table(Contact, "p"), Table(Contact, "f")
NUMBERS = f"""
    LEFT JOIN {LINK} ON {LINK["service"]} = {SERVICE["id"]}
    LEFT JOIN {PHONE} ON {PHONE["id"]} = {LINK["contact"]}
    LEFT JOIN {FAX} ON {FAX["id"]} = {SERVICE["fax"]}
"""
# The services of a division or a commitment in the order of the document.
AREA, SECTOR = Table(PolicyArea, "a"), Table(Sector, "sc")
IN_ORDER = f"""
    LEFT JOIN {AREA} ON {AREA["id"]} = {SERVICE["area"]}
    LEFT JOIN {SECTOR} ON {SECTOR["id"]} = {AREA["sector"]}
    {NUMBERS}
"""
ORDER = (
    f"{SECTOR['position']}, {AREA['number']}, {SERVICE['position']}, {LINK['position']}"
)


def record(kind, language, url, texts, phones=(), fax=None, divisions=(None, None)):
    """One result as the API gives it; ``texts`` and ``divisions`` are
    (Korean, translation) pairs, the translation falling back to Korean and
    given only when a ``language`` was asked for."""
    name, translated = texts
    division, translated_division = divisions
    translation = language and {
        "lang": language,
        "name": translated or name,
        "division": translated_division or division,
    }
    return {
        "type": kind,
        "name": name,
        "url": url,
        "phones": [national(number) for number in phones],
        "fax": national(fax) if fax else None,
        "division": division,
        "translation": translation,
    }


def services(pks, language):
    rows = fetch(
        f"""
        SELECT {SERVICE["id"]}, {SERVICE.texts("name", language)},
            {DIVISION.texts("name", language)}, {FAX["number"]}, {PHONE["number"]}
        FROM {SERVICE} JOIN {DIVISION} ON {DIVISION["id"]} = {SERVICE["division"]}
        {NUMBERS}
        WHERE {SERVICE["id"]} IN ({{ids}})
        ORDER BY {LINK["position"]}
        """,
        pks,
    )
    url = url_of("directory:service-detail")
    return {
        pk: record(Kind.SERVICE, language, url(pk), texts, phones, fax, division)
        for pk, (texts, phones, fax, division) in gathered(rows).items()
    }


def gathered(rows):
    """(texts, distinct phones, first fax, first division) of each record,
    from rows of (key, *texts, *division names, fax, phone) in order."""
    found = {}
    for key, name, translated, division, translated_division, fax, phone in rows:
        texts, phones, faxes, divisions = found.setdefault(
            key, ((name, translated), {}, [], [])
        )
        if phone:
            phones.setdefault(phone, None)
        if fax:
            faxes.append(fax)
        if division:
            divisions.append((division, translated_division))
    return {
        key: (
            texts,
            list(phones),
            faxes[0] if faxes else None,
            divisions[0] if divisions else (None, None),
        )
        for key, (texts, phones, faxes, divisions) in found.items()
    }


def divisions(pks, language):
    """A division answers with the distinct numbers of its services."""
    # Its names twice: as the record's, and as the division answering.
    rows = fetch(
        f"""
        SELECT {DIVISION["id"]}, {DIVISION.texts("name", language)},
            {DIVISION.texts("name", language)}, {FAX["number"]}, {PHONE["number"]}
        FROM {DIVISION}
        LEFT JOIN {SERVICE} ON {SERVICE["division"]} = {DIVISION["id"]}
        {IN_ORDER}
        WHERE {DIVISION["id"]} IN ({{ids}})
        ORDER BY {ORDER}
        """,
        pks,
    )
    url = url_of("directory:division-detail")
    return {
        pk: record(
            Kind.DIVISION,
            language,
            url(pk),
            texts,
            phones,
            fax,
            texts,
        )
        for pk, (texts, phones, fax, _division) in gathered(rows).items()
    }


COMMITMENT = Table(Commitment, "c")
FULFILS = Table(Service.commitments.through, "sc_link")


def commitments(pks, language):
    """A commitment answers with the numbers of the services fulfilling it."""
    rows = fetch(
        f"""
        SELECT {COMMITMENT["id"]}, {COMMITMENT["area"]},
            {COMMITMENT.texts("title", language)},
            {DIVISION.texts("name", language)}, {FAX["number"]}, {PHONE["number"]}
        FROM {COMMITMENT}
        LEFT JOIN {FULFILS} ON {FULFILS["commitment"]} = {COMMITMENT["id"]}
        LEFT JOIN {SERVICE} ON {SERVICE["id"]} = {FULFILS["service"]}
        LEFT JOIN {DIVISION} ON {DIVISION["id"]} = {SERVICE["division"]}
        {IN_ORDER}
        WHERE {COMMITMENT["id"]} IN ({{ids}})
        ORDER BY {ORDER}
        """,
        pks,
    )
    found = gathered(((pk, area), *rest) for pk, area, *rest in rows)
    url = url_of("directory:area-detail")
    return {
        pk: record(
            Kind.COMMITMENT,
            language,
            f"{url(area)}#commitment-{pk}",
            texts,
            phones,
            fax,
            division,
        )
        for (pk, area), (texts, phones, fax, division) in found.items()
    }


def areas(pks, language):
    rows = fetch(
        f"SELECT {AREA['id']}, {AREA.texts('title', language)} FROM {AREA} "
        f"WHERE {AREA['id']} IN ({{ids}})",
        pks,
    )
    url = url_of("directory:area-detail")
    return {
        pk: record(
            Kind.AREA,
            language,
            url(pk),
            (title, translated),
        )
        for pk, title, translated in rows
    }


READERS = {
    Kind.SERVICE: services,
    Kind.DIVISION: divisions,
    Kind.COMMITMENT: commitments,
    Kind.AREA: areas,
}


def api_records(rows, language=None):
    """The API's results for ranked (kind, id) rows, in their order.

    With a ``language``, each result also carries its names in it.
    """
    found = {
        kind: READERS[kind]([pk for k, pk in rows if k == kind], language)
        for kind in {kind for kind, _pk in rows}
    }
    return [found[kind][pk] for kind, pk in rows if pk in found[kind]]
