"""Services, with each service's phone numbers in order."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from simple_history.utils import get_history_manager_for_model

from standards.models import (
    Commitment,
    DocumentQuerySet,
    OfficialText,
    PolicyArea,
    document_order,
    natural_key_filter,
    natural_key_of,
)

from .contacts import Contact, VerifiableQuerySet


class ServiceQuerySet(DocumentQuerySet, VerifiableQuerySet):
    def get_by_natural_key(self, *key):
        return self.get(**natural_key_filter(self.model, key))

    def with_contacts(self):
        """Load what a list of services shows: area, division, phones and fax."""
        return self.select_related("area__sector", "division", "fax").with_phones()

    def with_phones(self):
        """Each service's phone numbers, in the order it lists them."""
        return self.prefetch_related(
            models.Prefetch("service_phones", ServicePhone.objects.in_order())
        )

    def for_page(self):
        """What a service's page and its API record show: commitments too."""
        return self.with_contacts().prefetch_related("commitments")

    def in_name_order(self):
        """The 가나다 order of the index of services."""
        return self.order_by("name_ko", "pk")

    def without_phone(self):
        return self.filter(service_phones__isnull=True)

    def in_area(self, area):
        return self.filter(area=area)

    def first_of_each_area(self, count):
        """The first ``count`` services of each area, in the document's order."""
        nth = Window(RowNumber(), partition_by=F("area"), order_by=F("position").asc())
        return self.annotate(nth_in_area=nth).filter(nth_in_area__lte=count)

    def in_sector(self, sector):
        return self.filter(area__sector=sector)


class Service(OfficialText, models.Model):
    area = models.ForeignKey(
        PolicyArea,
        verbose_name=_("policy area"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    division = models.ForeignKey(
        "Division",
        verbose_name=_("division"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    name = models.CharField(verbose_name=_("service name"), max_length=200)
    description = models.TextField(
        verbose_name=_("what the service is for"),
        blank=True,
        help_text=_("In one or two plain sentences, say who it helps and with what."),
    )
    position = models.PositiveSmallIntegerField(
        verbose_name=_("order"),
        help_text=_("Enter the row number of the service in its table."),
    )
    commitments = models.ManyToManyField(
        Commitment,
        verbose_name=_("commitments"),
        related_name="services",
        blank=True,
        help_text=_("Choose the commitments of the standard this service fulfils."),
    )
    phones = models.ManyToManyField(
        Contact,
        verbose_name=_("phone numbers"),
        through="ServicePhone",
        related_name="services",
    )
    fax = models.ForeignKey(
        Contact,
        verbose_name=_("fax"),
        on_delete=models.PROTECT,
        related_name="fax_services",
        limit_choices_to={"kind": Contact.Kind.FAX},
        null=True,
        blank=True,
    )
    last_verified = models.DateField(
        verbose_name=_("last verified"), null=True, blank=True
    )

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = document_order("area", "position")
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "position"], name="unique_service_position_per_area"
            ),
            models.UniqueConstraint(
                fields=["area", "name"], name="unique_service_name_per_area"
            ),
        ]
        indexes = [
            # The 가나다 index (``in_name_order``) pages through this rather
            # than sorting every name for each page.
            models.Index(fields=["name_ko", "id"], name="service_name_order"),
        ]

    def __str__(self):
        return self.name

    natural_key_fields = ("area", "name")

    def natural_key(self):
        return natural_key_of(self)

    natural_key.dependencies = ["standards.policyarea", "directory.division"]

    def get_absolute_url(self):
        return reverse("directory:service-detail", args=[self.pk])

    def clean(self):
        sector_id = self.area.sector_id if self.area_id else None
        if self.division_id and sector_id and self.division.sector_id != sector_id:
            raise ValidationError(
                {"division": _("The division must belong to the same sector.")}
            )
        if sector_id and self.name:
            same_name = Service.objects.filter(
                area__sector_id=sector_id, name_ko=self.name_ko
            )
            if same_name.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"name": _("A service with this name exists in this sector.")}
                )
        if self.fax_id and self.fax.kind != Contact.Kind.FAX:
            raise ValidationError({"fax": _("Choose a fax number.")})

    @property
    def index_letter(self):
        from ..search import index_letter

        return index_letter(self.name_ko)

    @property
    def phones_in_order(self):
        return [link.contact for link in self.service_phones.all()]

    def set_phone_numbers(self, numbers):
        """Make ``numbers`` this service's phones, in order, adding new numbers."""
        contacts = [
            Contact.objects.get_or_create(
                number=number, defaults={"kind": Contact.Kind.PHONE}
            )[0]
            for number in numbers
        ]
        before = self.phones_in_order
        if contacts == before:
            return
        # Delete first: the new order would clash with the unique positions.
        self.service_phones.all().delete()
        for position, contact in enumerate(contacts, 1):
            ServicePhone.objects.create(
                service=self, contact=contact, position=position
            )
        self.record_phones_change(before)

    def record_phones_change(self, before, user=None):
        """Note in the service's history that its phones changed from ``before``.

        Phones are rows of their own (ServicePhone); without this entry the
        service's history page would not show that its numbers changed.
        """
        after = [link.contact for link in self.service_phones.in_order()]
        if after == list(before):
            return
        reason = _("Phone numbers: %(old)s → %(new)s") % {
            "old": ", ".join(contact.label for contact in before) or "-",
            "new": ", ".join(contact.label for contact in after) or "-",
        }
        get_history_manager_for_model(Service).bulk_history_create(
            [self],
            update=True,
            default_user=user,
            default_change_reason=Truncator(reason).chars(100),
        )


class ServicePhoneQuerySet(models.QuerySet):
    def in_order(self):
        """Numbers in the order their service lists them, with their contact.

        Only ``position``: ordering by the service as well would join it.
        """
        return self.select_related("contact").order_by("position")

    def get_by_natural_key(self, *key):
        return self.get(**natural_key_filter(self.model, key))


class ServicePhone(models.Model):
    service = models.ForeignKey(
        Service,
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="service_phones",
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("phone number"),
        on_delete=models.PROTECT,
        related_name="service_phones",
        limit_choices_to={"kind": Contact.Kind.PHONE},
    )
    position = models.PositiveSmallIntegerField(verbose_name=_("order"), default=1)

    objects = ServicePhoneQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name=_("service phone number history"),
        verbose_name_plural=_("service phone number history"),
    )

    class Meta:
        ordering = ["service", "position"]
        verbose_name = _("service phone number")
        verbose_name_plural = _("service phone numbers")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "contact"], name="unique_phone_per_service"
            ),
            models.UniqueConstraint(
                fields=["service", "position"], name="unique_phone_position_per_service"
            ),
        ]

    def __str__(self):
        return f"{self.service} · {self.contact}"

    natural_key_fields = ("service", "contact")

    def natural_key(self):
        return natural_key_of(self)

    natural_key.dependencies = ["directory.service", "directory.contact"]
