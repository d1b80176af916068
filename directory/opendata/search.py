"""``GET /api/v1/search``: ranked results for search boxes and other sites.

The operation alone validates its parameters; its errors are worded by the
API's handler (``errors.py``) like every other endpoint's.
"""

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from ninja import Field, Query, Router, Schema
from pydantic import field_validator
from pydantic_core import PydanticCustomError

from ..search import MAX_QUERY_LENGTH, clean_query
from ..search.ordering import best_for_text
from .answertime import AT, answer_time
from .filters import Language
from .schemas import ErrorOut, SearchOut

RESULTS, MAX_RESULTS = 20, 50

router = Router()


class SearchParams(Schema):
    q: str = Field(..., min_length=1, max_length=MAX_QUERY_LENGTH)
    limit: int = Field(RESULTS, ge=1, le=MAX_RESULTS)
    lang: Language | None = Field(
        None, description="Also give each name in this language."
    )

    @field_validator("q")
    @classmethod
    def cleaned(cls, value):
        """What was typed without control characters and extra spaces."""
        value = clean_query(value)
        # The messages are translated with the others, in errors.py.
        if not value:
            raise PydanticCustomError("required", "This field is required.")
        if len(value) > MAX_QUERY_LENGTH:
            raise PydanticCustomError(
                "string_too_long",
                "Enter at most {max_length} characters.",
                {"max_length": MAX_QUERY_LENGTH},
            )
        return value


class MarkupSafeJSONEncoder(DjangoJSONEncoder):
    """JSON with <, > and & escaped, so that text echoed back never reads as HTML."""

    ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}

    def encode(self, o):
        return super().encode(o).translate(self.ESCAPES)


def number_json(number, at):
    return {
        "number": number.national,
        "tel": number.tel_uri,
        "languages": number.languages,
        "hours": number.hours,
        "open_now": number.schedule.is_open(at),
        "next_open": number.schedule.next_open(at),
    }


def as_json(record, language, at):
    """One result as the API gives it: Korean names, and with a ``language``
    the names in it (Korean where there is no translation)."""
    division = record.division and record.division.names
    return {
        "type": record.kind,
        "name": record.names.korean,
        "url": record.url,
        "phones": [number.national for number in record.phones],
        "numbers": [number_json(number, at) for number in record.phones],
        "fax": record.fax.national if record.fax else None,
        "division": division.korean if division else None,
        "translation": language
        and {
            "lang": language,
            "name": record.names.translated,
            "division": division.translated if division else None,
        },
    }


# The operation id ninja gave it in api.py: clients generated from the
# OpenAPI document call it by that name.
@router.get(
    "/search",
    response={200: SearchOut, 400: ErrorOut, 422: ErrorOut},
    operation_id="directory_opendata_api_search",
    openapi_extra=AT,
)
def search(request, params: Query[SearchParams]):
    """Search services, divisions, commitments and areas, ranked; numbers too.

    With ``lang``, a number that answers in that language comes first, then
    one open at ``at`` (ISO 8601, default now)."""
    language = params.lang.value if params.lang else None
    at = answer_time(request)
    results = [
        as_json(record, language, at)
        for record in best_for_text(params.q, params.limit, language, at)
    ]
    return JsonResponse(
        {"query": params.q, "count": len(results), "results": results},
        encoder=MarkupSafeJSONEncoder,
        json_dumps_params={"ensure_ascii": False},
    )
