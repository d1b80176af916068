"""The ``at`` parameter: the time a consumer asks about (default now).

Read by hand on every endpoint that shows numbers, since a malformed time
is a 422 (the request is well formed, the time is not) rather than the 400
of the other parameters.
"""

import datetime

from django.utils.translation import gettext as _

from ..hours import seoul_time

# The parameter in the OpenAPI document (read by hand, see above).
AT = {
    "parameters": [
        {
            "name": "at",
            "in": "query",
            "required": False,
            "description": "Answer as of this time (ISO 8601; without an offset, "
            "Korean time; default now): open_now and next_open follow it.",
            "schema": {"type": "string", "format": "date-time"},
        }
    ]
}


class InvalidTime(Exception):
    def __init__(self, text):
        self.text = text

    def errors(self):
        """The reason, worded when the response's language is known."""
        message = _("Enter the time as ISO 8601, such as 2026-09-25T10:00:00+09:00.")
        return {"at": [{"message": message, "code": "datetime_parsing"}]}


def answer_time(request):
    """The aware time of ``?at=``, in Korean time; now without one."""
    text = request.GET.get("at", "").strip()
    if not text:
        return seoul_time()
    # An unencoded "+09:00" arrives as " 09:00".
    text = text.replace(" ", "+")
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidTime(text) from None
    if not 1900 <= value.year <= 9000:
        raise InvalidTime(text)
    return seoul_time(value)
