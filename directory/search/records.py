"""The search API's records, read as plain values rather than as models.

The API shows names, numbers and a link. Building model instances for that,
each phone number parsed into an object on the way, cost more than finding
the records; these read just the columns shown and format each number once.
"""

from functools import lru_cache

import phonenumbers
from django.conf import settings
from django.db.models import CharField, F
from django.db.models.functions import Cast
from django.urls import reverse
from modeltranslation.utils import build_localized_fieldname

from standards.models import Commitment, PolicyArea

from ..models import Division, SearchEntry, Service, ServicePhone
from .results import division_numbers

Kind = SearchEntry.Kind
KOREAN = settings.LANGUAGE_CODE


@lru_cache(maxsize=65536)
def national(e164):
    """A stored number as Koreans write it: +82318030452 → 031-8030-4652."""
    number = phonenumbers.parse(e164)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def as_text(field):
    """A phone number column as its stored text, not parsed into an object."""
    return Cast(field, output_field=CharField())


def texts(field, language, via=None):
    """A translated field's Korean text and its text in ``language`` (if any).

    As two annotations, named after the field or after the relation ``via``
    that leads to it (when the language is Korean, both read one column).
    """
    path, label = (f"{via}__", via.split("__")[-1]) if via else ("", field)
    return {
        f"{label}_official": F(path + build_localized_fieldname(field, KOREAN)),
        f"{label}_local": F(
            path + build_localized_fieldname(field, language or KOREAN)
        ),
    }


def read(queryset, *columns, **annotations):
    """Rows of the columns, then of the annotations, as tuples.

    Unordered unless the queryset says otherwise: most are read into a dict,
    and the models' default orders would join tables only to sort.
    """
    if not queryset.query.order_by:
        queryset = queryset.order_by()
    return queryset.annotate(**annotations).values_list(*columns, *annotations)


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


def service_numbers(services):
    """Each service's phone numbers in order, as stored text."""
    numbers = {}
    links = ServicePhone.objects.filter(service__in=services).order_by("position")
    for service, number in links.values_list("service", as_text("contact__number")):
        numbers.setdefault(service, []).append(number)
    return numbers


def services(pks, language):
    rows = read(
        Service.objects.filter(pk__in=pks),
        "pk",
        **texts("name", language),
        **texts("name", language, via="division"),
        fax_number=as_text("fax__number"),
    )
    numbers = service_numbers(pks)
    return {
        pk: record(
            Kind.SERVICE,
            language,
            reverse("directory:service-detail", args=[pk]),
            (name, translated),
            numbers.get(pk, []),
            fax,
            (division, translated_division),
        )
        for pk, name, translated, division, translated_division, fax in rows
    }


def divisions(pks, language):
    numbers, fax = division_numbers(
        pks, as_text("contact__number"), as_text("fax__number")
    )
    rows = read(Division.objects.filter(pk__in=pks), "pk", **texts("name", language))
    return {
        pk: record(
            Kind.DIVISION,
            language,
            reverse("directory:division-detail", args=[pk]),
            (name, translated),
            numbers.get(pk, []),
            fax.get(pk),
            (name, translated),
        )
        for pk, name, translated in rows
    }


def commitments(pks, language):
    """A commitment answers with the numbers of the services fulfilling it."""
    links = Service.commitments.through.objects.filter(commitment__in=pks)
    linked = read(
        links.order_by(
            "service__area__sector__position",
            "service__area__number",
            "service__position",
        ),
        "commitment",
        "service",
        **texts("name", language, via="service__division"),
        fax_number=as_text("service__fax__number"),
    )
    linked = list(linked)
    numbers = service_numbers({service for _c, service, *_rest in linked})
    found = {}
    for commitment, service, division, translated_division, fax in linked:
        phones, faxes, divisions = found.setdefault(commitment, ({}, [], []))
        for number in numbers.get(service, []):
            phones.setdefault(number, None)
        faxes.append(fax)
        divisions.append((division, translated_division))
    rows = read(
        Commitment.objects.filter(pk__in=pks), "pk", "area", **texts("title", language)
    )
    records = {}
    for pk, area, title, translated in rows:
        phones, faxes, divisions = found.get(pk, ({}, [], []))
        url = reverse("standards:area-detail", args=[area]) + f"#commitment-{pk}"
        records[pk] = record(
            Kind.COMMITMENT,
            language,
            url,
            (title, translated),
            list(phones),
            next((fax for fax in faxes if fax), None),
            divisions[0] if divisions else (None, None),
        )
    return records


def areas(pks, language):
    rows = read(PolicyArea.objects.filter(pk__in=pks), "pk", **texts("title", language))
    return {
        pk: record(
            Kind.AREA,
            language,
            reverse("standards:area-detail", args=[pk]),
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
