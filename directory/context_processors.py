from django.conf import settings

from . import phones


def site_identity(request):
    """Who runs the site and how to reach them, for the header and footer."""
    phone = settings.SITE_CONTACT_PHONE
    number = phones.parse(phone)
    return {
        "site_identity": {
            "official": settings.OFFICIAL_SITE,
            "organization": settings.SITE_ORGANIZATION,
            "department": settings.SITE_DEPARTMENT,
            "address": settings.SITE_ADDRESS,
            "contact_name": settings.SITE_CONTACT_NAME,
            "contact_phone": phone,
            "contact_tel_uri": phones.tel_uri(number) if number else "",
            "pretendard_gov": settings.PRETENDARD_GOV,
            "logo": settings.SITE_LOGO,
        }
    }
