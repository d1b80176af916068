from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from directory.loading.seeding import directory_seed


class Command(BaseCommand):
    help = (
        "Load the shipped fixtures: add what is missing and never overwrite a row "
        "that already exists, so that staff edits always win."
    )

    def handle(self, *args, **options):
        report = directory_seed()
        for label, key in report.added:
            self.stdout.write(
                _("Added %(model)s %(key)s") % {"model": label, "key": key}
            )
        for label, key, fields in report.translated:
            self.stdout.write(
                _("Translated %(model)s %(key)s: %(fields)s")
                % {"model": label, "key": key, "fields": ", ".join(fields)}
            )
        for label, key, fields in report.differing:
            self.stdout.write(
                _("Left alone %(model)s %(key)s: differs in %(fields)s")
                % {"model": label, "key": key, "fields": ", ".join(fields)}
            )
        for label, key in report.withdrawn:
            self.stdout.write(
                _("Left alone %(model)s %(key)s: changed or removed by staff")
                % {"model": label, "key": key}
            )
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Seeding done: %(added)d added, %(differing)d differ, "
                    "%(withdrawn)d withdrawn by staff, %(unchanged)d unchanged."
                )
                % {
                    "added": len(report.added),
                    "differing": len(report.differing),
                    "withdrawn": len(report.withdrawn),
                    "unchanged": report.unchanged,
                }
            )
        )
