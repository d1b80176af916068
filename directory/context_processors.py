import phonenumbers
from django.conf import settings


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
