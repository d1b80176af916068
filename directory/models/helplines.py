"""National help lines: what each is for, its languages, hours and source."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from standards.models import OfficialText, natural_key_filter, natural_key_of

from .. import phones
from .fields import AnsweringModel


class HelpLineQuerySet(models.QuerySet):
    def get_by_natural_key(self, *key):
        return self.get(**natural_key_filter(self.model, key))

    def in_language(self, code):
        """The lines that answer in this language (codes as LANGUAGES has them)."""
        return [line for line in self if line.answers_in(code)]


class HelpLine(AnsweringModel, OfficialText, models.Model):
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
    interpreted_by = models.ForeignKey(
        "self",
        verbose_name=_("line answering in other languages"),
        on_delete=models.SET_NULL,
        related_name="interpreted_lines",
        null=True,
        blank=True,
        help_text=_(
            "If this line answers in few languages, choose the line its source "
            "names for callers in other languages."
        ),
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

    def get_absolute_url(self):
        return reverse("directory:helpline-list") + f"#line-{self.pk}"

    @property
    def tel_uri(self):
        return phones.dialled_tel_uri(self.number)
