"""The directory as an Open Referral HSDS 3.0 tabular data package.

Referral systems that speak the Human Services Data Specification import a
zip of CSV files described by ``datapackage.json``. Its rows are the API's
records (``hsds_records``) laid flat, so a record has the same id in the
package and at ``/api/hsds/``: a UUID derived from its natural key.
"""

import csv
import json
import tempfile
import zipfile
from contextlib import ExitStack
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from ..spreadsheets import neutralised
from .hsds_records import hsds_services, organization_summary, service_record
from .hsds_terms import taxonomies, taxonomy_terms

# Services read at a time.
CHUNK = 1000
TABLES = {
    "organization": ["id", "name", "description", "website"],
    "service": [
        "id",
        "organization_id",
        "name",
        "description",
        "url",
        "status",
        "assured_date",
    ],
    "phone": ["id", "service_id", "number", "extension", "type", "description"],
    "contact": ["id", "organization_id", "service_id", "name", "department"],
    "language": ["id", "phone_id", "name", "code", "note"],
    "schedule": [
        "id",
        "service_id",
        "freq",
        "wkst",
        "byday",
        "timezone",
        "opens_at",
        "closes_at",
        "description",
        "attending_type",
        "notes",
    ],
    "attribute": ["id", "link_id", "link_entity", "taxonomy_term_id", "value"],
    "taxonomy_term": [
        "id",
        "code",
        "name",
        "description",
        "parent_id",
        "taxonomy",
        "language",
        "taxonomy_id",
        "term_uri",
    ],
    "taxonomy": ["id", "name", "description", "uri"],
}
NUMBERS = {"extension", "timezone"}
URIS = {"website", "url", "uri", "term_uri"}
REQUIRED = {
    "organization": ["id", "name", "description"],
    "service": ["id", "organization_id", "name", "status"],
    "phone": ["id", "number"],
    "contact": ["id"],
    "language": ["id"],
    "schedule": ["id"],
    "attribute": ["id", "link_id", "taxonomy_term_id", "link_entity"],
    "taxonomy_term": ["id", "name", "description"],
    "taxonomy": ["id", "name", "description"],
}
# The links a consumer can check; link_id points into whichever table
# link_entity names, and parent_id into taxonomy_term itself.
REFERENCES = {
    "organization_id": "organization",
    "service_id": "service",
    "phone_id": "phone",
    "taxonomy_term_id": "taxonomy_term",
    "taxonomy_id": "taxonomy",
}


def hsds_rows(request):
    """Every table's rows as (table, row), read a chunk of services at a
    time: each service's, then the tables they share."""
    yield "organization", organization_summary(request)
    attributes = {}
    services = hsds_services().in_document_order()
    for service in services.iterator(chunk_size=CHUNK):
        record = service_record(request, service)
        yield "service", record
        for contact in record["contacts"]:
            yield "contact", contact
        for schedule in record["schedules"]:
            yield "schedule", schedule
        for phone in record["phones"]:
            yield "phone", phone
            for language in phone["languages"]:
                yield "language", language
            attributes.update((a["id"], a) for a in phone.get("attributes", []))
        attributes.update((a["id"], a) for a in record["attributes"])
    for attribute in attributes.values():
        yield "attribute", attribute
    for term in taxonomy_terms(request):
        yield "taxonomy_term", term
    for taxonomy in taxonomies(request):
        yield "taxonomy", taxonomy


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
            {
                "fields": name,
                "reference": {"resource": REFERENCES[name], "fields": "id"},
            }
            for name in columns
            if name in REFERENCES
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


def write_hsds_package(request, changed, file):
    """The zip file, into ``file``: datapackage.json and one CSV per table.
    Each table's rows go to a file of their own as the services are read,
    then into the zip: at national size the tables held whole took
    gigabytes."""
    with (
        tempfile.TemporaryDirectory(prefix="hsds-") as folder,
        zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as package,
    ):
        package.writestr(
            "datapackage.json",
            json.dumps(datapackage(changed), ensure_ascii=False, indent=2),
        )
        paths = {table: Path(folder) / csv_path(table) for table in TABLES}
        with ExitStack() as files:
            writers = {}
            for table, columns in TABLES.items():
                text = files.enter_context(
                    paths[table].open("w", encoding="utf-8", newline="")
                )
                writers[table] = csv.DictWriter(text, fieldnames=columns)
                writers[table].writeheader()
            for table, row in hsds_rows(request):
                writers[table].writerow(
                    {
                        name: neutralised(row[name])
                        for name in TABLES[table]
                        if name in row
                    }
                )
        for table, path in paths.items():
            package.write(path, csv_path(table))
