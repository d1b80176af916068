"""Read a 행정서비스 이행표준 document from the text of its PDF or HWP file.

Every sector's document has the same shape: a title line, numbered policy
areas ("1."), lettered commitments ("가."), numbered pledges ("1)") and, last
in each area, a table of service desks (``directory.loading.service_tables``). What
comes out of the PDF is that shape broken up; this module puts it back
together and knows nothing about the database.
"""

import re
import unicodedata

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .document import (
    LETTERS,
    TITLE,
    DocumentArea,
    DocumentCommitment,
    DocumentPledge,
    DocumentService,
    StandardDocument,
    StandardDocumentError,
)
from .service_tables import ServiceTables

__all__ = [
    "DocumentArea",
    "DocumentCommitment",
    "DocumentPledge",
    "DocumentService",
    "StandardDocument",
    "StandardDocumentError",
    "document_parse",
    "document_text",
]

ENCODINGS = ["utf-8-sig", "cp949"]
AREA = re.compile(r"^(?P<number>\d+)\.\s+(?P<text>.*)$")
COMMITMENT = re.compile(rf"^(?P<letter>[{LETTERS}])\.\s+(?P<text>.*)$")
PLEDGE = re.compile(r"^(?P<number>\d+)\)\s*(?P<text>.*)$")
TABLE = re.compile(r"^서비스별\s*접수\s*[·ㆍ・․.]?\s*처리\s*창구$")
# Page numbers ("- 3 -") that the PDF puts between the lines of the text.
PAGE_NUMBER = re.compile(r"^-\s*\d+\s*-$")
EXPECTED_COMMITMENT = gettext_lazy(
    "Expected commitment “%(letter)s.”, found “%(text)s”."
)
# Control characters never occur in a text export; form feeds (page breaks) do.
BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def document_text(content):
    """The document as text: bytes are UTF-8, or else CP949 (which covers EUC-KR)."""
    if isinstance(content, bytes):
        for encoding in ENCODINGS:
            try:
                content = content.decode(encoding)
                break
            except UnicodeDecodeError as error:
                failed_at = error.start
        else:
            raise StandardDocumentError(
                content.count(b"\n", 0, failed_at) + 1,
                _("The file is not text in UTF-8 or CP949 (EUC-KR)."),
            )
    text = unicodedata.normalize("NFC", content)
    if binary := BINARY.search(text):
        raise StandardDocumentError(
            text.count("\n", 0, binary.start()) + 1,
            _("The file contains binary data, not text."),
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def document_parse(content):
    """Parse a document given as bytes or text into a ``StandardDocument``."""
    parser = _Parser()
    for number, line in enumerate(document_text(content).split("\n"), 1):
        parser.line_number = number
        if line.strip() and not PAGE_NUMBER.match(line.strip()):
            parser.feed(line.lstrip())
    return parser.finish()


def joined(text, line):
    """Join a wrapped line: only a line that ended in a space continues after one."""
    if text[-1:].isspace():
        text = text.rstrip() + " "
    return text + line


class _Parser:
    """Reads the document line by line; ``feed`` gets each line that has text."""

    def __init__(self):
        self.line_number = 0
        self.document = None
        self.in_table = False
        self.wrapping = None
        self.tables = ServiceTables()

    @property
    def area(self):
        return self.document.areas[-1] if self.document.areas else None

    def unexpected(self, message, text, **values):
        return StandardDocumentError(
            self.line_number, message % {"text": text.strip(), **values}
        )

    def feed(self, line):
        if self.document is None:
            self.title(line.strip())
        elif match := AREA.match(line):
            self.area_start(match)
        elif self.in_table:
            self.tables.feed(line, self.line_number)
        elif match := COMMITMENT.match(line):
            self.commitment(match)
        elif match := PLEDGE.match(line):
            self.pledge(match)
        elif self.wrapping is None:
            raise self.unexpected(_("Expected policy area 1, found “%(text)s”."), line)
        else:
            owner, name = self.wrapping
            setattr(owner, name, joined(getattr(owner, name), line))

    def title(self, text):
        if not TITLE.match(text):
            raise self.unexpected(
                _("Expected the title “… 분야 행정서비스 이행표준”, found “%(text)s”."),
                text,
            )
        self.document = StandardDocument(self.line_number, text)

    def heading_check(self, match, key, expected, message):
        """Headings are numbered in order; anything else is a broken document."""
        found = match[key]
        if (int(found) if key == "number" else found) != expected:
            raise self.unexpected(message, match[0], **{key: expected})

    def block_open(self, blocks, block, text_field):
        blocks.append(block)
        self.wrapping = (block, text_field)

    def area_start(self, match):
        number = len(self.document.areas) + 1
        self.heading_check(
            match,
            "number",
            number,
            _("Expected policy area %(number)d, found “%(text)s”."),
        )
        self.area_end()
        area = DocumentArea(self.line_number, number, match["text"])
        self.block_open(self.document.areas, area, "title")
        self.in_table = False

    def commitment(self, match):
        area = self.area
        if area is None:
            raise self.unexpected(
                _("Expected policy area 1, found “%(text)s”."), match[0]
            )
        if TABLE.match(match["text"].strip()):
            self.tables.start(area, self.line_number)
            self.in_table, self.wrapping = True, None
            return
        letter = LETTERS[len(area.commitments) % len(LETTERS)]
        self.heading_check(match, "letter", letter, EXPECTED_COMMITMENT)
        commitment = DocumentCommitment(self.line_number, letter, match["text"])
        self.block_open(area.commitments, commitment, "title")

    def pledge(self, match):
        if self.area is None or not self.area.commitments:
            raise self.unexpected(EXPECTED_COMMITMENT, match[0], letter=LETTERS[0])
        commitment = self.area.commitments[-1]
        number = len(commitment.pledges) + 1
        self.heading_check(
            match, "number", number, _("Expected pledge %(number)d), found “%(text)s”.")
        )
        pledge = DocumentPledge(self.line_number, number, match["text"])
        self.block_open(commitment.pledges, pledge, "text")

    def area_end(self):
        if self.area is None:
            return
        if not self.in_table:
            raise StandardDocumentError(
                self.line_number,
                _("Policy area %(number)d has no table of service desks.")
                % {"number": self.area.number},
            )
        self.tables.end(self.line_number)

    def finish(self):
        if self.document is None:
            raise StandardDocumentError(1, _("The document is empty."))
        if not self.document.areas:
            raise StandardDocumentError(
                self.line_number, _("The document has no policy areas.")
            )
        self.area_end()
        # Wrapped text keeps the space a line ended in until the next line
        # comes; the last line of a block needs it trimmed.
        for area in self.document.areas:
            area.title = area.title.strip()
            for commitment in area.commitments:
                commitment.title = commitment.title.strip()
                for pledge in commitment.pledges:
                    pledge.text = pledge.text.strip()
        return self.document
