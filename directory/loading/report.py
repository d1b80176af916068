"""What a run of the loader did, row by row: the one report of seeding and imports."""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .plans import flattened, natural_key

REASONS = {
    "deleted": _("renamed or deleted by staff since it was loaded"),
    "edited": _("edited by staff since it was loaded"),
    "untracked": _("differs from the document, which never loaded it"),
    "orphaned": _("the row it belongs to is missing"),
    "dropped": _("no longer in the document, but edited by staff"),
    "in use": _("no longer in the document, but other rows still use it"),
    "forced": _("staff edit replaced"),
}


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
class LoadReport:
    """Rows added, changed, removed, in conflict (a decision for staff to make),
    kept (left as staff made them: what seeding does with any edit) and
    unchanged. Seeding lists the translations it fills in as changes of their
    own, besides what it says of the row."""

    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    kept: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    sector: str = ""
    dry_run: bool = False

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

    @property
    def summary(self):
        return gettext(
            "%(sector)s: %(added)d added, %(changed)d changed, %(removed)d removed, "
            "%(conflicts)d in conflict, %(unchanged)d unchanged."
        ) % {
            "sector": self.sector,
            "added": len(self.added),
            "changed": len(self.changed),
            "removed": len(self.removed),
            "conflicts": len(self.conflicts),
            "unchanged": len(self.unchanged),
        }


def value_text(value):
    """A fixture value as people read it: natural keys joined with " · "."""
    if value is None:
        return "—"
    if isinstance(value, list):
        return " · ".join(map(str, flattened(value)))
    return str(value)
