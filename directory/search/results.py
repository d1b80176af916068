"""What a search result shows: the record, its numbers, fax and division."""

from dataclasses import dataclass

from django.db.models import Prefetch

from standards.models import Commitment, PolicyArea

from ..models import Division, SearchEntry, Service, ServicePhone

Kind = SearchEntry.Kind


def numbers_of_services():
    """A division's services with only their numbers, each number loaded once.

    A division answers with the numbers of all its services; parsing every
    shared number once per service would cost more than the search itself.
    """
    links = ServicePhone.objects.order_by("position").prefetch_related("contact")
    return Prefetch(
        "services",
        Service.objects.prefetch_related(Prefetch("service_phones", links), "fax"),
    )


LOADERS = {
    Kind.SERVICE: lambda: Service.objects.with_contacts(),
    Kind.DIVISION: lambda: Division.objects.prefetch_related(numbers_of_services()),
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
