"""What every answer of the JSON API carries: its records in the language
asked for, links to its pages, and headers saying when and in what."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import http_date

from .answertime import answer_time
from .changes import last_change


def page_url(request, number):
    params = request.GET.copy()
    params["page"] = number
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def with_headers(request, response):
    """Say when the data last changed, and in which language it is."""
    changed = last_change()
    if changed:
        response["Last-Modified"] = http_date(changed.timestamp())
    lang = request.GET.get("lang")
    known = {code for code, _name in settings.LANGUAGES}
    response["Content-Language"] = lang if lang in known else translation.get_language()
    licence = request.build_absolute_uri(reverse("directory:api") + "#licence")
    response["Link"] = f'<{licence}>; rel="license"'
    return response


def serialize(request, schema, objects, lang):
    """Records as JSON-ready dicts, their texts in the language asked for.

    The records are read inside ``override``, so that translated fields
    follow the language; the response is built here rather than by ninja,
    which would read them again outside it.
    """
    context = {"request": request}
    request.answer_time = answer_time(request)
    with translation.override(lang.value if lang else translation.get_language()):
        return [
            schema.from_orm(obj, context=context).model_dump(mode="json")
            for obj in objects
        ]
