"""Services and the organization as HSDS 3.0 records (plain dicts).

A record leaves out every field it has no value for: HSDS consumers read a
missing optional field as unknown, and the schemas type none as nullable.
"""

import datetime

from django.conf import settings
from django.db.models import DateTimeField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest

from ..models import Contact, Division, Service, ServicePhone
from . import hsds_ids as ids
from .changes import changed_rows
from .hsds_phones import (
    language_records,
    numeric_extension,
    phone_languages,
    phone_schedules,
)
from .hsds_terms import attribute, extension_term, sector_taxonomy, service_attributes

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
# The one-to-one fields of a service: what a list of services gives.
NESTED = {"phones", "schedules", "contacts", "attributes", "languages"}


def compact(record):
    """The record without the fields it has no value for."""
    return {key: value for key, value in record.items() if value not in (None, "")}


def latest(history, **lookups):
    dates = history.objects.filter(**lookups).order_by("-history_date")
    return Coalesce(
        Subquery(dates.values("history_date")[:1]),
        Value(EPOCH, output_field=DateTimeField()),
    )


def with_last_modified(queryset):
    """Annotate ``last_modified``: the latest change to a service's data, its
    own or its numbers' (added, removed or edited), its fax's or its team's."""
    numbers = ServicePhone.objects.filter(service=OuterRef(OuterRef("pk")))
    return queryset.annotate(
        last_modified=Greatest(
            latest(Service.history.model, id=OuterRef("pk")),
            latest(ServicePhone.history.model, service_id=OuterRef("pk")),
            latest(
                Contact.history.model,
                id__in=numbers.values("contact_id"),
            ),
            latest(Contact.history.model, id=OuterRef("fax_id")),
            latest(Division.history.model, id=OuterRef("division_id")),
        )
    )


def modified_since(queryset, moment):
    """The services whose ``last_modified`` is ``moment`` or later: those
    with any of its changes that late, each set read once through the
    histories' date indexes rather than five latest changes worked out for
    every service (150,000 of them)."""
    if moment <= EPOCH:
        # No change at all reads as the epoch: every service is that late.
        return queryset

    contacts = changed_rows(Contact, moment)
    services = Service.objects.order_by()
    links = ServicePhone.objects.order_by()
    ids = changed_rows(Service, moment).union(
        changed_rows(ServicePhone, moment, "service_id"),
        links.filter(contact__in=contacts).values("service_id"),
        services.filter(fax__in=contacts).values("pk"),
        services.filter(division__in=changed_rows(Division, moment)).values("pk"),
    )
    return queryset.filter(pk__in=ids)


def hsds_services():
    """The services as a service's page reads them, with what HSDS adds."""
    return with_last_modified(
        Service.objects.for_page()
        .select_related("division__sector")
        .prefetch_related(
            "commitments__area__sector", "commitments__pledges", "help_lines"
        )
    )


def organization_summary(request):
    return {
        "id": ids.organization_id(),
        "name": str(settings.SITE_ORGANIZATION),
        "description": str(settings.SITE_DEPARTMENT),
        "website": request.build_absolute_uri("/"),
    }


def contact_phone(request, service_id, contact, kind):
    """A team's number; the extension always as the profile's attribute."""
    phone_id = ids.phone_id(service_id, ids.contact_digits(contact))
    attributes = []
    if contact.extension:
        attributes.append(
            attribute(phone_id, "phone", extension_term(request), contact.extension)
        )
    link = {"phone_id": phone_id}
    return compact(
        {
            "id": phone_id,
            "service_id": service_id,
            "number": contact.national,
            "extension": numeric_extension(contact.extension),
            "type": kind,
            "description": "; ".join(contact.hours_lines) or contact.hours_note,
            "languages": language_records(
                phone_id, phone_languages(contact), link, contact.languages_note
            ),
            "attributes": attributes,
        }
    )


def line_phone(service_id, line):
    """A national help line that answers the service's questions."""
    phone_id = ids.phone_id(service_id, ids.line_digits(line))
    link = {"phone_id": phone_id}
    return compact(
        {
            "id": phone_id,
            "service_id": service_id,
            "number": line.number,
            "type": "voice",
            "description": line.name,
            "languages": language_records(
                phone_id, phone_languages(line), link, line.languages_note
            ),
        }
    )


def schedules(service_id, numbers):
    """Each number's schedules, attended by phone, noting which number."""
    records = []
    for number, phone in numbers:
        for index, fields in enumerate(phone_schedules(number)):
            records.append(
                {
                    "id": ids.schedule_id(phone["id"], index),
                    "service_id": service_id,
                    **fields,
                    "attending_type": "phone",
                    "notes": phone["number"],
                }
            )
    return records


def service_record(request, service):
    """A service fully nested, as ``/services/{id}`` gives it."""
    service_id = ids.record_id(service)
    numbers = [
        (contact, contact_phone(request, service_id, contact, "voice"))
        for contact in service.phones_in_order
    ]
    if service.fax:
        numbers.append(
            (service.fax, contact_phone(request, service_id, service.fax, "fax"))
        )
    numbers += [
        (line, line_phone(service_id, line)) for line in service.help_lines.all()
    ]
    # A number listed twice (a help line that is also the team's) is one phone.
    numbers = list({phone["id"]: (n, phone) for n, phone in numbers}.values())
    modified = getattr(service, "last_modified", None)
    taxonomy = sector_taxonomy(request, service.area.sector)
    team = {
        "id": ids.contact_id(service_id, service.division),
        "organization_id": ids.organization_id(),
        "service_id": service_id,
        "name": service.division.name,
        "department": service.division.name,
    }
    return compact(
        {
            "id": service_id,
            "organization_id": ids.organization_id(),
            "name": service.name,
            "description": service.description,
            "url": request.build_absolute_uri(service.get_absolute_url()),
            "status": "active",
            "assured_date": service.last_verified and service.last_verified.isoformat(),
            "last_modified": modified.isoformat()
            if modified and modified > EPOCH
            else None,
            "phones": [phone for _number, phone in numbers],
            "schedules": schedules(service_id, numbers),
            "contacts": [team],
            "attributes": service_attributes(request, service, service_id, taxonomy),
            "organization": organization_summary(request),
        }
    )


def service_summary(record):
    """The list form of a service record: its one-to-one fields."""
    return {key: value for key, value in record.items() if key not in NESTED}


def team_contacts(organization_id):
    """The teams as the organization's contacts (no service: one row each)."""
    return [
        {
            "id": ids.record_id(division),
            "organization_id": organization_id,
            "name": division.name,
            "department": division.name,
        }
        for division in Division.objects.select_related("sector")
    ]


def organization_record(request, services):
    """The province, its teams and its services (``services``: records)."""
    organization = organization_summary(request)
    return {
        **organization,
        "contacts": team_contacts(organization["id"]),
        "services": services,
    }
