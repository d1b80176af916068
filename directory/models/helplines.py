"""Interpretation help lines shown on pages in other languages than Korean."""

from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from standards.models import OfficialText


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
