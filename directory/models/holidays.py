"""Public holidays the government declares at short notice (임시공휴일)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DeclaredHoliday(models.Model):
    """A temporary public holiday, which no calendar library knows in advance.

    Offices close on it as on any public holiday (``directory.holidays``).
    """

    date = models.DateField(verbose_name=_("date"), unique=True)
    name = models.CharField(
        verbose_name=_("holiday name"),
        max_length=100,
        help_text=_("Write the name as the government announced it."),
    )
    source = models.CharField(
        verbose_name=_("source"),
        max_length=300,
        help_text=_("Name the announcement that declared it, with its address."),
    )

    history = HistoricalRecords(
        verbose_name=_("declared public holiday history"),
        verbose_name_plural=_("declared public holiday history"),
    )

    class Meta:
        ordering = ["-date"]
        verbose_name = _("declared public holiday")
        verbose_name_plural = _("declared public holidays")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"
