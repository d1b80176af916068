"""What the import tests share: the documents, the seed document with lines
changed, importing them, and the database as a document would have it."""

import json
from itertools import chain
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder

from directory.loading.importing import standard_import
from directory.loading.parsing import document_parse
from directory.loading.values import translation_fields
from directory.models import Contact, Division, SeedRecord, Service, ServicePhone
from standards.models import Commitment, Pledge, PolicyArea, Sector

SEED = Path(settings.BASE_DIR) / "fixtures" / "documents" / "immigrant_society.txt"
DOCUMENTS = Path(__file__).resolve().parents[2] / "documents"
MODELS = [Sector, PolicyArea, Commitment, Pledge, Division, Contact, Service]
MODELS += [ServicePhone]
NOT_IN_DOCUMENTS = {"hours", "hours_note", "languages", "languages_note"}


def seed_text(replacements=(), inserted=(), cut=None):
    """The seed document with lines replaced or inserted (numbered from 1),
    or cut off before line ``cut``."""
    lines = SEED.read_text(encoding="utf-8").split("\n")[:cut]
    for number, text in replacements:
        lines[number - 1] = text
    for number, text in sorted(inserted, reverse=True):
        lines.insert(number - 1, text)
    return "\n".join(lines)


def snapshot():
    """Every standard and directory row, serialized by natural key.

    A document has only the Korean text, so translations are left out, and
    no description (staff write those), nor a number's hours and languages
    (the fixtures give the province's office hours, with their source).
    """
    rows = serializers.serialize(
        "python",
        chain.from_iterable(model.objects.all() for model in MODELS),
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )
    for row in rows:
        foreign = translation_fields(apps.get_model(row["model"]))
        row["fields"] = {
            k: v
            for k, v in row["fields"].items()
            if k not in foreign
            and not k.startswith("description")
            and k not in NOT_IN_DOCUMENTS
        }
    return sorted(
        json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True)
        for row in rows
    )


def ledger():
    return sorted(SeedRecord.objects.values_list("model", "key", "values"), key=str)


def import_text(content, **options):
    return standard_import(document_parse(content), **options)


def import_file(path, **options):
    return import_text(Path(path).read_bytes(), **options)


def labels(changes):
    return [change.label for change in changes]


def phones(name):
    return [c.national for c in Service.objects.get(name=name).phones_in_order]
