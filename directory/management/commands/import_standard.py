from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from directory.loading.importing import standard_import
from directory.loading.parsing import StandardDocumentError, document_parse

MARKS = ["+", "~", "-", "!", "="]


class Command(BaseCommand):
    """Import one sector's document; ``--dry-run`` prints the report only.

    Exits non-zero when the import leaves (or would leave) rows in conflict.
    """

    help = (
        "Create or update a sector from the text of its 행정서비스 이행표준 "
        "document, in UTF-8 or CP949. Rows that staff edited since they were "
        "loaded are reported as conflicts and kept, unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="The document's text, as exported from its PDF or HWP file."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be added, changed and left alone; write nothing.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Replace rows that staff have edited."
        )

    def handle(self, *args, file, dry_run, force, verbosity, **options):
        try:
            content = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(error) from None
        try:
            report = standard_import(
                document_parse(content), dry_run=dry_run, force=force
            )
        except StandardDocumentError as error:
            raise CommandError(str(error)) from None
        for mark, (heading, changes) in zip(MARKS, report.sections, strict=True):
            if changes and (changes is not report.unchanged or verbosity > 1):
                self.stdout.write(f"{heading}:")
                for change in changes:
                    self.stdout.write(self.change_text(mark, change))
        summary = report.summary
        if report.dry_run:
            summary += " " + _("Dry run: nothing was written.")
        self.stdout.write(summary, self.style.SUCCESS)
        if report.conflicts and not force:
            raise CommandError(
                _("Rows in conflict were left alone; use --force to replace them.")
            )
        if report.conflicts:
            raise CommandError(_("Rows in conflict were left alone."))

    def change_text(self, mark, change):
        details = [str(change.reason_text)] if change.reason_text else []
        details += change.difference_texts
        if change.line:
            details.append(_("line %(line)d") % {"line": change.line})
        return f"  {mark} {change.label}" + (
            f" ({'; '.join(details)})" if details else ""
        )
