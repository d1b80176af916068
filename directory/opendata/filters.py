"""The API's query parameters, and the filters they apply to querysets."""

from datetime import UTC, datetime
from enum import Enum
from typing import Annotated

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Schema
from pydantic import field_validator
from pydantic_core import PydanticCustomError

from standards.models import PolicyArea, Sector

from ..models import Division
from .changes import changed_since, with_updated

PAGE_SIZE = 50
MAX_ID = 2**53
MAX_PAGE_SIZE = 100

Language = Enum(
    "Language", {code: code for code, _name in settings.LANGUAGES}, type=str
)


class InvalidFilter(Exception):
    """A filter naming a record that does not exist."""

    def __init__(self, name, pk):
        super().__init__(name, pk)
        self.name, self.pk = name, pk

    def errors(self):
        """The reason, worded when the response's language is known."""
        message = _("No %(name)s with id %(id)s.") % {"name": self.name, "id": self.pk}
        return {self.name: [{"message": message, "code": "invalid_choice"}]}


class ListFilters(Schema):
    lang: Language | None = Field(None, description="Language of the texts.")
    updated_since: datetime | None = Field(
        None, description="Only records changed at or after this time (ISO 8601)."
    )
    page: int = Field(1, ge=1, le=100000)
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)

    @field_validator("updated_since")
    @classmethod
    def within_range(cls, value):
        # Years near 1 or 9999 overflow once the database converts the offset.
        if value is None:
            return value
        if not 1900 <= value.year <= 9000:
            # The message is translated with the others, in errors.py.
            raise PydanticCustomError(
                "datetime_out_of_range", "Enter a time between 1900 and 9000."
            )
        # A time without an offset is Korean time, as on every public page;
        # others become UTC, since PostgreSQL refuses offsets past ±15:59.
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value.astimezone(UTC)


class SectorFilters(ListFilters):
    sector: int | None = Field(None, ge=1, le=MAX_ID, description="Sector id.")


class AreaFilters(SectorFilters):
    area: int | None = Field(None, ge=1, le=MAX_ID, description="Policy area id.")


class ServiceFilters(AreaFilters):
    division: int | None = Field(None, ge=1, le=MAX_ID, description="Division id.")


# Ninja, not Django's converter, reads the id, so that any bad id is a JSON 400.
RecordId = Annotated[int, Path(ge=1, le=MAX_ID)]


class DetailOptions(Schema):
    lang: Language | None = Field(None, description="Language of the texts.")


def check_exists(model, name, pk):
    """Refuse a filter naming a record that does not exist, with the reason."""
    if pk is not None and not model.objects.filter(pk=pk).exists():
        raise InvalidFilter(name, pk)


FILTER_MODELS = {"sector": Sector, "area": PolicyArea, "division": Division}
SERVICE_LOOKUPS = {"sector": "area__sector", "area": "area", "division": "division"}


def narrowed(queryset, filters, **lookups):
    """Apply the sector, area and division filters through ``lookups``, each
    as the rows it keeps: a lookup through many rows (a division's services'
    areas) then never repeats a row, and no DISTINCT over every column of
    every row is needed (2 s a page at 150,000 services)."""
    for name, lookup in lookups.items():
        value = getattr(filters, name)
        check_exists(FILTER_MODELS[name], name, value)
        if value is not None:
            kept = queryset.model.objects.filter(**{lookup: value}).values("pk")
            queryset = queryset.filter(pk__in=kept)
    return queryset


def filtered(queryset, filters, **lookups):
    """Apply the list filters this endpoint knows, and ``updated_since``."""
    queryset = narrowed(queryset, filters, **lookups)
    if filters.updated_since:
        queryset = changed_since(queryset, filters.updated_since)
    return with_updated(queryset)
