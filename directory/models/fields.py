"""Fields for what a number answers in and when: data, not free text."""

import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from .. import hours_text
from ..hours import Schedule, validate_schedule


def validate_languages(value):
    """A list of language codes that Django (or ``EXTRA_LANG_INFO``) can name."""
    if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
        raise ValidationError(_("Languages must be a list of codes."), code="invalid")
    for code in value:
        try:
            get_language_info(code)
        except KeyError:
            raise ValidationError(
                _("%(code)s is not a known language code."),
                code="unknown",
                params={"code": code},
            ) from None


class LanguagesField(models.JSONField):
    """The ISO 639 codes of the languages calls are answered in: ["ko", "vi"]."""

    default_validators = [validate_languages]

    def formfield(self, **kwargs):
        from ..admin.widgets import LanguagesFormField

        return super().formfield(**{"form_class": LanguagesFormField, **kwargs})


class ScheduleField(models.JSONField):
    """A weekly schedule in the shape ``directory.hours`` documents."""

    default_validators = [validate_schedule]

    def formfield(self, **kwargs):
        from ..admin.widgets import ScheduleFormField

        return super().formfield(**{"form_class": ScheduleFormField, **kwargs})


def language_names(codes):
    """(code, name in its own script) of each code: English, Tiếng Việt.

    The site's languages are named as its language menu names them; Django
    spells some names in decomposed Unicode, which the page keeps NFC.
    """
    site = dict(settings.LANGUAGES)
    names = []
    for code in codes or []:
        try:
            name = site.get(code) or get_language_info(code)["name_local"]
        except KeyError:
            name = code
        names.append((code, unicodedata.normalize("NFC", name)))
    return names


class Answering:
    """What models and search results with ``hours`` and ``languages`` share."""

    @property
    def schedule(self):
        return Schedule(self.hours)

    @property
    def language_names(self):
        return language_names(self.languages)

    @property
    def hours_lines(self):
        """The schedule in the active language, one line per period."""
        return hours_text.lines(self.schedule)

    @property
    def hours_lines_ko(self):
        with translation.override("ko"):
            return hours_text.lines(self.schedule)

    @property
    def state(self):
        """ "Open now · closes at 18:00" as of now, in the active language."""
        return hours_text.state_text(self.schedule)

    def answers_in(self, language):
        return language in (self.languages or [])


class AnsweringModel(Answering, models.Model):
    """The languages and hours of a number, as data and as its source says them."""

    languages = LanguagesField(
        verbose_name=_("languages"),
        default=list,
        blank=True,
        help_text=_("Choose the languages in which calls are answered."),
    )
    languages_note = models.CharField(
        verbose_name=_("languages as the source gives them"),
        max_length=300,
        blank=True,
        help_text=_(
            "Write the languages as the source says them, and name the source."
        ),
    )
    hours = ScheduleField(
        verbose_name=_("answering hours"),
        default=dict,
        blank=True,
        help_text=_(
            "Choose the days and times calls are answered; leave empty if "
            "they are not known."
        ),
    )
    hours_note = models.CharField(
        verbose_name=_("hours as the source gives them"),
        max_length=300,
        blank=True,
        help_text=_("Write the hours as the source says them, and name the source."),
    )

    class Meta:
        abstract = True
