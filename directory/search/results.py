"""What a search result shows: the record, its numbers, fax and division."""

from dataclasses import dataclass

from django.db.models import Prefetch

from standards.models import Commitment, PolicyArea

from ..models import Contact, Division, SearchEntry, Service, ServicePhone

Kind = SearchEntry.Kind


def division_numbers(ids, phone="contact_id", fax="fax_id"):
    """Each division's distinct phones and its first fax, as two dicts.

    In the order of the services in the document, read as plain values:
    building every service and every link of every division found would cost
    more than the search itself. A number is its contact's id, or whatever
    the ``phone`` and ``fax`` columns or expressions give.
    """
    order = ["area__sector__position", "area__number", "position"]
    phones = ServicePhone.objects.filter(service__division__in=ids).order_by(
        *(f"service__{field}" for field in order), "position"
    )
    phones = phones.values_list("service__division_id", phone)
    faxes = Service.objects.filter(division__in=ids, fax__isnull=False).order_by(*order)
    faxes = faxes.values_list("division_id", fax)
    numbers, first_fax = {}, {}
    for division, number in phones:
        numbers.setdefault(division, {}).setdefault(number, None)
    for division, number in faxes:
        first_fax.setdefault(division, number)
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
