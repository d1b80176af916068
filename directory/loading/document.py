"""What a 행정서비스 이행표준 document says, as ``directory.loading.parsing`` reads it.

Plain dataclasses, each with the line of the document it starts on, so that
whoever uses them can point staff to the place in the file.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from phonenumber_field.phonenumber import PhoneNumber

LETTERS = "가나다라마바사아자차카타파하"
TITLE = re.compile(r"^(?P<name>\S.*?)\s*분야\s*행정서비스\s*이행표준$")


class StandardDocumentError(Exception):
    """The text is not a service standard document, at ``line_number``."""

    def __init__(self, line_number, message):
        self.line_number = line_number
        self.message = message
        super().__init__(str(self))

    def __str__(self):
        return _("Line %(line)d: %(message)s") % {
            "line": self.line_number,
            "message": self.message,
        }


@dataclass
class DocumentPledge:
    line: int
    number: int
    text: str


@dataclass
class DocumentCommitment:
    line: int
    letter: str
    title: str
    pledges: list = field(default_factory=list)

    @property
    def position(self):
        return LETTERS.index(self.letter) + 1


@dataclass
class DocumentService:
    line: int
    name: str
    division: str = ""
    phones: list = field(default_factory=list)
    fax: PhoneNumber | None = None


@dataclass
class DocumentArea:
    line: int
    number: int
    title: str
    commitments: list = field(default_factory=list)
    services: list = field(default_factory=list)
    table_line: int | None = None


@dataclass
class StandardDocument:
    line: int
    title: str
    areas: list = field(default_factory=list)

    @property
    def name(self):
        """The sector's name: the title without " 분야 행정서비스 이행표준"."""
        return TITLE.match(self.title)["name"]

    @property
    def divisions(self):
        """(name, line) of each division, in the order the tables first list them."""
        seen = {}
        for area in self.areas:
            for service in area.services:
                seen.setdefault(service.division, service.line)
        return list(seen.items())
