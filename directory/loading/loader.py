"""The one loader: rows into the database, without overwriting what staff changed.

Each row is compared with the database and with the ledger (``SeedRecord``)
of the values that seeding or an import last gave it. A missing row is added,
unless staff deleted it after it was loaded. A row that differs is updated
only if it still holds the values it was loaded with; otherwise staff edited
it, a conflict that only ``force`` replaces. A loaded row that the source no
longer has is removed, unless staff edited it or other rows still use it.
Seeding runs it ``add_only``: an existing row is never overwritten, whatever
the ledger says; only the translations it lacks are filled in.
"""

from contextlib import contextmanager

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import IntegrityError, OperationalError, connections, router, transaction
from django.utils.translation import gettext as _

from standards.models import official_language

from ..models import SeedRecord
from ..signals import indexing_deferred
from .document import StandardDocumentError
from .plans import MODELS, natural_key
from .report import RowChange
from .values import (
    Attributes,
    differs,
    in_use,
    resolved,
    row_values,
    translation_fields,
)

# Positions are unique within their area or service; rows that move are put
# out of the way first so that they can trade places.
PARKED_MODELS = ["directory.service", "directory.servicephone"]
PARKING = 30000
SAVED = ("add", "change", "forced")
# The advisory lock that every run takes on PostgreSQL (any number will do,
# as long as nothing else in the database uses it).
LOCK_KEY = 7_335_101


class RowError(StandardDocumentError):
    """A row cannot be written as the database stands (``line_number``: its
    line in the document; None for the fixtures or the whole run)."""

    def __str__(self):
        if self.line_number is None:
            return str(self.message)
        return super().__str__()


@contextmanager
def loading(*, dry_run=False):
    """One run's transaction, which no other run overlaps, indexed at its end.

    A dry run rolls it back, so its report says exactly what a real run would
    do. A run that the database stops (another writer got there first, or the
    lock was not granted in time) writes nothing and says so.
    """
    using = router.db_for_write(SeedRecord)
    try:
        with transaction.atomic(using=using):
            run_lock(connections[using])
            with indexing_deferred():
                yield
            if dry_run:
                transaction.set_rollback(True, using=using)
    except (IntegrityError, OperationalError) as error:
        message = _(
            "Another change reached the directory while this run was loading "
            "it, so nothing was written; run it again. (%(error)s)"
        ) % {"error": error}
        raise RowError(None, message) from error


def run_lock(connection):
    """Make concurrent runs wait for each other rather than collide."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        elif connection.vendor == "sqlite":
            # SQLite serialises writers, but a transaction that has read
            # before another one wrote can never write: take the write lock
            # first, waiting for it as long as the connection's timeout.
            table = connection.ops.quote_name(SeedRecord._meta.db_table)
            cursor.execute(f"UPDATE {table} SET id = id WHERE 0")


class RowLoader:
    """Loads rows against the ledger, for one run inside ``loading()``.

    It reads the ledger once, and ``finish`` writes it. ``reason`` goes into
    the history of every row it saves.
    """

    def __init__(self, report, *, force=False, add_only=False, reason=None):
        self.report = report
        self.force = force
        self.add_only = add_only
        self.reason = reason
        self.records = {(r.model, r.key): r for r in SeedRecord.objects.all()}
        self.attributes = Attributes()
        self.touched = set()

    def rows_load(self, rows):
        """Add or update the rows, one model after another in load order."""
        for model in MODELS:
            self.rows_apply([row for row in rows if row.model == model])

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
            if action in SAVED and not self.row_save(row, obj):
                action = "orphaned"
            if action == "keep":
                differences = self.translations_fill(row, obj, differences)
                action = "kept" if differences else "unchanged"
            change = RowChange(row.model, row.key, row.line, differences, action)
            if action in SAVED:
                (self.report.changed if obj else self.report.added).append(change)
            elif action == "unchanged":
                change.reason = ""
                # A row whose translations seeding just filled in is still
                # unchanged in itself.
                self.report.unchanged.append(change)
            elif action == "kept" or (self.add_only and action == "deleted"):
                self.report.kept.append(change)
            else:
                self.report.conflicts.append(change)
            self.ledger_note(row, action)

    def row_plan(self, row):
        """What to do with the row: (action, database row, differences).

        The action is "add", "change", "unchanged", "forced" (a change that
        replaces a staff edit), "keep" (seeding's answer to any difference)
        or, for a conflict, its reason.
        """
        record = self.records.get((row.model, row.key))
        obj = stored_row(row.model, row.key)
        if obj is None:
            seen = record is not None and not self.force
            if seen and (self.add_only or record.values is not None):
                return "deleted", None, {}
            return "add", None, {}
        attributes = self.attributes(row)
        if not self.add_only and not resolved(attributes):
            return "orphaned", obj, {}
        names = [
            name
            for name, value in attributes.items()
            if name not in obj.natural_key_fields and differs(obj, name, value)
        ]
        if not names:
            return "unchanged", obj, {}
        current = row_values(obj, names)
        differences = {name: (current[name], row.fields[name]) for name in names}
        loaded = record.values if record else None
        if self.add_only:
            action = "keep"
        elif self.force:
            action = "forced"
        elif loaded is None:
            action = "untracked"
        elif all(name in loaded and loaded[name] == current[name] for name in names):
            action = "change"
        else:
            action = "edited"
        return action, obj, differences

    def row_save(self, row, obj):
        """Write the row; False when a row it refers to is missing."""
        obj = obj or apps.get_model(row.model)(**row.defaults)
        attributes = self.attributes(row)
        if not resolved(attributes):
            return False
        meta = obj._meta
        links = {n: v for n, v in attributes.items() if meta.get_field(n).many_to_many}
        relations = [name for name in attributes if meta.get_field(name).remote_field]
        for name, value in attributes.items():
            if name not in links:
                setattr(obj, meta.get_field(name).attname, value)
        try:
            # Relations were just looked up by natural key, so they exist.
            obj.clean_fields(exclude=relations)
            obj.clean()
            obj.validate_unique()
            obj.validate_constraints()
        except ValidationError as error:
            label = RowChange(row.model, row.key).label
            raise RowError(row.line, f"{label}: {' '.join(error.messages)}") from None
        obj._change_reason = self.reason
        obj.save()
        # Links are set once the row's first version is in its history, where
        # they show as a change of their own.
        obj._change_reason = None
        for name, pks in links.items():
            getattr(obj, name).set(pks)
        return True

    def translations_fill(self, row, obj, differences):
        """Give a row the translations it lacks; the differences that remain.

        A translation missing from the database is missing data, not a staff
        edit: seeding adds it, as it adds missing rows, and never replaces one.
        """
        foreign = translation_fields(type(obj))
        filled = {
            name: (db, new)
            for name, (db, new) in differences.items()
            if name in foreign and not db and new
        }
        if filled:
            for name in filled:
                setattr(obj, name, row.fields[name])
            obj._change_reason = self.reason
            obj.save(update_fields=list(filled))
            change = RowChange(row.model, row.key, row.line, filled, "translated")
            self.report.changed.append(change)
        return {k: v for k, v in differences.items() if k not in filled}

    def ledger_note(self, row, action):
        """Remember the values a row was loaded with.

        Seeding never rewrites what the ledger knows, and notes a row that
        already differed with no values: it never loaded them.
        """
        known = (row.model, row.key) in self.records
        if self.add_only and not known and action in ("add", "unchanged", "kept"):
            values = None if action == "kept" else row.fields
            self.record_values(row.model, row.key, values)
        elif not self.add_only and action in (*SAVED, "unchanged"):
            self.record_values(row.model, row.key, row.fields)

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
            change = RowChange(record.model, record.key)
            obj = stored_row(record.model, record.key)
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


def stored_row(model, key):
    """The database row whose natural key is the ledger's ``key``, or None."""
    manager = apps.get_model(model)._default_manager
    try:
        return manager.get_by_natural_key(*natural_key(key))
    except ObjectDoesNotExist:
        return None
