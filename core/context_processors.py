import phonenumbers
from django.conf import settings

from .display import (
    DEFAULT_CONTRAST,
    DEFAULT_TEXT_SIZE,
    DisplaySettingsForm,
    display_settings_of,
)


def site_identity(request):
    """Who runs the site and how to reach them, for the header and footer."""
    phone = settings.SITE_CONTACT_PHONE
    try:
        number = phonenumbers.parse(phone, settings.PHONENUMBER_DEFAULT_REGION)
        tel_uri = phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.RFC3966
        )
    except phonenumbers.NumberParseException:
        tel_uri = ""
    return {
        "site_identity": {
            "official": settings.OFFICIAL_SITE,
            "organization": settings.SITE_ORGANIZATION,
            "department": settings.SITE_DEPARTMENT,
            "address": settings.SITE_ADDRESS,
            "contact_name": settings.SITE_CONTACT_NAME,
            "contact_phone": phone,
            "contact_tel_uri": tel_uri,
            "pretendard_gov": settings.PRETENDARD_GOV,
        }
    }


def display_settings(request):
    """The visitor's text size and contrast, as classes for ``<html>`` (none
    for the defaults) and as the initial values of the settings form."""
    current = display_settings_of(request)
    classes = []
    if current["text_size"] != DEFAULT_TEXT_SIZE:
        classes.append(f"text-{current['text_size']}")
    if current["contrast"] != DEFAULT_CONTRAST:
        classes.append(f"contrast-{current['contrast']}")
    return {
        "display_classes": " ".join(classes),
        "display_form": DisplaySettingsForm(initial=current, auto_id="display-%s"),
    }
