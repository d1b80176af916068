"""Which teams are due to confirm, and how far each has confirmed."""

from dataclasses import dataclass

from django.db.models import Q

from ..models import Contact, Division, Service, ServicePhone
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


def team_numbers():
    """Each team's numbers (its services' phones and faxes, once each), with
    the date each was last verified: a set of (team's pk, number's pk, date)."""
    phones = ServicePhone.objects.filter(service__division__isnull=False)
    faxes = Service.objects.filter(division__isnull=False, fax__isnull=False)
    return {
        *phones.order_by()
        .values_list("service__division", "contact", "contact__last_verified")
        .distinct(),
        *faxes.order_by()
        .values_list("division", "fax", "fax__last_verified")
        .distinct(),
    }


def divisions_with_numbers_due():
    """Teams with a number (a phone or fax of one of their services) not
    verified within the period."""
    due = Contact.objects.needs_verification()
    by_phone = ServicePhone.objects.filter(contact__in=due).values("service__division")
    by_fax = Service.objects.filter(fax__in=due).values("division")
    return Division.objects.filter(Q(pk__in=by_phone) | Q(pk__in=by_fax))


def shares_due(limit):
    """The ``limit`` teams with the smallest share of their numbers verified
    within the period, of those with any not verified, worst first.

    Counted from the pairs of team and number alone: loading every team with
    its services and numbers took 50 s at national size (15,000 teams)."""
    cutoff = verification_cutoff()
    counts = {}
    for team, _number, verified in team_numbers():
        total, confirmed = counts.get(team, (0, 0))
        counts[team] = (total + 1, confirmed + bool(verified and verified >= cutoff))
    worst = sorted(
        (confirmed / total, team, confirmed, total)
        for team, (total, confirmed) in counts.items()
        if confirmed < total
    )[:limit]
    teams = Division.objects.in_bulk([team for _share, team, _c, _t in worst])
    return [
        Share(teams[team], confirmed, total) for _s, team, confirmed, total in worst
    ]
