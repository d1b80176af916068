"""Load fixture-shaped rows without overwriting what staff have changed.

A row is a model label and its fields as a fixture gives them, relations by
natural key. Each row is compared with the database and with the ledger
(``SeedRecord``) of the values that seeding or an earlier import last gave it:

- a missing row is added, unless staff deleted it after it was loaded;
- a row that differs is updated only if it still holds the values it was
  loaded with; otherwise staff edited it, and it is a conflict that only
  ``force`` replaces;
- a loaded row that the source no longer has is removed, unless staff edited
  it or other rows still use it.
"""

import json
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.admin.utils import NestedObjects
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.serializers.base import deserialize_fk_value
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router
from django.utils.translation import gettext_lazy as _

from standards.models import official_language

from ..models import SeedRecord
from .document import StandardDocumentError
from .seeding import NATURAL_KEY_FIELDS, record_key

MODELS = list(NATURAL_KEY_FIELDS)
# Rows computed from others (the search index) never keep a row in use.
DERIVED_MODELS = {"directory.searchentry", "directory.searchgram"}
# Positions are unique within their area or service; rows that move are put
# out of the way first so that they can trade places.
PARKED_MODELS = ["directory.service", "directory.servicephone"]
PARKING = 30000
REASONS = {
    "deleted": _("renamed or deleted by staff since it was loaded"),
    "edited": _("edited by staff since it was loaded"),
    "untracked": _("differs from the document, which never loaded it"),
    "orphaned": _("the row it belongs to is missing"),
    "dropped": _("no longer in the document, but edited by staff"),
    "in use": _("no longer in the document, but other rows still use it"),
    "forced": _("staff edit replaced"),
}


class RowError(StandardDocumentError):
    """A row of the document cannot be written as the database stands."""


@dataclass
class Row:
    model: str
    line: int
    fields: dict
    defaults: dict = field(default_factory=dict)

    @property
    def key(self):
        return record_key({"model": self.model, "fields": self.fields})


@dataclass
class RowChange:
    model: str
    key: str
    line: int | None = None
    differences: dict = field(default_factory=dict)
    reason: str = ""

    @property
    def label(self):
        verbose_name = apps.get_model(self.model)._meta.verbose_name
        return f"{verbose_name} {' · '.join(map(str, natural_key(self.key)))}"

    @property
    def reason_text(self):
        return REASONS.get(self.reason, "")

    @property
    def difference_texts(self):
        """Each differing field as "name: database value → document value"."""
        meta = apps.get_model(self.model)._meta
        return [
            f"{meta.get_field(name).verbose_name}: {value_text(db)} → {value_text(new)}"
            for name, (db, new) in self.differences.items()
        ]


@dataclass
class LedgerReport:
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)

    @property
    def changed_anything(self):
        return bool(self.added or self.changed or self.removed)

    @property
    def sections(self):
        return [
            (_("Added"), self.added),
            (_("Changed"), self.changed),
            (_("Removed"), self.removed),
            (_("Conflicts"), self.conflicts),
            (_("Unchanged"), self.unchanged),
        ]


def natural_key(key):
    """A ledger key (``[["이민사회", 1], "가"]``) as natural_key() gives it."""
    return list(_flattened(json.loads(key)))


def _flattened(values):
    for value in values:
        if isinstance(value, list):
            yield from _flattened(value)
        else:
            yield value


def value_text(value):
    """A fixture value as people read it: natural keys joined with " · "."""
    if value is None:
        return "—"
    if isinstance(value, list):
        return " · ".join(map(str, _flattened(value)))
    return str(value)


def row_values(obj, names):
    """The row's fields as a fixture gives them, relations by natural key."""
    (data,) = serializers.serialize(
        "python", [obj], fields=list(names), use_natural_foreign_keys=True
    )
    return json.loads(json.dumps(data["fields"], cls=DjangoJSONEncoder))


class RowLoader:
    """Loads rows against the ledger, for one run inside one transaction.

    It reads the ledger once and remembers the primary key behind each natural
    key it resolves, so that a run costs few queries. ``finish`` writes the
    ledger.
    """

    def __init__(self, report, *, force):
        self.report = report
        self.force = force
        self.records = {(r.model, r.key): r for r in SeedRecord.objects.all()}
        self.pks = {}
        self.touched = set()

    @official_language()
    def rows_apply(self, rows):
        """Add or update the rows of one model, in order."""
        plans = [(row, *self.row_plan(row)) for row in rows]
        moving = [
            obj
            for row, action, obj, differences in plans
            if row.model in PARKED_MODELS
            and action in ("change", "forced")
            and "position" in differences
        ]
        for place, obj in enumerate(moving, PARKING):
            type(obj)._base_manager.filter(pk=obj.pk).update(position=place)
        for row, action, obj, differences in plans:
            if action in ("add", "change", "forced") and not self.row_save(row, obj):
                action = "orphaned"
            change = RowChange(row.model, row.key, row.line, differences)
            if action == "unchanged":
                self.report.unchanged.append(change)
            elif action in ("add", "change", "forced"):
                change.reason = action
                (self.report.changed if obj else self.report.added).append(change)
            else:
                change.reason = action
                self.report.conflicts.append(change)
                continue
            self.record_values(row.model, row.key, row.fields)

    def row_plan(self, row):
        """What to do with the row: (action, database row, differences).

        The action is "add", "change", "unchanged", "forced" (a change that
        replaces a staff edit) or, for a conflict, its reason.
        """
        model = apps.get_model(row.model)
        record = self.records.get((row.model, row.key))
        loaded = record.values if record else None
        try:
            obj = model._default_manager.get_by_natural_key(*natural_key(row.key))
        except ObjectDoesNotExist:
            action = "deleted" if loaded is not None and not self.force else "add"
            return action, None, {}
        try:
            attributes = self.attributes(row)
        except ObjectDoesNotExist:
            return "orphaned", obj, {}
        names = [
            name
            for name, value in attributes.items()
            if name not in NATURAL_KEY_FIELDS[row.model]
            and getattr(obj, model._meta.get_field(name).attname) != value
        ]
        if not names:
            return "unchanged", obj, {}
        current = row_values(obj, names)
        differences = {name: (current[name], row.fields[name]) for name in names}
        if self.force:
            action = "forced"
        elif loaded is None:
            action = "untracked"
        elif all(name in loaded and loaded[name] == current[name] for name in names):
            action = "change"
        else:
            action = "edited"
        return action, obj, differences

    def attributes(self, row):
        """The row's fields as attribute values: relations become primary keys."""
        meta = apps.get_model(row.model)._meta
        attributes = {}
        for name, value in row.fields.items():
            model_field = meta.get_field(name)
            if not model_field.remote_field:
                value = model_field.to_python(value)
            elif value is not None:
                key = (model_field.related_model, tuple(value))
                if key not in self.pks:
                    using = router.db_for_write(meta.model)
                    self.pks[key] = deserialize_fk_value(
                        model_field, value, using, False
                    )
                value = self.pks[key]
            attributes[name] = value
        return attributes

    def row_save(self, row, obj):
        """Write the row; False when a row it refers to is missing."""
        obj = obj or apps.get_model(row.model)(**row.defaults)
        try:
            attributes = self.attributes(row)
        except ObjectDoesNotExist:
            return False
        relations = [
            name for name in attributes if obj._meta.get_field(name).remote_field
        ]
        for name, value in attributes.items():
            setattr(obj, obj._meta.get_field(name).attname, value)
        try:
            # Relations were just looked up by natural key, so they exist.
            obj.clean_fields(exclude=relations)
            obj.clean()
            obj.validate_unique()
            obj.validate_constraints()
        except ValidationError as error:
            label = RowChange(row.model, row.key).label
            raise RowError(row.line, f"{label}: {' '.join(error.messages)}") from None
        obj.save()
        return True

    def record_values(self, model, key, values):
        """Remember the values a row was loaded with (None once it is removed)."""
        record = self.records.get((model, key))
        if record is None:
            record = self.records[(model, key)] = SeedRecord(model=model, key=key)
        elif values is not None:
            values = {**(record.values or {}), **values}
        if record.pk is None or record.values != values:
            record.values = values
            self.touched.add((model, key))

    @official_language()
    def rows_remove(self, records, *, final):
        """Remove the rows of these ledger records, where staff have left them alone.

        Removal runs twice: first to free positions for the rows that move in,
        and again after them, when rows that were updated no longer use the
        old ones. Only the final run reports what it leaves alone.
        """
        records = sorted(records, key=lambda record: -MODELS.index(record.model))
        for record in records:
            model = apps.get_model(record.model)
            change = RowChange(record.model, record.key)
            try:
                obj = model._default_manager.get_by_natural_key(
                    *natural_key(record.key)
                )
            except ObjectDoesNotExist:
                obj = None
            if obj is not None:
                if row_values(obj, record.values) != record.values and not self.force:
                    change.reason = "dropped"
                elif in_use(obj):
                    change.reason = "in use"
                else:
                    obj.delete()
                    self.report.removed.append(change)
                    obj = None
            if obj is None:
                self.record_values(record.model, record.key, None)
            elif final:
                self.report.conflicts.append(change)

    def finish(self):
        """Write the ledger records that this run added or changed."""
        records = [self.records[key] for key in sorted(self.touched)]
        SeedRecord.objects.bulk_create([r for r in records if r.pk is None])
        SeedRecord.objects.bulk_update([r for r in records if r.pk], ["values"])


def in_use(obj):
    """Whether deleting the row would take or be stopped by any other row."""
    collector = NestedObjects(using=obj._state.db)
    collector.collect([obj])
    collected = sum(
        len(objs)
        for model, objs in collector.model_objs.items()
        if model._meta.label_lower not in DERIVED_MODELS
    )
    return bool(collector.protected) or collected > 1
