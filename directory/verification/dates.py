"""A date that says something already happened cannot be in the future.

A "last verified" date of 2099 would keep a number from ever being due, so
every path that writes one (the admin's forms, the spreadsheet import) checks
it here.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def not_in_future(value):
    if value and value > timezone.localdate():
        raise ValidationError(
            _("%(date)s is in the future: enter the day it was verified.")
            % {"date": date_format(value, "Y-m-d")},
            code="future_date",
        )
