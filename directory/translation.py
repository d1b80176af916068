"""The directory's texts that are translated (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Division, HelpLine, Service


@register(Division)
class DivisionTranslation(TranslationOptions):
    fields = ["name"]


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = ["name", "description"]


@register(HelpLine)
class HelpLineTranslation(TranslationOptions):
    fields = ["name", "purpose"]
