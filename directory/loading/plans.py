"""Rows to load: a parsed standard document or the shipped fixtures, planned alike.

A row is a model label and its fields as a fixture gives them, relations by
natural key. Its key in the ledger (``SeedRecord``) is its natural key, made
of the fields its model names in ``natural_key_fields``.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db.models import Max

from standards.models import Sector

from .. import phones

# What a standard document holds, each model after the ones its rows refer to.
DOCUMENT_MODELS = [
    "standards.sector",
    "standards.policyarea",
    "standards.commitment",
    "standards.pledge",
    "directory.division",
    "directory.contact",
    "directory.service",
    "directory.servicephone",
]
# Everything the fixtures ship, in the order it loads.
MODELS = [
    *DOCUMENT_MODELS,
    "directory.synonym",
    "directory.helpline",
    "directory.searchword",
]
FIXTURE_NAMES = [
    "standards.json",
    "directory.json",
    "synonyms.json",
    "helplines.json",
    "search_words.json",
]


@dataclass
class Row:
    model: str
    line: int | None
    fields: dict
    defaults: dict = field(default_factory=dict)

    @property
    def key(self):
        """Its natural key as the ledger spells it: ``[["이민사회", 1], "가"]``."""
        names = apps.get_model(self.model).natural_key_fields
        return json.dumps([self.fields[name] for name in names], ensure_ascii=False)


def natural_key(key):
    """A ledger key as natural_key() gives it: ``["이민사회", 1, "가"]``."""
    return list(flattened(json.loads(key)))


def flattened(values):
    for value in values:
        if isinstance(value, list):
            yield from flattened(value)
        else:
            yield value


def in_load_order(rows):
    return sorted(rows, key=lambda row: MODELS.index(row.model))


def fixture_rows(names=FIXTURE_NAMES):
    """The records of the shipped fixtures, as rows in the order they load."""
    rows = []
    for name in names:
        with open(fixture_path(name), encoding="utf-8") as handle:
            rows += [
                Row(record["model"], None, record["fields"])
                for record in json.load(handle)
            ]
    return in_load_order(rows)


def fixture_path(name):
    for folder in settings.FIXTURE_DIRS:
        path = Path(folder) / name
        if path.exists():
            return path
    raise FileNotFoundError(name)


def document_rows(document):
    """The document as rows in the order they load, each with its line."""
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
    return in_load_order(unique.values())


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
    fax = phones.national(service.fax) if service.fax else None
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
        number = phones.national(phone)
        fields = {"number": number, "kind": "phone"}
        yield Row("directory.contact", service.line, fields)
        fields = {
            "service": [*area_key, service.name],
            "contact": [number],
            "position": place,
        }
        yield Row("directory.servicephone", service.line, fields)
