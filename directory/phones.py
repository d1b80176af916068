"""Every parse, format and ``tel:`` URI of a phone number, in one place.

Numbers are parsed and formatted by the ``phonenumbers`` library for region KR,
never by hand. A number is stored once, in E.164 (which has no room for an
extension, so an extension lives in its own field) and shown in the Korean
national format, 031-8030-4652.
"""

import phonenumbers
from django.conf import settings
from django.utils.translation import gettext as _
from phonenumber_field.phonenumber import PhoneNumber

REGION = settings.PHONENUMBER_DEFAULT_REGION
Format = phonenumbers.PhoneNumberFormat

# Staff write an extension after 내선 (Korean for "extension"), which the
# library does not know; "ext." and "#" it reads itself.
EXTENSION_WORDS = ("내선",)


def parse(text):
    """A ``PhoneNumber`` as staff or the document write it, with its extension
    (031-8030-4652 내선 123), or None when the text is no number at all. The
    number may still be invalid: check ``is_valid()``."""
    if isinstance(text, phonenumbers.PhoneNumber):
        return text
    text = (text or "").strip()
    for word in EXTENSION_WORDS:
        text = text.replace(word, " ext. ")
    try:
        return PhoneNumber.from_string(text, region=REGION)
    except phonenumbers.NumberParseException:
        return None


def parse_valid(text):
    """The number with its extension split off: (number, extension), or
    (None, "") when the text is not a valid number."""
    number = parse(text)
    if number is None or not number.is_valid():
        return None, ""
    return split_extension(number)


def split_extension(number):
    """The number without its extension, and the extension ("" if none).

    E.164, the stored form, has no room for an extension, so it is kept in a
    field of its own.
    """
    extension = number.extension or ""
    number.extension = None
    return number, extension


def from_e164(e164):
    """A number as stored (+82318030465) back as a ``PhoneNumber``."""
    return PhoneNumber.from_string(str(e164), region=REGION)


def national(number):
    """The number as Koreans write it, without extension: 031-8030-4652."""
    return phonenumbers.format_number(_without_extension(number), Format.NATIONAL)


def label(number, extension=""):
    """The national number with its extension: 031-8030-4652 (내선 123)."""
    if not extension:
        return national(number)
    return _("%(number)s (ext. %(extension)s)") % {
        "number": national(number),
        "extension": extension,
    }


def international(number):
    """The number as callers from abroad dial it: +82 31-8030-4652."""
    return phonenumbers.format_number(_without_extension(number), Format.INTERNATIONAL)


def dialled_digits(number):
    """The digits Koreans dial, with the area code: 03180304652."""
    return "".join(ch for ch in national(number) if ch.isdigit())


def tel_uri(number, extension=""):
    """A ``tel:`` link (RFC 3966), with the extension if callers ask for one.

    Text that is no number at all gives its digits alone.
    """
    parsed = _number(number)
    if parsed is None:
        return dialled_tel_uri(number)
    uri_number = phonenumbers.PhoneNumber()
    uri_number.merge_from(parsed)
    uri_number.extension = extension or parsed.extension or None
    return phonenumbers.format_number(uri_number, Format.RFC3966)


def dialled_tel_uri(text):
    """A ``tel:`` link of the digits exactly as written: tel:1345.

    National help lines (1345, 1577-1366) are dialled as they are from
    anywhere in Korea; the library would prefix them with +82 as if they
    had an area code.
    """
    return "tel:" + "".join(ch for ch in str(text) if ch.isdigit())


def is_possible_international(text):
    """Whether text typed with a leading + is a possible number (+82 31 …)."""
    if not text.lstrip().startswith("+"):
        return False
    number = parse(text)
    return number is not None and phonenumbers.is_possible_number(number)


def _without_extension(number):
    plain = phonenumbers.PhoneNumber()
    plain.merge_from(_number(number))
    plain.extension = None
    return plain


def _number(number):
    if isinstance(number, phonenumbers.PhoneNumber):
        return number
    return parse(str(number))
