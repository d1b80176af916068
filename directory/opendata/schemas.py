"""What each API record looks like, also the OpenAPI document's schemas."""

from datetime import date, datetime
from typing import Generic, TypeVar

from ninja import Schema
from pydantic import Field

T = TypeVar("T")


class Page(Schema, Generic[T]):
    count: int = Field(description="Number of records matching the filters.")
    next: str | None = Field(description="URL of the next page, if any.")
    previous: str | None = Field(description="URL of the previous page, if any.")
    results: list[T]


class FieldError(Schema):
    message: str = Field(
        description="The reason, in Korean or in the language asked for "
        "(lang, else Accept-Language)."
    )
    code: str = Field(
        description="The reason for programs: int_parsing, missing, enum, "
        "datetime_parsing, greater_than_equal, less_than_equal, "
        "string_too_long, invalid_choice, …"
    )


class ErrorOut(Schema):
    errors: dict[str, list[FieldError]] = Field(
        description="The reason for each invalid parameter, by name."
    )


class NotFoundOut(Schema):
    detail: str = Field(description="Why there is nothing to show, translated.")


class PublicRecord(Schema):
    """A record with its public page and the time it last changed."""

    url: str = Field(description="Address of its public page.")
    updated: datetime | None

    @staticmethod
    def resolve_url(obj, context):
        return context["request"].build_absolute_uri(obj.get_absolute_url())


def official():
    """A field with the Korean text beside one given in the language asked for."""
    return Field(description="The official Korean text.")


class SectorRef(Schema):
    id: int
    name: str = Field(description="In the language asked for with lang.")
    name_ko: str = official()


class AreaRef(Schema):
    id: int
    number: int
    title: str = Field(description="In the language asked for with lang.")
    title_ko: str = official()


class DivisionRef(Schema):
    id: int
    name: str = Field(description="In the language asked for with lang.")
    name_ko: str = official()


class SectorOut(SectorRef, PublicRecord):
    title: str
    title_ko: str = official()


class AreaOut(AreaRef, PublicRecord):
    sector: SectorRef


class PledgeOut(Schema):
    number: int
    text: str
    text_ko: str = official()


class CommitmentOut(PublicRecord):
    id: int
    letter: str
    title: str
    title_ko: str = official()
    area: AreaRef
    pledges: list[PledgeOut]

    @staticmethod
    def resolve_pledges(obj):
        return list(obj.pledges.all())


def context_time(context):
    """The time the caller asked about (``at=``), else now."""
    request = context.get("request") if context else None
    return getattr(request, "answer_time", None)


class AnsweringOut(Schema):
    """Whom a number answers and when: the same fields wherever it appears."""

    languages: list[str] = Field(description='ISO 639 codes: ["ko", "vi"].')
    languages_note: str = Field(description="The languages as the source says.")
    hours: dict = Field(
        description="Weekly schedule: {periods: [{days, opens, closes, lunch}], "
        "open_on_holidays}; Korean time, closed on Korean public holidays "
        "unless open_on_holidays. Empty if not known."
    )
    hours_note: str = Field(description="The hours as the source says.")
    open_now: bool | None = Field(
        description="Answering at the time asked (at=, default now); null "
        "if the hours are not known."
    )
    next_open: datetime | None = Field(
        description="When it next opens, if closed then (Asia/Seoul)."
    )

    @staticmethod
    def resolve_open_now(obj, context):
        return obj.schedule.is_open(context_time(context))

    @staticmethod
    def resolve_next_open(obj, context):
        return obj.schedule.next_open(context_time(context))


class HelpLineOut(AnsweringOut):
    id: int
    name: str = Field(description="In the language asked for with lang.")
    name_ko: str = official()
    number: str = Field(description="As dialled in Korea: 1345, 1577-1366.")
    tel: str
    purpose: str
    url: str = Field(description="Its place on the help lines page.")
    source: str

    @staticmethod
    def resolve_tel(obj):
        return obj.tel_uri

    @staticmethod
    def resolve_url(obj, context):
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class ContactOut(AnsweringOut):
    id: int
    kind: str = Field(description="phone or fax")
    number: str = Field(description="Korean national format: 031-8030-4652")
    e164: str = Field(description="International format: +82318030465")
    extension: str
    tel: str = Field(description="tel: URI, with the extension if any")
    last_verified: date | None
    updated: datetime | None = None

    @staticmethod
    def resolve_number(obj):
        return obj.national

    @staticmethod
    def resolve_e164(obj):
        return obj.number.as_e164

    @staticmethod
    def resolve_tel(obj):
        return obj.tel_uri

    @staticmethod
    def resolve_updated(obj):
        return getattr(obj, "updated", None)


class ServiceOut(PublicRecord):
    id: int
    name: str = Field(description="In the language asked for with lang.")
    name_ko: str = official()
    sector: SectorRef
    area: AreaRef
    division: DivisionRef
    commitments: list[int] = Field(description="Ids of the commitments it fulfils.")
    phones: list[ContactOut]
    fax: ContactOut | None
    last_verified: date | None

    @staticmethod
    def resolve_sector(obj):
        return obj.area.sector

    @staticmethod
    def resolve_commitments(obj):
        return [commitment.pk for commitment in obj.commitments.all()]

    @staticmethod
    def resolve_phones(obj):
        return obj.phones_in_order


class DivisionOut(DivisionRef, PublicRecord):
    sector: SectorRef
    services: list[int] = Field(description="Ids of the division's services.")
    phones: list[ContactOut]
    faxes: list[ContactOut]

    @staticmethod
    def resolve_services(obj):
        return [service.pk for service in obj.services.all()]


class SearchTranslationOut(Schema):
    lang: str
    name: str = Field(description="The name in that language, or in Korean.")
    division: str | None


class SearchNumberOut(Schema):
    number: str
    tel: str
    languages: list[str]
    hours: dict
    open_now: bool | None
    next_open: datetime | None


class SearchResultOut(Schema):
    type: str = Field(description="service, division, commitment, area or helpline")
    name: str = Field(description="The official Korean name or title.")
    url: str
    phones: list[str]
    numbers: list[SearchNumberOut] = Field(
        description="The phones with their languages and hours, in order."
    )
    fax: str | None
    division: str | None = Field(description="The Korean name of the division.")
    translation: SearchTranslationOut | None = Field(
        description="The names in the language asked for with lang, if any."
    )


class SearchOut(Schema):
    query: str
    count: int = Field(description="Number of results returned.")
    results: list[SearchResultOut]
