"""Temporary public holidays (임시공휴일) that staff add when one is declared."""

from django.contrib import admin

from core.admin import HistoryAdmin

from ..models import DeclaredHoliday


@admin.register(DeclaredHoliday)
class DeclaredHolidayAdmin(HistoryAdmin):
    list_display = ["date", "name", "source"]
    search_fields = ["name", "source"]
    date_hierarchy = "date"
