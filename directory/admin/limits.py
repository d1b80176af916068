"""How much a spreadsheet import may read, checked before it is parsed in
full: the upload's size, what an XLSX unpacks to, rows and cell length.

An XLSX is a zip archive: a few megabytes can unpack to gigabytes, so the
sizes its directory declares are checked before openpyxl opens it, and rows
are read one at a time up to the limit.
"""

import csv
import io
import zipfile

import openpyxl
import tablib
from django.utils.translation import gettext as _
from import_export.formats.base_formats import CSV, XLSX

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_ROWS = 2000
MAX_CELL_CHARS = 1000


class SpreadsheetLimitError(ValueError):
    """A file beyond the limits; its message is for staff."""


def check_file_size(size):
    if size > MAX_FILE_BYTES:
        raise SpreadsheetLimitError(
            _("The file is larger than %(limit)d MB: split it or remove columns.")
            % {"limit": MAX_FILE_BYTES // (1024 * 1024)}
        )


def check_row(number, values):
    if number > MAX_ROWS:
        raise SpreadsheetLimitError(
            _("The file has more than %(limit)d rows.") % {"limit": MAX_ROWS}
        )
    for value in values:
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise SpreadsheetLimitError(
                _("Row %(row)d has a cell longer than %(limit)d characters.")
                % {"row": number + 1, "limit": MAX_CELL_CHARS}
            )


def limited_dataset(headers, rows):
    dataset = tablib.Dataset(headers=headers)
    for number, values in enumerate(rows, 1):
        check_row(number, values)
        dataset.append(values)
    return dataset


class LimitedXLSX(XLSX):
    def create_dataset(self, in_stream):
        check_file_size(len(in_stream))
        try:
            archive = zipfile.ZipFile(io.BytesIO(in_stream))
            unpacked = sum(entry.file_size for entry in archive.infolist())
        except zipfile.BadZipFile as error:
            # Not an XLSX at all: the import says the file could not be read.
            raise ValueError(str(error)) from None
        if unpacked > MAX_UNPACKED_BYTES:
            raise SpreadsheetLimitError(
                _("The file unpacks to more than %(limit)d MB.")
                % {"limit": MAX_UNPACKED_BYTES // (1024 * 1024)}
            )
        book = openpyxl.load_workbook(
            io.BytesIO(in_stream), read_only=True, data_only=True
        )
        rows = book.active.iter_rows(values_only=True)
        headers = list(next(rows, ()))
        # Rows an editor left empty at the end are no rows.
        return limited_dataset(
            headers, (list(r) for r in rows if any(v is not None for v in r))
        )


class LimitedCSV(CSV):
    def create_dataset(self, in_stream):
        check_file_size(len(in_stream))
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8-sig")
        reader = csv.reader(io.StringIO(in_stream.lstrip("\ufeff")))
        headers = next(reader, [])
        return limited_dataset(headers, (row for row in reader if any(row)))
