"""National help lines: what each is for, its languages, hours and source."""

from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from standards.models import OfficialText, natural_key_filter, natural_key_of

from .. import phones


class HelpLineQuerySet(models.QuerySet):
    def get_by_natural_key(self, *key):
        return self.get(**natural_key_filter(self.model, key))

    def in_language(self, code):
        """The lines that answer in this language (codes as LANGUAGES has them)."""
        return [line for line in self if code in line.language_codes]


class HelpLine(OfficialText, models.Model):
    """A national help line a migrant may need, often in the caller's language.

    Listed on its own page and the home page, beside the services whose
    questions it answers, and on translated service pages when it answers in
    the page's language, since the teams themselves may answer only in Korean.
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
    purpose = models.TextField(
        verbose_name=_("what it is for"),
        blank=True,
        help_text=_("In one or two plain sentences, say which questions it answers."),
    )
    services = models.ManyToManyField(
        "Service",
        verbose_name=_("services whose questions it answers"),
        related_name="help_lines",
        blank=True,
    )
    source = models.TextField(
        verbose_name=_("source"),
        help_text=_(
            "Name the official page or organisation these facts come from, with "
            "its address, so that staff can check them."
        ),
    )
    position = models.PositiveSmallIntegerField(verbose_name=_("order"), default=0)

    objects = HelpLineQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("help line")
        verbose_name_plural = _("help lines")

    def __str__(self):
        return f"{self.name} {self.number}"

    natural_key_fields = ("number",)

    def natural_key(self):
        return natural_key_of(self)

    @property
    def language_codes(self):
        return [code.strip() for code in self.languages.split(",") if code.strip()]

    @property
    def language_names(self):
        """Each language named in its own script: English, 中文, Tiếng Việt."""
        names = []
        for code in self.language_codes:
            try:
                names.append((code, get_language_info(code)["name_local"]))
            except KeyError:
                names.append((code, code))
        return names

    @property
    def around_the_clock(self):
        return self.opens is None or self.closes is None

    @property
    def tel_uri(self):
        return phones.dialled_tel_uri(self.number)
