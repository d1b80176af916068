"""Load the shipped fixtures without ever overwriting what staff have changed.

``loaddata`` replaces rows that share a natural key, which would undo staff
edits on every deployment. Seeding instead adds only what is missing, compares
what already exists, and remembers what it has added (``SeedRecord``) so that a
row staff renamed or deleted is not brought back either. The ledger keeps the
values each row was seeded with, which ``directory.loading.importing`` compares to tell
staff edits from rows a newer document may update.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.base import DeserializationError
from django.db import transaction
from modeltranslation.translator import NotRegistered, translator
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_manager_for_model

from ..models import SeedRecord

FIXTURE_NAMES = [
    "standards.json",
    "directory.json",
    "synonyms.json",
    "helplines.json",
]

# The fixture fields that identify a row, as each model's natural_key() does.
NATURAL_KEY_FIELDS = {
    "standards.sector": ["name"],
    "standards.policyarea": ["sector", "number"],
    "standards.commitment": ["area", "letter"],
    "standards.pledge": ["commitment", "number"],
    "directory.division": ["sector", "name"],
    "directory.contact": ["number"],
    "directory.service": ["area", "name"],
    "directory.servicephone": ["service", "contact"],
    "directory.synonym": ["term", "synonym"],
    "directory.helpline": ["number"],
}


@dataclass
class SeedReport:
    added: list = field(default_factory=list)
    differing: list = field(default_factory=list)
    withdrawn: list = field(default_factory=list)
    translated: list = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed_anything(self):
        return bool(self.added or self.translated)


def fixture_path(name):
    for folder in settings.FIXTURE_DIRS:
        path = Path(folder) / name
        if path.exists():
            return path
    raise FileNotFoundError(name)


def fixture_records(names=FIXTURE_NAMES):
    for name in names:
        with open(fixture_path(name), encoding="utf-8") as handle:
            yield from json.load(handle)


def record_key(record):
    values = [record["fields"][name] for name in NATURAL_KEY_FIELDS[record["model"]]]
    return json.dumps(values, ensure_ascii=False)


def _differences(item):
    """Names of the fields whose fixture value differs from the database row."""
    obj = item.object
    current = type(obj)._base_manager.get(pk=obj.pk)
    names = [
        f.name
        for f in obj._meta.concrete_fields
        if not f.primary_key and getattr(obj, f.attname) != getattr(current, f.attname)
    ]
    for name, pks in (item.m2m_data or {}).items():
        existing = set(getattr(current, name).values_list("pk", flat=True))
        if existing != set(pks):
            names.append(name)
    names += [f.name for f in item.deferred_fields or {}]
    return list(dict.fromkeys(names))


def translation_fields(model):
    """The columns of a model's translations, the official Korean one aside."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return set()
    return {
        field.name
        for fields in options.all_fields.values()
        for field in fields
        if field.language != settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    }


def _fill_translations(item, names):
    """Give an existing row the fixture's translations it does not have yet.

    A translation missing from the database is missing data, not a staff
    edit: seeding adds it, as it adds missing rows, and never replaces one.
    Returns the names of the fields it filled.
    """
    obj = item.object
    current = type(obj)._base_manager.get(pk=obj.pk)
    filled = [
        name
        for name in names
        if name in translation_fields(type(obj))
        and not getattr(current, name)
        and getattr(obj, name)
    ]
    if filled:
        for name in filled:
            setattr(current, name, getattr(obj, name))
        current._change_reason = "seed_directory"
        current.save(update_fields=filled)
    return filled


def _save_with_history(item):
    """Save a new fixture row and record its first version in its history.

    Raw saves (as ``loaddata`` makes them) skip django-simple-history, so the
    first version is written here; otherwise the first staff edit would have
    nothing to compare with. Many-to-many links are set afterwards so that they
    appear in the history as a change of their own.
    """
    obj = item.object
    item.save(save_m2m=False)
    try:
        manager = get_history_manager_for_model(type(obj))
    except NotHistoricalModelError:
        pass
    else:
        manager.bulk_history_create([obj], default_change_reason="seed_directory")
    for name, pks in (item.m2m_data or {}).items():
        getattr(obj, name).set(pks)


@transaction.atomic
def directory_seed(names=FIXTURE_NAMES):
    """Add the fixture rows that are missing; leave every existing row alone."""
    report = SeedReport()
    for record in fixture_records(names):
        label, key = record["model"], record_key(record)
        seen_before = SeedRecord.objects.filter(model=label, key=key).exists()
        try:
            (item,) = serializers.deserialize(
                "python", [record], handle_forward_references=True
            )
        except (DeserializationError, ObjectDoesNotExist):
            # A row this one belongs to no longer exists under its seeded key.
            report.withdrawn.append((label, key))
            continue
        obj = item.object
        values = record["fields"]
        if obj.pk is not None and type(obj)._base_manager.filter(pk=obj.pk).exists():
            differences = _differences(item)
            if filled := _fill_translations(item, differences):
                report.translated.append((label, key, filled))
                differences = [name for name in differences if name not in filled]
            if differences:
                report.differing.append((label, key, differences))
                values = None
            else:
                report.unchanged += 1
        elif seen_before or item.deferred_fields:
            # Staff renamed or removed this row (or the row it belongs to).
            report.withdrawn.append((label, key))
            continue
        else:
            _save_with_history(item)
            report.added.append((label, key))
        SeedRecord.objects.get_or_create(
            model=label, key=key, defaults={"values": values}
        )
    return report
