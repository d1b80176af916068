"""What people take away from a page: vCards, structured data, QR codes."""

import segno
import vobject
from django.utils.translation import gettext as _

ORGANISATION = "경기도"


def _vcard(name, division, phones, faxes, url, note=""):
    card = vobject.vCard()
    card.add("fn").value = name
    card.add("n").value = vobject.vcard.Name(family=name)
    card.add("org").value = [ORGANISATION, division]
    for contact in phones:
        tel = card.add("tel")
        tel.value = contact.international
        tel.type_param = ["WORK", "VOICE"]
    for contact in faxes:
        tel = card.add("tel")
        tel.value = contact.international
        tel.type_param = ["WORK", "FAX"]
    card.add("url").value = url
    if note:
        card.add("note").value = note
    return card.serialize()


def service_vcard(service, url):
    """A contact card named after the service, in Korean, with every number."""
    return _vcard(
        service.name,
        service.division.name,
        service.phones_in_order,
        [service.fax] if service.fax else [],
        url,
        note=f"{service.division.name} · {service.area.title}",
    )


def division_vcard(division, url):
    return _vcard(division.name, division.name, division.phones, division.faxes, url)


def service_structured_data(service, url):
    """schema.org GovernmentService, for search engines and assistants."""
    provider = {
        "@type": "GovernmentOrganization",
        "name": f"{ORGANISATION} {service.division.name}",
        "telephone": [c.international for c in service.phones_in_order],
    }
    if service.fax:
        provider["faxNumber"] = service.fax.international
    return {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": service.name,
        "url": url,
        "serviceType": service.area.title,
        "areaServed": {"@type": "AdministrativeArea", "name": _("Gyeonggi Province")},
        "provider": provider,
        "availableChannel": {
            "@type": "ServiceChannel",
            "servicePhone": {
                "@type": "ContactPoint",
                "telephone": provider["telephone"][0] if provider["telephone"] else "",
                "contactType": service.division.name,
            },
        },
    }


def qr_svg(url):
    """An inline SVG QR code of a URL, for printed contact sheets."""
    return segno.make(url, error="m").svg_inline(scale=3, border=2, title=url)
