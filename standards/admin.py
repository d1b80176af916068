from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.admin import HistoryAdmin

from .models import Commitment, Pledge, PolicyArea, Sector


class PolicyAreaInline(TranslationTabularInline):
    model = PolicyArea
    extra = 0
    show_change_link = True


class CommitmentInline(TranslationTabularInline):
    model = Commitment
    extra = 0
    show_change_link = True


class PledgeInline(TranslationTabularInline):
    model = Pledge
    extra = 0


@admin.register(Sector)
class SectorAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["name", "title", "position"]
    search_fields = ["name", "title"]
    inlines = [PolicyAreaInline]


@admin.register(PolicyArea)
class PolicyAreaAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["__str__", "sector"]
    list_filter = ["sector"]
    search_fields = ["title"]
    list_select_related = ["sector"]
    inlines = [CommitmentInline]


@admin.register(Commitment)
class CommitmentAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["__str__", "area"]
    list_filter = ["area__sector", "area"]
    search_fields = ["title", "pledges__text"]
    list_select_related = ["area"]
    autocomplete_fields = ["area"]
    inlines = [PledgeInline]


@admin.register(Pledge)
class PledgeAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["__str__", "commitment"]
    list_filter = ["commitment__area__sector", "commitment__area"]
    search_fields = ["text"]
    list_select_related = ["commitment"]
    autocomplete_fields = ["commitment"]
