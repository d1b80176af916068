import datetime

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from simple_history.models import HistoricalRecords
from simple_history.utils import get_history_manager_for_model

from standards.models import Commitment, OfficialText, PolicyArea, Sector

# Staff confirm every service and number with its team at least this often.
VERIFY_EVERY = datetime.timedelta(days=180)


def validate_digits(value):
    if not (value.isascii() and value.isdigit()):
        raise ValidationError(_("Enter digits only."), code="invalid")


class VerifiableQuerySet(models.QuerySet):
    def needs_verification(self):
        """Rows never verified, or last verified more than 180 days ago."""
        cutoff = timezone.localdate() - VERIFY_EVERY
        return self.filter(
            models.Q(last_verified__isnull=True) | models.Q(last_verified__lt=cutoff)
        )

    def mark_verified(self, user=None):
        """Set today as the date last verified, changing nothing else.

        A queryset update skips the history, so the new date is recorded there
        explicitly; the admin's check for concurrent edits relies on it.
        """
        pks = list(self.values_list("pk", flat=True))
        rows = self.model._base_manager.filter(pk__in=pks)
        count = rows.update(last_verified=timezone.localdate())
        get_history_manager_for_model(self.model).bulk_history_create(
            list(rows), update=True, default_user=user
        )
        return count


class DivisionQuerySet(models.QuerySet):
    def get_by_natural_key(self, sector_name, name):
        return self.get(sector__name_ko=sector_name, name_ko=name)

    def with_services(self):
        """Divisions with their services and every number, in document order."""
        return self.prefetch_related(
            models.Prefetch("services", Service.objects.with_contacts())
        )


class Division(OfficialText, models.Model):
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

    def natural_key(self):
        return (*self.sector.natural_key(), self.name_ko)

    natural_key.dependencies = ["standards.sector"]

    def get_absolute_url(self):
        return reverse("directory:division-detail", args=[self.pk])

    @property
    def phones(self):
        """Distinct phone numbers, in the order the services list them."""
        seen = {}
        for service in self.services.all():
            for contact in service.phones_in_order:
                seen.setdefault(contact.pk, contact)
        return list(seen.values())

    @property
    def faxes(self):
        return list({s.fax.pk: s.fax for s in self.services.all() if s.fax}.values())


class ContactQuerySet(VerifiableQuerySet):
    def get_by_natural_key(self, number):
        return self.get(number=number)

    def unused(self):
        """Numbers that no service lists as a phone or a fax."""
        return self.filter(service_phones__isnull=True, fax_services__isnull=True)


class Contact(models.Model):
    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone")
        FAX = "fax", _("Fax")

    number = PhoneNumberField(
        verbose_name=_("number"),
        region="KR",
        unique=True,
        help_text=_("Enter the number in any form, such as 031-8030-4652."),
    )
    extension = models.CharField(
        verbose_name=_("extension"),
        max_length=10,
        blank=True,
        validators=[validate_digits],
        help_text=_("Enter the extension in digits if callers must ask for one."),
    )
    kind = models.CharField(
        verbose_name=_("kind"), max_length=5, choices=Kind, default=Kind.PHONE
    )
    hours = models.CharField(
        verbose_name=_("answering hours"),
        max_length=100,
        blank=True,
        help_text=_("Enter when calls are answered, such as 평일 09:00–18:00."),
    )
    languages = models.CharField(
        verbose_name=_("languages"),
        max_length=200,
        blank=True,
        help_text=_(
            "Enter the languages in which calls are answered, such as 한국어, 영어."
        ),
    )
    last_verified = models.DateField(
        verbose_name=_("last verified"), null=True, blank=True
    )

    objects = ContactQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name=_("contact number history"),
        verbose_name_plural=_("contact number history"),
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("contact number")
        verbose_name_plural = _("contact numbers")

    def __str__(self):
        return self.label

    def natural_key(self):
        return (str(self.number),)

    @property
    def label(self):
        """The national number with its extension: 031-8030-4652 (내선 123)."""
        if not self.extension:
            return self.national
        return _("%(number)s (ext. %(extension)s)") % {
            "number": self.national,
            "extension": self.extension,
        }

    @property
    def national(self):
        """The number as Koreans write it: 031-8030-4652."""
        return phonenumbers.format_number(
            self.number, phonenumbers.PhoneNumberFormat.NATIONAL
        )

    @property
    def international(self):
        return phonenumbers.format_number(
            self.number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )

    @property
    def tel_uri(self):
        number = phonenumbers.PhoneNumber()
        number.merge_from(self.number)
        number.extension = self.extension or None
        return phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.RFC3966
        )


class ServiceQuerySet(VerifiableQuerySet):
    def get_by_natural_key(self, sector_name, area_number, name):
        return self.get(
            area__sector__name_ko=sector_name, area__number=area_number, name_ko=name
        )

    def with_contacts(self):
        """Load what a list of services shows: area, division, phones and fax."""
        return self.select_related("area__sector", "division", "fax").prefetch_related(
            models.Prefetch(
                "service_phones",
                ServicePhone.objects.select_related("contact").order_by("position"),
            )
        )

    def without_phone(self):
        return self.filter(service_phones__isnull=True)

    def in_area(self, area):
        return self.filter(area=area)

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
        Division,
        verbose_name=_("division"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    name = models.CharField(verbose_name=_("service name"), max_length=200)
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
        ordering = ["area__sector__position", "area__number", "position"]
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

    def __str__(self):
        return self.name

    def natural_key(self):
        return (*self.area.natural_key(), self.name_ko)

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
        from .search import index_letter

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
        after = [
            link.contact
            for link in self.service_phones.select_related("contact").order_by(
                "position"
            )
        ]
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
    def get_by_natural_key(self, sector_name, area_number, service_name, number):
        return self.get(
            service__area__sector__name_ko=sector_name,
            service__area__number=area_number,
            service__name_ko=service_name,
            contact__number=number,
        )


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

    def natural_key(self):
        return (*self.service.natural_key(), str(self.contact.number))

    natural_key.dependencies = ["directory.service", "directory.contact"]


class SeedRecord(models.Model):
    """A row that seeding or a document import has put in the database.

    Seeding consults this ledger so that a row staff renamed or deleted is not
    brought back by the next deployment. Importing also keeps the values it
    gave the row: a row whose values no longer match them was edited by staff
    and is not overwritten.
    """

    model = models.CharField(verbose_name=_("model"), max_length=100)
    key = models.CharField(verbose_name=_("natural key"), max_length=500)
    values = models.JSONField(
        verbose_name=_("values as loaded"),
        null=True,
        blank=True,
        help_text=_(
            "Shows the fields as the fixture or document last gave them; "
            "empty when the row was removed."
        ),
    )
    seeded_at = models.DateTimeField(verbose_name=_("seeded at"), auto_now_add=True)

    class Meta:
        ordering = ["seeded_at", "pk"]
        verbose_name = _("seed record")
        verbose_name_plural = _("seed records")
        constraints = [
            models.UniqueConstraint(fields=["model", "key"], name="unique_seed_record"),
        ]

    def __str__(self):
        return f"{self.model} {self.key}"


class SynonymQuerySet(models.QuerySet):
    def get_by_natural_key(self, term, synonym):
        return self.get(term=term, synonym=synonym)


class Synonym(models.Model):
    """A word people use in place of the document's own word, both ways."""

    term = models.CharField(verbose_name=_("word"), max_length=50)
    synonym = models.CharField(
        verbose_name=_("synonym"),
        max_length=50,
        help_text=_("Enter a word that people type instead of the word above."),
    )

    objects = SynonymQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name=_("synonym history"), verbose_name_plural=_("synonym history")
    )

    class Meta:
        ordering = ["term", "synonym"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        constraints = [
            models.UniqueConstraint(
                fields=["term", "synonym"], name="unique_synonym_pair"
            ),
        ]

    def __str__(self):
        return f"{self.term} ↔ {self.synonym}"

    def natural_key(self):
        return (self.term, self.synonym)


class HelpLineQuerySet(models.QuerySet):
    def get_by_natural_key(self, number):
        return self.get(number=number)


class HelpLine(OfficialText, models.Model):
    """A national help line that interprets for callers in other languages.

    Shown on translated service pages, since the teams themselves may answer
    only in Korean.
    """

    name = models.CharField(verbose_name=_("help line name"), max_length=100)
    number = models.CharField(
        verbose_name=_("number"),
        max_length=20,
        unique=True,
        help_text=_("Enter the number as callers dial it in Korea, such as 1345."),
    )
    languages = models.CharField(
        verbose_name=_("languages"),
        max_length=300,
        help_text=_(
            "Enter the codes of the languages answered, separated by commas, "
            "such as en, zh-hans, vi, ru."
        ),
    )
    opens = models.TimeField(verbose_name=_("opens at"), null=True, blank=True)
    closes = models.TimeField(verbose_name=_("closes at"), null=True, blank=True)
    every_day = models.BooleanField(
        verbose_name=_("open every day"),
        default=False,
        help_text=_("Tick if calls are also answered at weekends and on holidays."),
    )
    position = models.PositiveSmallIntegerField(verbose_name=_("order"), default=0)

    objects = HelpLineQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("help line")
        verbose_name_plural = _("help lines")

    def __str__(self):
        return f"{self.name} {self.number}"

    def natural_key(self):
        return (self.number,)

    @property
    def language_names(self):
        """Each language named in its own script: English, 中文, Tiếng Việt."""
        names = []
        for code in self.languages.split(","):
            code = code.strip()
            try:
                names.append(get_language_info(code)["name_local"])
            except KeyError:
                names.append(code)
        return [name for name in names if name]

    @property
    def around_the_clock(self):
        return self.opens is None or self.closes is None

    @property
    def tel_uri(self):
        return "tel:" + "".join(ch for ch in self.number if ch.isdigit())


def entry_of(model, verbose_name, **options):
    """A search entry's link to a record it belongs to, or is filtered by."""
    return models.ForeignKey(
        model,
        verbose_name=verbose_name,
        on_delete=models.CASCADE,
        related_name="search_entries",
        **options,
    )


class SearchEntry(models.Model):
    """One searchable text of a public record, normalised when it is saved.

    Written only by ``directory.search``; the foreign keys both delete the
    entry with its record and carry the search page's filters.
    """

    class Kind(models.TextChoices):
        SERVICE = "service", _("Service")
        DIVISION = "division", _("Team")
        COMMITMENT = "commitment", _("Commitment")
        AREA = "area", _("Policy area")

    kind = models.CharField(verbose_name=_("kind"), max_length=10, choices=Kind)
    object_id = models.PositiveBigIntegerField(verbose_name=_("record"))
    priority = models.PositiveSmallIntegerField(verbose_name=_("priority"))
    position = models.BigIntegerField(verbose_name=_("order"))
    sector = entry_of(Sector, _("sector"))
    area = entry_of(PolicyArea, _("policy area"), null=True)
    division = entry_of(Division, _("division"), null=True)
    service = entry_of(Service, _("service"), null=True)
    commitment = entry_of(Commitment, _("commitment"), null=True)
    key = models.TextField(verbose_name=_("search key"))
    words = models.TextField(verbose_name=_("words"))
    initials = models.TextField(verbose_name=_("initial consonants"))
    grams = models.TextField(verbose_name=_("character pairs"))

    class Meta:
        ordering = ["priority", "position"]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            models.Index(fields=["kind", "object_id"]),
            # Whole phone numbers are looked up by prefix (PostgreSQL needs
            # the pattern operator class for LIKE 'x%'; others ignore it).
            models.Index(
                fields=["key"],
                name="directory_searchentry_key_like",
                opclasses=["text_pattern_ops"],
            ),
        ]

    def __str__(self):
        return self.key


class SearchPair(models.Model):
    """Two adjacent syllables of a search entry, and how well they match it.

    The most common query is two syllables long (상담, 지원), and it can match
    a tenth of all entries; kept in ranking order under one index, its best
    matches are read from the start of that index instead of ranking them all.
    """

    entry = models.ForeignKey(
        SearchEntry,
        verbose_name=_("search entry"),
        on_delete=models.CASCADE,
        related_name="pairs",
    )
    pair = models.CharField(verbose_name=_("syllable pair"), max_length=2)
    priority = models.PositiveSmallIntegerField(verbose_name=_("priority"))
    tier = models.PositiveSmallIntegerField(verbose_name=_("match tier"))
    position = models.BigIntegerField(verbose_name=_("order"))
    kind = models.CharField(
        verbose_name=_("kind"), max_length=10, choices=SearchEntry.Kind
    )
    object_id = models.PositiveBigIntegerField(verbose_name=_("record"))

    class Meta:
        verbose_name = _("syllable pair")
        verbose_name_plural = _("syllable pairs")
        indexes = [
            # Holds every column a query reads: an index-only scan.
            models.Index(
                fields=["pair", "priority", "tier", "position", "kind", "object_id"],
                name="directory_searchpair_ranked",
            )
        ]

    def __str__(self):
        return self.pair


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Report.Status.OPEN)

    def close(self, status, user=None):
        """Resolve or dismiss the open reports among these.

        Staff have checked each reported service and number with the team, so
        both count as verified today.
        """
        reports = list(self.open())
        for report in reports:
            report.status = status
            report.closed_at = timezone.now()
            report.save(update_fields=["status", "closed_at"])
        Service.objects.filter(reports__in=reports).mark_verified(user=user)
        Contact.objects.filter(reports__in=reports).mark_verified(user=user)
        return len(reports)


class Report(models.Model):
    """A member of the public's note that something on a service page is wrong.

    A report never changes public data: staff check it, correct the record
    themselves and resolve or dismiss the report.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")
        DISMISSED = "dismissed", _("Dismissed")

    service = models.ForeignKey(
        Service,
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("wrong number"),
        on_delete=models.SET_NULL,
        related_name="reports",
        null=True,
        blank=True,
    )
    problem = models.TextField(verbose_name=_("what is wrong"), max_length=1000)
    correction = models.CharField(
        verbose_name=_("correction"), max_length=500, blank=True
    )
    status = models.CharField(
        verbose_name=_("status"), max_length=10, choices=Status, default=Status.OPEN
    )
    created_at = models.DateTimeField(verbose_name=_("reported at"), auto_now_add=True)
    closed_at = models.DateTimeField(verbose_name=_("closed at"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name=_("report history"), verbose_name_plural=_("report history")
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report from the public")
        verbose_name_plural = _("reports from the public")

    def __str__(self):
        return _("Report %(pk)s on %(service)s") % {
            "pk": self.pk,
            "service": self.service,
        }
