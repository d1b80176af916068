"""Divisions (담당): the teams that answer for services."""

from django.core.validators import validate_email
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from standards.models import OfficialText, Sector, natural_key_filter, natural_key_of

from .services import Service


def email_lines(text):
    """The addresses in a text of one address a line, blank lines left out."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def validate_email_lines(text):
    for line in email_lines(text):
        validate_email(line)


class DivisionQuerySet(models.QuerySet):
    def get_by_natural_key(self, *key):
        return self.get(**natural_key_filter(self.model, key))

    def with_services(self):
        """Divisions with their services and every number, in document order."""
        return self.prefetch_related(
            models.Prefetch("services", Service.objects.with_contacts())
        )

    def for_page(self):
        """What a division's page or API record shows: its sector too."""
        return self.select_related("sector").with_services()

    def in_name_order(self):
        """The 가나다 order of the teams' Korean names, as their list says."""
        return self.order_by("name_ko", "pk")

    def for_cards(self):
        """What a division's card shows: its first services with their
        numbers, and how many it has in all (the card links to the rest).

        At province scale a team has dozens of services: listing each on
        every card made pages of hundreds of kilobytes.
        """
        # Counted per division shown, not over every service before the
        # page's slice is taken (a GROUP BY over all of them).
        counted = (
            Service.objects.filter(division=models.OuterRef("pk"))
            .order_by()
            .values("division")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(
            service_count=Coalesce(models.Subquery(counted), 0)
        ).prefetch_related(
            models.Prefetch(
                "services",
                Service.objects.with_contacts()[: Division.CARD_SERVICES],
                to_attr="card_services",
            )
        )


class Division(OfficialText, models.Model):
    # Services a card lists before it links to the division's page (the
    # largest team of the Gyeonggi standard has six).
    CARD_SERVICES = 6

    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        related_name="divisions",
    )
    name = models.CharField(verbose_name=_("division name"), max_length=100)
    former_names = models.TextField(
        verbose_name=_("former names"),
        blank=True,
        help_text=_(
            "Enter each earlier name of the division on its own line, so that "
            "searches by an old name still find it."
        ),
    )
    position = models.PositiveSmallIntegerField(
        verbose_name=_("order"),
        default=0,
        help_text=_("Enter the order in which the division first appears."),
    )
    work_emails = models.TextField(
        verbose_name=_("work e-mail addresses"),
        blank=True,
        validators=[validate_email_lines],
        help_text=_(
            "Enter each work e-mail address of the division on its own line; "
            "requests to confirm its numbers are sent there."
        ),
    )

    objects = DivisionQuerySet.as_manager()

    class Meta:
        ordering = ["sector__position", "sector", "position", "name"]
        verbose_name = _("division")
        verbose_name_plural = _("divisions")
        constraints = [
            models.UniqueConstraint(
                fields=["sector", "name"], name="unique_division_name_per_sector"
            ),
        ]

    def __str__(self):
        return self.name

    natural_key_fields = ("sector", "name")

    def natural_key(self):
        return natural_key_of(self)

    natural_key.dependencies = ["standards.sector"]

    def get_absolute_url(self):
        return reverse("directory:division-detail", args=[self.pk])

    @property
    def email_addresses(self):
        return email_lines(self.work_emails)

    @property
    def phones(self):
        """Distinct phone numbers, in the order the services list them."""
        seen = {}
        for service in self.services.all():
            for contact in service.phones_in_order:
                seen.setdefault(contact.pk, contact)
        return list(seen.values())

    @property
    def listed_services(self):
        """The services a card lists: the first few if loaded ``for_cards``."""
        if hasattr(self, "card_services"):
            return self.card_services
        return self.services.all()

    @property
    def faxes(self):
        return list({s.fax.pk: s.fax for s in self.listed_services if s.fax}.values())
