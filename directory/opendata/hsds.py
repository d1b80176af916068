"""The directory as an Open Referral HSDS 3.0 tabular data package.

Referral systems that speak the Human Services Data Specification import a
zip of CSV files described by ``datapackage.json``. The province is the one
organization; each service lists its phone (and fax) numbers, and its
division appears as the contact's department. HSDS wants UUIDs, so each is
derived from the record's primary key and stays the same between downloads.
"""

import csv
import io
import json
import uuid
import zipfile

from django.conf import settings
from django.utils import timezone

from ..models import Service
from ..spreadsheets import neutralised

# A fixed namespace, so that a record keeps its UUID in every download.
NAMESPACE = uuid.UUID("7a1d1f0e-4f3b-5d8e-9c41-2b6f0e3a9d10")

TABLES = {
    "organization": ["id", "name", "description", "website"],
    "service": ["id", "organization_id", "name", "description", "url", "status"],
    "phone": ["id", "service_id", "number", "extension", "type", "description"],
    "contact": ["id", "organization_id", "service_id", "name", "department"],
    "language": ["id", "service_id", "phone_id", "name", "note"],
}
NUMBERS = {"extension"}
URIS = {"website", "url"}
REQUIRED = {
    "organization": ["id", "name", "description"],
    "service": ["id", "organization_id", "name", "status"],
    "phone": ["id", "number"],
    "contact": ["id"],
    "language": ["id"],
}


def hsds_id(kind, *keys):
    return str(uuid.uuid5(NAMESPACE, ":".join([kind, *map(str, keys)])))


def hsds_tables(request):
    """Every table as a list of dicts, keyed by the table's name."""
    organization = hsds_id("organization", 1)
    tables = {name: [] for name in TABLES}
    tables["organization"].append(
        {
            "id": organization,
            "name": str(settings.SITE_ORGANIZATION),
            "description": str(settings.SITE_DEPARTMENT),
            "website": request.build_absolute_uri("/"),
        }
    )
    for service in Service.objects.with_contacts().in_document_order():
        service_id = hsds_id("service", service.pk)
        tables["service"].append(
            {
                "id": service_id,
                "organization_id": organization,
                "name": service.name,
                "description": f"{service.area.sector.title} · {service.area}",
                "url": request.build_absolute_uri(service.get_absolute_url()),
                "status": "active",
            }
        )
        tables["contact"].append(
            {
                "id": hsds_id("contact", service.pk, service.division_id),
                "organization_id": organization,
                "service_id": service_id,
                "name": service.division.name,
                "department": service.division.name,
            }
        )
        numbers = [(c, "voice") for c in service.phones_in_order]
        if service.fax:
            numbers.append((service.fax, "fax"))
        for contact, kind in numbers:
            phone_id = hsds_id("phone", service.pk, contact.pk)
            tables["phone"].append(
                {
                    "id": phone_id,
                    "service_id": service_id,
                    "number": contact.national,
                    "extension": contact.extension,
                    "type": kind,
                    "description": "; ".join(contact.hours_lines_ko),
                }
            )
            for language in contact.languages:
                tables["language"].append(
                    {
                        "id": hsds_id("language", service.pk, contact.pk, language),
                        "service_id": service_id,
                        "phone_id": phone_id,
                        "name": language,
                        "note": "",
                    }
                )
    return tables


def csv_path(table):
    # Each file is named after its HSDS table (service.csv), the names this
    # download is published with. HSDS 3.0's compiled schema suggests plural
    # names (services.csv); each table's content is what it validates.
    return f"{table}.csv"


def datapackage(changed):
    """The package descriptor: licence, last change and each file's schema."""

    def field(table, name):
        spec = {"name": name, "type": "number" if name in NUMBERS else "string"}
        if name == "id" or name.endswith("_id"):
            spec["format"] = "uuid"
        elif name in URIS:
            spec["format"] = "uri"
        if name in REQUIRED[table]:
            spec["constraints"] = {"required": True}
        return spec

    def foreign_keys(columns):
        return [
            {"fields": name, "reference": {"resource": name[:-3], "fields": "id"}}
            for name in columns
            if name.endswith("_id")
        ]

    return {
        "profile": "tabular-data-package",
        "name": "gyeonggi-service-directory",
        "title": str(settings.SITE_ORGANIZATION),
        "licenses": [{"name": "KOGL-Type1", "title": str(settings.DATA_LICENCE)}],
        "lastModified": timezone.localtime(changed).isoformat() if changed else None,
        "created": timezone.localtime().isoformat(),
        "resources": [
            {
                "name": table,
                "path": csv_path(table),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [field(table, name) for name in columns],
                    "primaryKey": "id",
                    "foreignKeys": foreign_keys(columns),
                },
            }
            for table, columns in TABLES.items()
        ],
    }


def hsds_package(request, changed):
    """The zip file's bytes: datapackage.json and one CSV per table."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "datapackage.json",
            json.dumps(datapackage(changed), ensure_ascii=False, indent=2),
        )
        for table, rows in hsds_tables(request).items():
            text = io.StringIO()
            writer = csv.DictWriter(text, fieldnames=TABLES[table])
            writer.writeheader()
            writer.writerows(
                {name: neutralised(value) for name, value in row.items()}
                for row in rows
            )
            package.writestr(csv_path(table), text.getvalue())
    return buffer.getvalue()
