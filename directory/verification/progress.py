"""Which teams are due to confirm, and how far each has confirmed."""

from dataclasses import dataclass

from django.db.models import Q

from ..models import Contact, Division, Service
from ..models.contacts import verification_cutoff


def due_divisions():
    """Teams with a service or a number not verified within the period."""
    due_contacts = Contact.objects.needs_verification()
    return Division.objects.filter(
        Q(services__in=Service.objects.needs_verification())
        | Q(services__phones__in=due_contacts)
        | Q(services__fax__in=due_contacts)
    ).distinct()


def never_answered():
    """Teams that were sent requests and have not once used a link."""
    return (
        Division.objects.filter(verification_requests__sent_at__isnull=False)
        .exclude(verification_requests__used_at__isnull=False)
        .distinct()
    )


@dataclass
class Share:
    division: Division
    confirmed: int
    total: int

    @property
    def percent(self):
        return round(100 * self.confirmed / self.total) if self.total else 100

    def __str__(self):
        return f"{self.division.name} {self.percent}% ({self.confirmed}/{self.total})"


def number_shares():
    """Each team's share of its numbers verified within the period."""
    cutoff = verification_cutoff()
    shares = []
    for division in Division.objects.with_services():
        contacts = {c.pk: c for c in division.phones + division.faxes}.values()
        confirmed = sum(
            1 for c in contacts if c.last_verified and c.last_verified >= cutoff
        )
        shares.append(Share(division, confirmed, len(contacts)))
    return shares
