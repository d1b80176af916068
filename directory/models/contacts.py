"""Phone and fax numbers, each stored once and shared by the services using it."""

import datetime

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from simple_history.models import HistoricalRecords
from simple_history.utils import get_history_manager_for_model

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
