"""Create or update a sector from its 행정서비스 이행표준 document.

The parsed document becomes fixture-shaped rows, which ``directory.loading.ledger``
adds, updates or removes without overwriting what staff have changed. Staff
run it with ``manage.py import_standard`` or from the Service admin.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from standards.models import Sector

from .ledger import MODELS, LedgerReport, Row, RowError, RowLoader, natural_key

__all__ = ["ImportReport", "RowError", "standard_import", "standard_rows"]

# Contacts are shared by every sector, so no one document may remove them.
SECTOR_MODELS = [label for label in MODELS if label != "directory.contact"]


@dataclass
class ImportReport(LedgerReport):
    sector: str = ""
    dry_run: bool = False

    @property
    def summary(self):
        return _(
            "%(sector)s: %(added)d added, %(changed)d changed, %(removed)d removed, "
            "%(conflicts)d in conflict, %(unchanged)d unchanged."
        ) % {
            "sector": self.sector,
            "added": len(self.added),
            "changed": len(self.changed),
            "removed": len(self.removed),
            "conflicts": len(self.conflicts),
            "unchanged": len(self.unchanged),
        }


@transaction.atomic
def standard_import(document, *, dry_run=False, force=False):
    """Bring the sector in line with the document, in one transaction.

    A dry run rolls the transaction back, so its report says exactly what a
    real import would do. ``force`` replaces rows that staff have edited.
    """
    report = ImportReport(sector=document.name, dry_run=dry_run)
    loader = RowLoader(report, force=force)
    rows = standard_rows(document)
    keys = {(row.model, row.key) for row in rows}
    loader.rows_remove(sector_dropped(loader, document.name, keys), final=False)
    for model in MODELS:
        loader.rows_apply([row for row in rows if row.model == model])
    loader.rows_remove(sector_dropped(loader, document.name, keys), final=True)
    loader.finish()
    if dry_run:
        transaction.set_rollback(True)
    return report


def sector_dropped(loader, sector_name, keys):
    """Ledger records of the sector's loaded rows that are not among ``keys``."""
    return [
        record
        for record in loader.records.values()
        if record.model in SECTOR_MODELS
        and record.values is not None
        and (record.model, record.key) not in keys
        and natural_key(record.key)[0] == sector_name
    ]


def standard_rows(document):
    """The document as fixture-shaped rows, in the order they can be loaded."""
    last_position = Sector.objects.aggregate(Max("position"))["position__max"]
    rows = [
        Row(
            "standards.sector",
            document.line,
            {"name": document.name, "title": document.title},
            {"position": (last_position or 0) + 1},
        )
    ]
    for position, (name, line) in enumerate(document.divisions, 1):
        fields = {"sector": [document.name], "name": name, "position": position}
        rows.append(Row("directory.division", line, fields))
    for area in document.areas:
        rows += area_rows(document.name, area)
    # A number that several services share is one contact.
    unique = {}
    for row in rows:
        unique.setdefault((row.model, row.key), row)
    return sorted(unique.values(), key=lambda row: MODELS.index(row.model))


def area_rows(sector_name, area):
    key = [sector_name, area.number]
    fields = {"sector": [sector_name], "number": area.number, "title": area.title}
    yield Row("standards.policyarea", area.line, fields)
    for commitment in area.commitments:
        fields = {
            "area": key,
            "position": commitment.position,
            "letter": commitment.letter,
            "title": commitment.title,
        }
        yield Row("standards.commitment", commitment.line, fields)
        for pledge in commitment.pledges:
            fields = {
                "commitment": [*key, commitment.letter],
                "number": pledge.number,
                "text": pledge.text,
            }
            yield Row("standards.pledge", pledge.line, fields)
    for position, service in enumerate(area.services, 1):
        yield from service_rows(key, position, service)


def service_rows(area_key, position, service):
    fax = str(service.fax) if service.fax else None
    if fax:
        yield Row("directory.contact", service.line, {"number": fax, "kind": "fax"})
    fields = {
        "area": area_key,
        "division": [area_key[0], service.division],
        "name": service.name,
        "position": position,
        "fax": [fax] if fax else None,
    }
    yield Row("directory.service", service.line, fields)
    for place, phone in enumerate(service.phones, 1):
        number = str(phone)
        fields = {"number": number, "kind": "phone"}
        yield Row("directory.contact", service.line, fields)
        fields = {
            "service": [*area_key, service.name],
            "contact": [number],
            "position": place,
        }
        yield Row("directory.servicephone", service.line, fields)
