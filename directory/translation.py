"""The directory's texts that are translated (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Division, Service


@register(Division)
class DivisionTranslation(TranslationOptions):
    fields = ["name"]


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = ["name"]
