"""The whole directory as files: CSV, XLSX, JSON and the HSDS package.

Each file says under which licence it may be reused and when the data last
changed: in the file itself where the format has room for it (the XLSX's
second sheet, the JSON's top level) and in the HTTP headers. Each is written
once for each version of the data and language (``files.py``), a chunk of
records at a time: at national size, minutes and gigabytes when it was made
whole for each request.
"""

import csv
import io
import json
import os
from functools import partial

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views import View
from openpyxl import Workbook

from core.faults import retry_later
from standards.models import Commitment, PolicyArea, Sector

from ..models import Contact, Division, Service
from ..spreadsheets import neutralised
from . import files
from .answers import serialize
from .changes import last_change, with_updated
from .hsds import write_hsds_package
from .schemas import (
    AreaOut,
    CommitmentOut,
    ContactOut,
    DivisionOut,
    SectorOut,
    ServiceOut,
)

# Records read and written at a time.
CHUNK = 500
# What a client is told to wait before asking again for a file not written yet.
RETRY_AFTER = 60


def service_columns():
    """Column headings, the models' own labels in the active language."""
    label = {
        name: str(model._meta.get_field(field).verbose_name)
        for name, model, field in [
            ("sector", PolicyArea, "sector"),
            ("area", Service, "area"),
            ("name", Service, "name"),
            ("division", Service, "division"),
            ("phones", Service, "phones"),
            ("fax", Service, "fax"),
            ("last_verified", Service, "last_verified"),
        ]
    }
    return ["id", *label.values(), "url"]


def service_sheet_rows(request):
    """One row per service, in the order of the standard documents; any text
    that a spreadsheet would take for a formula is neutralised."""
    services = Service.objects.with_contacts().in_document_order()
    for service in services.iterator(chunk_size=CHUNK):
        row = [
            service.pk,
            service.area.sector.name,
            str(service.area),
            service.name,
            service.division.name,
            "; ".join(contact.label for contact in service.phones_in_order),
            service.fax.label if service.fax else "",
            service.last_verified.isoformat() if service.last_verified else "",
            request.build_absolute_uri(service.get_absolute_url()),
        ]
        yield [neutralised(value) for value in row]


def about_sheet_rows(request):
    """The licence, the last change and where the data comes from."""
    changed = last_change()
    return [
        [_("Licence"), str(settings.DATA_LICENCE)],
        [
            _("Last changed"),
            timezone.localtime(changed).isoformat() if changed else "",
        ],
        [_("Source"), request.build_absolute_uri(reverse("directory:api"))],
    ]


def chunks(queryset):
    """The queryset's records in lists of ``CHUNK`` (with their prefetches)."""
    chunk = []
    for record in queryset.iterator(chunk_size=CHUNK):
        chunk.append(record)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class DownloadView(View):
    """A file of the whole directory, with its licence and last change."""

    filename = None
    content_type = None

    def get(self, request):
        file = self.opened(request)
        if file is None:
            return preparing()
        response = FileResponse(
            file,
            as_attachment=True,
            filename=self.filename,
            content_type=self.content_type,
        )
        licence = request.build_absolute_uri(reverse("directory:api") + "#licence")
        response["Link"] = f'<{licence}>; rel="license"'
        # The time of the change the file was written after (files.py).
        changed = os.fstat(file.fileno()).st_mtime
        if changed > 0:
            response["Last-Modified"] = http_date(changed)
        return response

    def opened(self, request):
        """The download's file, open; None if none is written yet."""
        language = translation.get_language()
        stem, _dot, suffix = self.filename.rpartition(".")
        name = f"{stem}.{language}.{suffix}"
        write = partial(self.write_in, request, language)
        # A file may be replaced by the next version between finding and
        # opening it: then the next one is.
        for _attempt in range(2):
            path = files.current_or_last(name, write)
            if path is None:
                return None
            try:
                return path.open("rb")
            except FileNotFoundError:
                continue
        return None

    def write_in(self, request, language, file):
        with translation.override(language):
            self.write(request, file)


def preparing():
    """No file of the download is written yet (files.py): come back soon."""
    return retry_later("The file is being written. Ask again in a minute.", RETRY_AFTER)


class ServicesCsvView(DownloadView):
    filename = "services.csv"
    content_type = "text/csv; charset=utf-8"

    def write(self, request, file):
        text = io.TextIOWrapper(file, encoding="utf-8", newline="")
        # The byte order mark makes Excel read the file as UTF-8, not CP949.
        text.write("\ufeff")
        writer = csv.writer(text)
        writer.writerow(service_columns())
        writer.writerows(service_sheet_rows(request))
        text.detach()


class ServicesXlsxView(DownloadView):
    filename = "services.xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def write(self, request, file):
        # Write-only: rows go to disk as they come, not held as cells.
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(str(Service._meta.verbose_name_plural)[:31])
        sheet.append(service_columns())
        for row in service_sheet_rows(request):
            sheet.append(row)
        about = workbook.create_sheet(_("About the data")[:31])
        for row in about_sheet_rows(request):
            about.append(row)
        workbook.save(file)


class DirectoryJsonView(DownloadView):
    filename = "directory.json"
    content_type = "application/json"

    def write(self, request, file):
        tables = {
            "sectors": (Sector.objects.all(), SectorOut),
            "areas": (PolicyArea.objects.with_sector(), AreaOut),
            "commitments": (Commitment.objects.for_page(), CommitmentOut),
            "divisions": (Division.objects.for_page(), DivisionOut),
            "contacts": (Contact.objects.all(), ContactOut),
            "services": (Service.objects.for_page(), ServiceOut),
        }
        text = io.TextIOWrapper(file, encoding="utf-8")

        def value(data):
            return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)

        text.write(f'{{\n  "licence": {value(str(settings.DATA_LICENCE))}')
        text.write(f',\n  "last_changed": {value(last_change())}')
        for name, (queryset, schema) in tables.items():
            text.write(f',\n  "{name}": [')
            separator = "\n    "
            for chunk in chunks(with_updated(queryset)):
                for record in serialize(request, schema, chunk, None):
                    text.write(separator + value(record))
                    separator = ",\n    "
            text.write("\n  ]")
        text.write("\n}\n")
        text.detach()


class HsdsPackageView(DownloadView):
    filename = "hsds.zip"
    content_type = "application/zip"

    def write(self, request, file):
        write_hsds_package(request, last_change(), file)
