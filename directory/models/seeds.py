"""The ledger of what seeding and imports loaded (see directory.loading.loader)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
