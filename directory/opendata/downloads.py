"""The whole directory as files: CSV, XLSX and JSON.

Each file says under which licence it may be reused and when the data last
changed: in the file itself where the format has room for it (the XLSX's
second sheet, the JSON's top level) and in the HTTP headers.
"""

import csv
import io
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views import View
from openpyxl import Workbook

from standards.models import Commitment, PolicyArea, Sector

from ..models import Contact, Division, Service
from ..spreadsheets import neutralised
from .answers import serialize
from .changes import last_change, with_updated
from .hsds import hsds_package
from .schemas import (
    AreaOut,
    CommitmentOut,
    ContactOut,
    DivisionOut,
    SectorOut,
    ServiceOut,
)


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
    for service in Service.objects.with_contacts().in_document_order():
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


class DownloadView(View):
    """A file of the whole directory, with its licence and last change."""

    filename = None
    content_type = None

    def get(self, request):
        response = HttpResponse(self.render(request), content_type=self.content_type)
        response["Content-Disposition"] = f'attachment; filename="{self.filename}"'
        licence = request.build_absolute_uri(reverse("directory:api") + "#licence")
        response["Link"] = f'<{licence}>; rel="license"'
        changed = last_change()
        if changed:
            response["Last-Modified"] = http_date(changed.timestamp())
        return response


class ServicesCsvView(DownloadView):
    filename = "services.csv"
    content_type = "text/csv; charset=utf-8"

    def render(self, request):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(service_columns())
        writer.writerows(service_sheet_rows(request))
        # The byte order mark makes Excel read the file as UTF-8, not CP949.
        return "\ufeff" + buffer.getvalue()


class ServicesXlsxView(DownloadView):
    filename = "services.xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def render(self, request):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = str(Service._meta.verbose_name_plural)[:31]
        sheet.append(service_columns())
        for row in service_sheet_rows(request):
            sheet.append(row)
        about = workbook.create_sheet(_("About the data")[:31])
        for row in about_sheet_rows(request):
            about.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


class DirectoryJsonView(DownloadView):
    filename = "directory.json"
    content_type = "application/json"

    def render(self, request):
        tables = {
            "sectors": (Sector.objects.all(), SectorOut),
            "areas": (PolicyArea.objects.with_sector(), AreaOut),
            "commitments": (Commitment.objects.for_page(), CommitmentOut),
            "divisions": (Division.objects.for_page(), DivisionOut),
            "contacts": (Contact.objects.all(), ContactOut),
            "services": (Service.objects.for_page(), ServiceOut),
        }
        changed = last_change()
        data = {
            "licence": str(settings.DATA_LICENCE),
            "last_changed": changed,
            **{
                name: serialize(request, schema, with_updated(queryset), None)
                for name, (queryset, schema) in tables.items()
            },
        }
        return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


class HsdsPackageView(DownloadView):
    filename = "hsds.zip"
    content_type = "application/zip"

    def render(self, request):
        return hsds_package(request, last_change())
