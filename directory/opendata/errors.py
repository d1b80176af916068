"""The API's error messages, in the language the client reads.

Pydantic explains invalid parameters in English only. Each of its error
types that the API's parameters can raise gets a message of our own here,
translated like the rest of the site; ``code`` keeps pydantic's type, so
that programs can still tell the errors apart.
"""

import re
from functools import wraps

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

DATETIME_EXAMPLE = "2025-01-31T09:00:00+09:00"


def request_language(request):
    """The ``lang`` parameter if valid, else the browser's, else Korean.

    API addresses carry no language prefix, so LocaleMiddleware always
    activates Korean for them; the choice is made again here.
    """
    lang = request.GET.get("lang")
    if lang in {code for code, _name in settings.LANGUAGES}:
        return lang
    return translation.get_language_from_request(request)


def in_client_language(handler):
    """Word the handler's messages in the language the client reads."""

    @wraps(handler)
    def translated(request, *args, **kwargs):
        with translation.override(request_language(request)):
            return handler(request, *args, **kwargs)

    return translated


def choices(expected):
    """``'ko', 'en' or 'vi'`` as ``ko, en, vi``, without pydantic's English."""
    return ", ".join(re.findall(r"'([^']*)'", expected)) or expected


def error_message(error):
    """One pydantic error as a sentence in the active language."""
    ctx = error.get("ctx") or {}
    match error.get("type"):
        case "missing":
            return _("This parameter is required.")
        case "required":
            # Given but empty once cleaned (spaces, control characters only):
            # Django's own words, as its forms say it.
            return _("This field is required.")
        case "int_parsing" | "int_from_float" | "int_type":
            return _("Enter a whole number.")
        case "enum" | "literal_error":
            return _("Choose one of: %(choices)s.") % {
                "choices": choices(ctx.get("expected", ""))
            }
        case "datetime_parsing" | "datetime_from_date_parsing" | "datetime_type":
            return _(
                "Enter a date and time in ISO 8601 format, such as %(example)s."
            ) % {"example": DATETIME_EXAMPLE}
        case "datetime_out_of_range":
            return _("Enter a time between the years 1900 and 9000.")
        case "greater_than_equal":
            return _("Enter a number greater than or equal to %(limit)s.") % {
                "limit": ctx["ge"]
            }
        case "greater_than":
            return _("Enter a number greater than %(limit)s.") % {"limit": ctx["gt"]}
        case "less_than_equal":
            return _("Enter a number less than or equal to %(limit)s.") % {
                "limit": ctx["le"]
            }
        case "less_than":
            return _("Enter a number less than %(limit)s.") % {"limit": ctx["lt"]}
        case "string_too_long":
            count = ctx["max_length"]
            return ngettext(
                "Enter at most %(count)d character.",
                "Enter at most %(count)d characters.",
                count,
            ) % {"count": count}
        case "string_too_short":
            count = ctx["min_length"]
            return ngettext(
                "Enter at least %(count)d character.",
                "Enter at least %(count)d characters.",
                count,
            ) % {"count": count}
    return _("Enter a valid value.")


def field_errors(errors):
    """Ninja's validation errors in the shape of Django's form errors."""
    fields = {}
    for error in errors:
        name = str(error["loc"][-1]) if error.get("loc") else "__all__"
        fields.setdefault(name, []).append(
            {"message": error_message(error), "code": error.get("type", "invalid")}
        )
    return fields
