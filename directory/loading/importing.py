"""Create or update a sector from its 행정서비스 이행표준 document.

The parsed document becomes rows (``plans``), which the loader adds, updates
or removes without overwriting what staff have changed. Staff run it with
``manage.py import_standard`` or from the Service admin.
"""

from .loader import RowError, RowLoader, loading
from .plans import DOCUMENT_MODELS, document_rows, natural_key
from .report import LoadReport

__all__ = ["RowError", "standard_import"]

# Contacts are shared by every sector, so no one document may remove them.
SECTOR_MODELS = [label for label in DOCUMENT_MODELS if label != "directory.contact"]


def standard_import(document, *, dry_run=False, force=False):
    """Bring the sector in line with the document, in one transaction.

    A dry run rolls the transaction back, so its report says exactly what a
    real import would do. ``force`` replaces rows that staff have edited.
    """
    report = LoadReport(sector=document.name, dry_run=dry_run)
    with loading(dry_run=dry_run):
        loader = RowLoader(report, force=force)
        rows = document_rows(document)
        keys = {(row.model, row.key) for row in rows}
        loader.rows_remove(sector_dropped(loader, document.name, keys), final=False)
        loader.rows_load(rows)
        loader.rows_remove(sector_dropped(loader, document.name, keys), final=True)
        loader.finish()
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
