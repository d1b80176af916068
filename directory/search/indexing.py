"""Search entries: every searchable text of a record, normalised once on save.

A service owns the entries of its name, its division's names and its numbers,
and also the entries through which its division answers for those numbers, so
that re-indexing one service keeps every number current.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from modeltranslation.utils import build_localized_fieldname

from standards.models import Commitment, PolicyArea

from ..models import Division, SearchEntry, SearchGram, Service
from .text import (
    grams,
    initials_of,
    is_hangul,
    key_grams,
    phone_key,
    search_key,
    search_words,
)

Kind = SearchEntry.Kind

# Lower comes first: a service's name and numbers, then a division's, then
# services found through their division or fax, then the standard's text.
NAME, DIVISION, VIA_DIVISION, TITLE, PLEDGE = range(5)
BATCH_SIZE = 2000
LANGUAGES = settings.MODELTRANSLATION_LANGUAGES


def text_fields(text):
    key = search_key(text)
    initials = initials_of(key) if any(map(is_hangul, key)) else ""
    return {
        "key": key,
        "words": search_words(text),
        "initials": initials,
        "grams": grams(key),
    }


def number_fields(contact):
    key = phone_key(contact.number)
    return {"key": key, "words": f" {key} ", "initials": "", "grams": grams(key)}


def document_position(sector, area_number=0, item=0):
    """One number that sorts records as the standard documents list them."""
    return (sector.position * 1000 + area_number) * 100_000 + item


def texts_of(obj, field):
    """A translated field's Korean text and each of its translations.

    Every language is searched whatever the page's language: a migrant may
    type the name in English on a Korean page.
    """
    texts = [getattr(obj, build_localized_fieldname(field, code)) for code in LANGUAGES]
    return [text for text in dict.fromkeys(texts) if text]


def former_names(division):
    return [name for name in division.former_names.splitlines() if name.strip()]


def service_entries(service):
    area, division = service.area, service.division
    own = {
        "kind": Kind.SERVICE,
        "object_id": service.pk,
        "service": service,
        "sector_id": area.sector_id,
        "area": area,
        "division": division,
        "position": document_position(area.sector, area.number, service.position),
    }
    texts = [(NAME, name) for name in texts_of(service, "name")]
    texts += [(VIA_DIVISION, name) for name in texts_of(division, "name")]
    texts += [(VIA_DIVISION, name) for name in former_names(division)]
    entries = [
        SearchEntry(priority=priority, **own, **text_fields(text))
        for priority, text in texts
    ]
    phones = service.phones_in_order
    entries += [
        SearchEntry(priority=NAME, **own, **number_fields(phone)) for phone in phones
    ]
    if service.fax:
        entries.append(
            SearchEntry(priority=VIA_DIVISION, **own, **number_fields(service.fax))
        )
    entries += [
        SearchEntry(
            kind=Kind.DIVISION,
            object_id=division.pk,
            service=service,
            sector_id=area.sector_id,
            division=division,
            priority=DIVISION,
            position=document_position(area.sector, item=division.position),
            **number_fields(phone),
        )
        for phone in phones
    ]
    return entries


def division_entries(division):
    own = {
        "kind": Kind.DIVISION,
        "object_id": division.pk,
        "sector_id": division.sector_id,
        "division": division,
        "priority": DIVISION,
        "position": document_position(division.sector, item=division.position),
    }
    names = [*texts_of(division, "name"), *former_names(division)]
    return [SearchEntry(**own, **text_fields(name)) for name in names]


def commitment_entries(commitment):
    area = commitment.area
    own = {
        "kind": Kind.COMMITMENT,
        "object_id": commitment.pk,
        "commitment": commitment,
        "sector_id": area.sector_id,
        "area": area,
        "position": document_position(area.sector, area.number, commitment.position),
    }
    texts = [(TITLE, title) for title in texts_of(commitment, "title")]
    texts += [
        (PLEDGE, text)
        for pledge in commitment.pledges.all()
        for text in texts_of(pledge, "text")
    ]
    return [
        SearchEntry(priority=priority, **own, **text_fields(text))
        for priority, text in texts
    ]


def area_entries(area):
    return [
        SearchEntry(
            kind=Kind.AREA,
            object_id=area.pk,
            sector_id=area.sector_id,
            area=area,
            priority=TITLE,
            position=document_position(area.sector, area.number),
            **text_fields(title),
        )
        for title in texts_of(area, "title")
    ]


# How each kind of record is loaded and turned into entries, and which
# entries it owns (a service owns its division's entries for its numbers).
SOURCES = {
    Kind.SERVICE: (lambda: Service.objects.with_contacts(), service_entries),
    Kind.DIVISION: (
        lambda: Division.objects.select_related("sector"),
        division_entries,
    ),
    Kind.COMMITMENT: (
        lambda: Commitment.objects.select_related("area__sector").prefetch_related(
            "pledges"
        ),
        commitment_entries,
    ),
    Kind.AREA: (lambda: PolicyArea.objects.select_related("sector"), area_entries),
}
OWNED = {
    Kind.SERVICE: ("service", Q(service__isnull=False)),
    Kind.DIVISION: ("object_id", Q(kind=Kind.DIVISION, service=None)),
    Kind.COMMITMENT: ("object_id", Q(kind=Kind.COMMITMENT)),
    Kind.AREA: ("object_id", Q(kind=Kind.AREA)),
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
    SearchEntry.objects.filter(owned).delete()
    batch = []
    for record in records.order_by().iterator(chunk_size=BATCH_SIZE):
        batch += build(record)
        if len(batch) >= BATCH_SIZE:
            save_entries(batch)
            batch = []
    save_entries(batch)


def grams_of(entry):
    return [
        SearchGram(
            entry_id=entry.pk,
            gram=gram,
            tier=tier,
            priority=entry.priority,
            position=entry.position,
            kind=entry.kind,
            object_id=entry.object_id,
        )
        for gram, tier in key_grams(entry.key, entry.words, entry.initials).items()
    ]


def save_entries(entries):
    """Save new entries with their pieces of syllables."""
    SearchEntry.objects.bulk_create(entries)
    grams = [gram for entry in entries for gram in grams_of(entry)]
    SearchGram.objects.bulk_create(grams, batch_size=BATCH_SIZE)


def search_index_division(division):
    """A division's names, and its services, which carry its name too."""
    search_index(Kind.DIVISION, [division.pk])
    search_index(Kind.SERVICE, division.services.values_list("pk", flat=True))


def search_rebuild():
    """Index every record anew (after a bulk load that bypassed the signals)."""
    for kind in SOURCES:
        search_index(kind)
