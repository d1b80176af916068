from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def official_language():
    """Read and write translated fields as their official, Korean text.

    Usable as a context manager or a decorator.
    """
    return translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


class OfficialText:
    """A record with translated texts whose Korean text is the official one.

    django-modeltranslation gives each translated field a column per
    language and reads and writes the plain field in the active language.
    Saving in Korean keeps the plain column equal to the Korean text, whatever
    language the request that saves it is in (history records it the same way).
    """

    def save(self, *args, **kwargs):
        with official_language():
            super().save(*args, **kwargs)


class SectorManager(models.Manager):
    def get_by_natural_key(self, name):
        return self.get(name_ko=name)


class Sector(OfficialText, models.Model):
    # Unique by a constraint rather than unique=True, which the translation
    # columns would copy into the history tables, where names repeat.
    name = models.CharField(verbose_name=_("sector name"), max_length=100)
    title = models.CharField(
        verbose_name=_("document title"),
        max_length=200,
        help_text=_("Enter the title exactly as the standard document gives it."),
    )
    position = models.PositiveSmallIntegerField(verbose_name=_("order"), default=0)

    objects = SectorManager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.UniqueConstraint(fields=["name"], name="unique_sector_name"),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name_ko,)

    def get_absolute_url(self):
        return reverse("directory:sector-detail", args=[self.pk])


class PolicyAreaManager(models.Manager):
    def get_by_natural_key(self, sector_name, number):
        return self.get(sector__name_ko=sector_name, number=number)


class PolicyArea(OfficialText, models.Model):
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        related_name="areas",
    )
    number = models.PositiveSmallIntegerField(verbose_name=_("number"))
    title = models.CharField(verbose_name=_("title"), max_length=200)

    objects = PolicyAreaManager()

    class Meta:
        ordering = ["sector__position", "sector", "number"]
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")
        constraints = [
            models.UniqueConstraint(
                fields=["sector", "number"], name="unique_area_number_per_sector"
            ),
            models.UniqueConstraint(
                fields=["sector", "title"], name="unique_area_title_per_sector"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def natural_key(self):
        return (*self.sector.natural_key(), self.number)

    natural_key.dependencies = ["standards.sector"]

    def get_absolute_url(self):
        return reverse("directory:area-detail", args=[self.pk])


class CommitmentManager(models.Manager):
    def get_by_natural_key(self, sector_name, area_number, letter):
        return self.get(
            area__sector__name_ko=sector_name, area__number=area_number, letter=letter
        )


class Commitment(OfficialText, models.Model):
    area = models.ForeignKey(
        PolicyArea,
        verbose_name=_("policy area"),
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    position = models.PositiveSmallIntegerField(
        verbose_name=_("order"),
        help_text=_("Enter the order in the document: 가 is 1, 나 is 2, and so on."),
    )
    letter = models.CharField(verbose_name=_("letter"), max_length=2)
    title = models.CharField(verbose_name=_("title"), max_length=200)

    objects = CommitmentManager()

    class Meta:
        ordering = ["area__sector__position", "area__number", "position"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "position"], name="unique_commitment_position_per_area"
            ),
            models.UniqueConstraint(
                fields=["area", "letter"], name="unique_commitment_letter_per_area"
            ),
        ]

    def __str__(self):
        return f"{self.letter}. {self.title}"

    def natural_key(self):
        return (*self.area.natural_key(), self.letter)

    natural_key.dependencies = ["standards.policyarea"]

    def get_absolute_url(self):
        return f"{self.area.get_absolute_url()}#commitment-{self.pk}"


class PledgeManager(models.Manager):
    def get_by_natural_key(self, sector_name, area_number, letter, number):
        return self.get(
            commitment__area__sector__name_ko=sector_name,
            commitment__area__number=area_number,
            commitment__letter=letter,
            number=number,
        )


class Pledge(OfficialText, models.Model):
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="pledges",
    )
    number = models.PositiveSmallIntegerField(verbose_name=_("number"))
    text = models.TextField(verbose_name=_("pledge text"))

    objects = PledgeManager()

    class Meta:
        ordering = [
            "commitment__area__sector__position",
            "commitment__area__number",
            "commitment__position",
            "number",
        ]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "number"],
                name="unique_pledge_number_per_commitment",
            ),
        ]

    def __str__(self):
        return f"{self.number}) {self.text}"

    def natural_key(self):
        return (*self.commitment.natural_key(), self.number)

    natural_key.dependencies = ["standards.commitment"]
