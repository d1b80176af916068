from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from directory.loading.loader import RowError
from directory.loading.seeding import directory_seed


class Command(BaseCommand):
    """Seed the directory; exits non-zero when fixture rows could not be added."""

    help = (
        "Load the shipped fixtures: add what is missing and never overwrite a row "
        "that already exists, so that staff edits always win."
    )

    def handle(self, *args, **options):
        try:
            report = directory_seed()
        except RowError as error:
            raise CommandError(str(error)) from None
        for change in report.added:
            self.stdout.write(_("Added %(model)s %(key)s") % self.names(change))
        for change in report.changed:
            self.stdout.write(
                _("Translated %(model)s %(key)s: %(fields)s") % self.names(change)
            )
        differing = [change for change in report.kept if change.differences]
        for change in differing:
            self.stdout.write(
                _("Left alone %(model)s %(key)s: differs in %(fields)s")
                % self.names(change)
            )
        withdrawn = [c for c in report.kept if not c.differences] + report.conflicts
        for change in withdrawn:
            self.stdout.write(
                _("Left alone %(model)s %(key)s: changed or removed by staff")
                % self.names(change)
            )
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Seeding done: %(added)d added, %(differing)d differ, "
                    "%(withdrawn)d withdrawn by staff, %(unchanged)d unchanged."
                )
                % {
                    "added": len(report.added),
                    "differing": len(differing),
                    "withdrawn": len(withdrawn),
                    "unchanged": len(report.unchanged),
                }
            )
        )
        if report.conflicts:
            # Staff edits are kept on purpose; a shipped row that cannot be
            # added at all needs someone to look, so deployments stop here.
            raise CommandError(
                _(
                    "Some rows of the fixtures were not added because a row "
                    "they belong to is missing."
                )
            )

    def names(self, change):
        return {
            "model": change.model,
            "key": change.key,
            "fields": ", ".join(change.differences),
        }
