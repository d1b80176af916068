"""What a search result shows: the record, its numbers, fax and division."""

from dataclasses import dataclass

from django.db.models import Prefetch

from standards.models import Commitment, PolicyArea

from ..models import Contact, Division, SearchEntry, Service

Kind = SearchEntry.Kind


def division_numbers(ids):
    """Each division's distinct phone ids and its first fax id, as two dicts.

    In the order of the services in the document, read as plain values in one
    query (a row per phone of each service): building every service and every
    link of every division found would cost more than the search itself.
    """
    rows = Service.objects.filter(division__in=ids).order_by(
        "area__sector__position", "area__number", "position", "service_phones__position"
    )
    numbers, first_fax = {}, {}
    for division, phone, fax in rows.values_list(
        "division_id", "service_phones__contact", "fax"
    ):
        if phone is not None:
            numbers.setdefault(division, {}).setdefault(phone, None)
        if fax is not None:
            first_fax.setdefault(division, fax)
    return {division: list(found) for division, found in numbers.items()}, first_fax


def with_numbers(divisions):
    """Give each division the distinct numbers of its services, in their order."""
    numbers, fax = division_numbers([division.pk for division in divisions])
    pks = {pk for found in numbers.values() for pk in found} | set(fax.values())
    contacts = Contact.objects.in_bulk(pks)
    for division in divisions:
        division.search_phones = [contacts[pk] for pk in numbers.get(division.pk, [])]
        division.search_fax = contacts.get(fax.get(division.pk))
    return divisions


LOADERS = {
    Kind.SERVICE: lambda pks: Service.objects.with_contacts().in_bulk(pks),
    Kind.DIVISION: lambda pks: {
        d.pk: d for d in with_numbers(list(Division.objects.filter(pk__in=pks)))
    },
    Kind.COMMITMENT: lambda pks: (
        Commitment.objects.select_related("area")
        .prefetch_related(Prefetch("services", Service.objects.with_contacts()))
        .in_bulk(pks)
    ),
    Kind.AREA: lambda pks: PolicyArea.objects.select_related("sector").in_bulk(pks),
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
        """The name in the page's language (Korean where it is not translated)."""
        field = "title" if self.kind in (Kind.COMMITMENT, Kind.AREA) else "name"
        return getattr(self.object, field)

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
            return self.object.search_phones
        contacts = {c.pk: c for s in self.services for c in s.phones_in_order}
        return list(contacts.values())

    @property
    def fax(self):
        if self.kind == Kind.DIVISION:
            return self.object.search_fax
        return next((s.fax for s in self.services if s.fax), None)

    @property
    def division(self):
        if self.kind == Kind.DIVISION:
            return self.object
        return next((s.division for s in self.services), None)
