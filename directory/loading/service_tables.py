"""Read the "서비스별 접수·처리 창구" tables of a service standard document.

A table's rows come out of the PDF either on one line ("name division phone
fax") or over several (name, then division, then each number). The division
and fax cells are merged over the rows they serve, so the text gives them only
on the first of those rows. The last cells of a row are numbers, and one cell
may hold several of them in the document's shorthand: "031-8030-4776,4778" is
two numbers and "031-8030-4231~2" is 4231 and 4232.
"""

import re

from django.utils.translation import gettext as _

from .. import phones
from .document import DocumentService, StandardDocumentError

HEADER = "서비스명접수부서담당전화번호FAX"
# A division cell on the same line as the service name: "… 이주노동권익 담당".
NAME_AND_DIVISION = re.compile(r"^(?P<name>.+?)\s+(?P<division>\S+\s?담당|\S+팀)$")
NUMBER_CHARACTERS = set("0123456789-,~")
LONGEST_RANGE = 20


class CellError(ValueError):
    pass


def table_cells(line):
    """The line's text and, for each number cell that ends it, its numbers."""
    tokens = list(re.finditer(r"\S+", line))
    start = len(tokens)
    while start and set(tokens[start - 1][0]) <= NUMBER_CHARACTERS:
        start -= 1
    cells = []
    for index in range(start, len(tokens)):
        token = tokens[index][0]
        if cells and (token[0] in ",~" or cells[-1][1][-1] in ",~"):
            cells[-1][1] += token
        else:
            cells.append([index, token])
    # A name may end in a plain number ("2024"); only dashed cells are numbers.
    while cells and "-" not in cells[0][1]:
        cells.pop(0)
    text_end = tokens[cells[0][0]].start() if cells else len(line)
    return line[:text_end].strip(), [cell_numbers(cell) for _index, cell in cells]


def cell_numbers(cell):
    """The numbers in one cell, in the order the cell gives them."""
    first, *rest = re.split(r"([,~])", cell)
    numbers = [phone_number(first)]
    digits = re.sub(r"\D", "", first)
    for separator, tail in zip(rest[::2], rest[1::2], strict=True):
        # The digits after a comma or tilde replace the last digits of the
        # number before it: "4778" after "031-8030-4776" is 031-8030-4778.
        tail = re.sub(r"\D", "", tail)
        end = digits[: -len(tail)] + tail if tail else ""
        if separator == ",":
            numbers.append(phone_number(end or cell))
        elif end and 0 < int(end) - int(digits) <= LONGEST_RANGE:
            for value in range(int(digits) + 1, int(end) + 1):
                numbers.append(phone_number(str(value).zfill(len(digits))))
        else:
            raise CellError(_("“%(text)s” is not a range of numbers.") % {"text": cell})
        digits = end
    return numbers


def phone_number(text):
    number, _extension = phones.parse_valid(text)
    if number is None:
        raise CellError(_("“%(text)s” is not a valid phone number.") % {"text": text})
    return number


class ServiceTables:
    """Reads the tables of one document, one policy area after another.

    Service names and the kind of each number (phone or fax) must agree across
    the whole document, so one reader serves all of its tables.
    """

    def __init__(self):
        self.kinds = {}
        self.names = set()
        self.area = None
        self.line_number = 0

    def error(self, message, line_number=None):
        return StandardDocumentError(line_number or self.line_number, message)

    def start(self, area, line_number):
        area.table_line = line_number
        self.area, self.header, self.row = area, "", None
        self.division, self.fax = "", None

    def feed(self, line, line_number):
        self.line_number = line_number
        if self.header != HEADER:
            self.header_line(line.strip())
        else:
            self.row_line(line)

    def header_line(self, text):
        self.header += re.sub(r"[\s()/]", "", text).upper().replace("팩스", "FAX")
        if not HEADER.startswith(self.header):
            raise self.error(
                _("Expected the table header “%(header)s”, found “%(text)s”.")
                % {"header": "서비스명 접수부서 담당 전화번호 FAX", "text": text}
            )

    def row_line(self, line):
        try:
            text, cells = table_cells(line)
        except CellError as error:
            raise self.error(str(error)) from None
        row = self.row
        if text and row and not row.phones and not row.division:
            # A row over several lines: the line after the name is its division.
            row.division = text
        elif text:
            self.row_end()
            match = NAME_AND_DIVISION.match(text)
            name, division = (match["name"], match["division"]) if match else (text, "")
            self.row = row = DocumentService(self.line_number, name, division)
        for numbers in cells:
            if row is None:
                raise self.error(_("A phone number comes before any service name."))
            if not row.phones:
                row.phones = numbers
            elif row.fax is None and len(numbers) == 1:
                row.fax = numbers[0]
            else:
                raise self.error(
                    _("The service “%(name)s” has more numbers than a phone and a fax.")
                    % {"name": row.name}
                )

    def row_end(self):
        row, self.row = self.row, None
        if row is None:
            return
        numbers = {phones.national(number) for number in row.phones}
        row.division = self.division = row.division or self.division
        row.fax = self.fax = row.fax or self.fax
        if not row.phones:
            message = _("The service “%(name)s” has no phone number.")
        elif not row.division:
            message = _("The service “%(name)s” has no division.")
        elif row.name in self.names or len(numbers) < len(row.phones):
            message = _("The service “%(name)s” is listed twice.")
        else:
            self.names.add(row.name)
            self.kinds_check(row)
            self.area.services.append(row)
            return
        raise self.error(message % {"name": row.name}, row.line)

    def kinds_check(self, row):
        numbers = [("phone", number) for number in row.phones]
        numbers += [("fax", row.fax)] if row.fax else []
        for kind, number in numbers:
            national = phones.national(number)
            if self.kinds.setdefault(national, kind) != kind:
                raise self.error(
                    _("%(number)s is used both as a phone and as a fax number.")
                    % {"number": national},
                    row.line,
                )

    def end(self, line_number):
        """Close the area's table, which must have its header and a service."""
        self.line_number = line_number
        self.row_end()
        if not self.area.services:
            raise self.error(
                _("The table of policy area %(number)d has no services.")
                % {"number": self.area.number}
            )
