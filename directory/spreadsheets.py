"""Text that a spreadsheet program would run as a formula is written as text.

Every spreadsheet the site writes (the public downloads, the HSDS tables and
the admin's exports) passes its cells through ``neutralised``: as OWASP
advises against CSV injection, a cell starting with =, +, -, @, a tab or a
carriage return gets an apostrophe in front, so Excel and LibreOffice show it
and openpyxl writes it as a string, never a formula. Numbers are left as they
are (a negative number is no formula); phone numbers are written 031-…, so
they never start with one of these characters.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restored(value):
    """The text as it was before ``neutralised``, for a cell imported back."""
    if (
        isinstance(value, str)
        and value[:1] == "'"
        and neutralised(value[1:]) != value[1:]
    ):
        return value[1:]
    return value
