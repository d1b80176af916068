"""Phone and fax numbers, each stored once and shared by the services using it."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from simple_history.models import HistoricalRecords
from simple_history.utils import get_history_manager_for_model

from core.cache import invalidate_public_pages
from standards.models import natural_key_filter, natural_key_of

from .. import phones
from .fields import AnsweringModel

# Staff confirm every service and number with its team at least this often
# (DJANGO_VERIFY_AFTER_DAYS). Kept for code that imports it; the querysets read
# the setting each time, so that tests and deployments may change it.
VERIFY_EVERY = datetime.timedelta(days=settings.VERIFY_AFTER_DAYS)


def verification_cutoff():
    """The earliest date a verification still counts as current."""
    return timezone.localdate() - datetime.timedelta(days=settings.VERIFY_AFTER_DAYS)


def validate_digits(value):
    if not (value.isascii() and value.isdigit()):
        raise ValidationError(_("Enter digits only."), code="invalid")


class VerifiableQuerySet(models.QuerySet):
    def needs_verification(self):
        """Rows never verified, or last verified before the period
        (``VERIFY_AFTER_DAYS``, 180 days by default)."""
        cutoff = verification_cutoff()
        return self.filter(
            models.Q(last_verified__isnull=True) | models.Q(last_verified__lt=cutoff)
        )

    def mark_confirmed_by_team(self, address):
        """Set today as the date last verified, as confirmed by a team's
        ``address``; numbers also keep the date the team confirmed them.

        Like ``mark_verified`` a queryset update, so the history is written
        here, with the address as the reason of the change.
        """
        today = timezone.localdate()
        fields = {"last_verified": today}
        if any(f.name == "confirmed_by_team_on" for f in self.model._meta.fields):
            fields["confirmed_by_team_on"] = today
        rows = self.model._base_manager.filter(
            pk__in=list(self.values_list("pk", flat=True))
        )
        count = rows.update(**fields)
        # The history is read by staff in Korean, whatever the team's page showed.
        with translation.override(settings.LANGUAGE_CODE):
            reason = _("Confirmed by the team (%(address)s)") % {"address": address}
        get_history_manager_for_model(self.model).bulk_history_create(
            list(rows), update=True, default_change_reason=Truncator(reason).chars(100)
        )
        if count:
            invalidate_public_pages()
        return count

    def mark_verified(self, user=None):
        """Set today as the date last verified, changing nothing else.

        A queryset update skips the history, so the new date is recorded there
        explicitly; the admin's check for concurrent edits relies on it. It
        sends no signal either, and public pages show the date.
        """
        pks = list(self.values_list("pk", flat=True))
        rows = self.model._base_manager.filter(pk__in=pks)
        count = rows.update(last_verified=timezone.localdate())
        get_history_manager_for_model(self.model).bulk_history_create(
            list(rows), update=True, default_user=user
        )
        if count:
            invalidate_public_pages()
        return count


class ContactQuerySet(VerifiableQuerySet):
    def get_by_natural_key(self, *key):
        return self.get(**natural_key_filter(self.model, key))

    def unused(self):
        """Numbers that no service lists as a phone or a fax."""
        return self.filter(service_phones__isnull=True, fax_services__isnull=True)


class Contact(AnsweringModel, models.Model):
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
    last_verified = models.DateField(
        verbose_name=_("last verified"), null=True, blank=True
    )
    confirmed_by_team_on = models.DateField(
        verbose_name=_("confirmed by the team on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The team in charge last confirmed this number on this date."),
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

    natural_key_fields = ("number",)

    def natural_key(self):
        return natural_key_of(self)

    @property
    def label(self):
        """The national number with its extension: 031-8030-4652 (내선 123)."""
        return phones.label(self.number, self.extension)

    @property
    def national(self):
        """The number as Koreans write it: 031-8030-4652."""
        return phones.national(self.number)

    @property
    def international(self):
        return phones.international(self.number)

    @property
    def tel_uri(self):
        return phones.tel_uri(self.number, self.extension)
