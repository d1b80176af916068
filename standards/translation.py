"""The texts of a standard that are translated (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Commitment, Pledge, PolicyArea, Sector


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ["name", "title"]


@register(PolicyArea)
class PolicyAreaTranslation(TranslationOptions):
    fields = ["title"]


@register(Commitment)
class CommitmentTranslation(TranslationOptions):
    fields = ["title"]


@register(Pledge)
class PledgeTranslation(TranslationOptions):
    fields = ["text"]
