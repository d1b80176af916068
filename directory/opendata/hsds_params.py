"""The query parameters of the HSDS API, read leniently where HSDS allows.

A page or page size that is not a positive whole number answers the first
page at the default size (HSDS clients send them as they please); a filter
that cannot be read is refused with the reason, since ignoring it would
answer every record as if it matched.
"""

import datetime
import math
import uuid
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..search import MAX_QUERY_LENGTH, clean_query
from .errors import DATETIME_EXAMPLE

PER_PAGE, MAX_PER_PAGE = 50, 100


class InvalidParameter(Exception):
    def __init__(self, name, message, code="invalid"):
        super().__init__(name, message)
        self.name, self.message, self.code = name, message, code

    def errors(self):
        return {self.name: [{"message": self.message, "code": self.code}]}


def positive(value, default, maximum=None):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    if number < 1:
        return default
    return min(number, maximum) if maximum else number


@dataclass
class HsdsPage:
    """One page of ``total`` items: the HSDS envelope around ``contents``."""

    number: int
    per_page: int
    total: int

    @classmethod
    def asked(cls, params, total):
        return cls(
            positive(params.get("page"), 1),
            positive(params.get("per_page"), PER_PAGE, MAX_PER_PAGE),
            total,
        )

    @property
    def pages(self):
        return math.ceil(self.total / self.per_page)

    @property
    def bounds(self):
        """The slice of the items on this page; empty past the last page
        (no offset is computed from a page number too large for a database)."""
        if self.number > self.pages:
            return 0, 0
        start = (self.number - 1) * self.per_page
        return start, min(start + self.per_page, self.total)

    def envelope(self, contents):
        return {
            "total_items": self.total,
            "total_pages": self.pages,
            "page_number": self.number,
            "size": len(contents),
            "first_page": self.number == 1,
            "last_page": self.number >= self.pages,
            "empty": not contents,
            "contents": contents,
        }


def uuid_param(params, name):
    """A UUID parameter in its canonical form, or None if not given."""
    value = params.get(name)
    if not value:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise InvalidParameter(name, _("Enter a valid value.")) from None


def boolean_param(params, name):
    value = params.get(name, "false").lower()
    if value not in {"true", "false", "1", "0"}:
        message = _("Choose one of: %(choices)s.") % {"choices": "true, false"}
        raise InvalidParameter(name, message, "invalid_choice")
    return value in {"true", "1"}


def datetime_param(params, name):
    """An ISO 8601 date or date and time, as an aware time; None if not given.

    A date is its first moment, and a time without an offset Korean time, as
    every public page shows times.
    """
    value = params.get(name)
    if not value:
        return None
    message = _("Enter a date and time in ISO 8601 format, such as %(example)s.") % {
        "example": DATETIME_EXAMPLE
    }
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = day and datetime.datetime.combine(day, datetime.time())
    except ValueError:
        moment = None
    if moment is None:
        raise InvalidParameter(name, message)
    # Years near 1 or 9999 overflow once the database converts the offset.
    if not 1900 <= moment.year <= 9000:
        raise InvalidParameter(name, _("Enter a time between the years 1900 and 9000."))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment.astimezone(datetime.UTC)


def search_param(params):
    text = clean_query(params.get("search", ""))
    if len(text) > MAX_QUERY_LENGTH:
        message = ngettext(
            "Enter at most %(count)d character.",
            "Enter at most %(count)d characters.",
            MAX_QUERY_LENGTH,
        ) % {"count": MAX_QUERY_LENGTH}
        raise InvalidParameter("search", message, "string_too_long")
    return text


def format_param(params):
    if params.get("format", "json") != "json":
        message = _("Choose one of: %(choices)s.") % {"choices": "json"}
        raise InvalidParameter("format", message, "invalid_choice")
