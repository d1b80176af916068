import datetime

from django.conf import settings
from django.core.mail import get_connection
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import VerificationRequest
from directory.verification.mail import build_message, send_request
from directory.verification.progress import due_divisions


class Command(BaseCommand):
    """E-mail each team whose services or numbers are due a link to confirm them.

    Run daily. An address asked within ``DJANGO_VERIFY_RESEND_DAYS`` is left
    alone; one whose mail failed is asked again on the next run. Exits with an
    error when any mail could not be sent.
    """

    help = "E-mail every team whose services or numbers are due for confirmation."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the messages and send nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        if not settings.SITE_URL:
            raise CommandError(
                _(
                    "Set DJANGO_SITE_URL to the site's address: the links in the "
                    "mails are built on it."
                )
            )
        since = timezone.now() - datetime.timedelta(days=settings.VERIFY_RESEND_DAYS)
        connection = None if dry_run else get_connection()
        sent = failed = 0
        for division in due_divisions().select_related("sector"):
            if not division.email_addresses:
                self.stdout.write(
                    _("Skipped %(division)s: it has no e-mail address.")
                    % {"division": division}
                )
            for address in division.email_addresses:
                asked = division.verification_requests.sent_since(since).filter(
                    address=address
                )
                if last := asked.first():
                    self.stdout.write(
                        _("Skipped %(division)s <%(address)s>: asked on %(date)s.")
                        % {
                            "division": division,
                            "address": address,
                            "date": timezone.localdate(last.sent_at),
                        }
                    )
                elif dry_run:
                    request = VerificationRequest(division=division, address=address)
                    message = build_message(
                        request, url=settings.SITE_URL + "/verify/…/"
                    )
                    self.stdout.write(f"To: {address}\nSubject: {message.subject}\n")
                    self.stdout.write(message.body)
                elif send_request(division, address, connection):
                    sent += 1
                    self.stdout.write(
                        _("Sent to %(division)s <%(address)s>.")
                        % {"division": division, "address": address}
                    )
                else:
                    failed += 1
                    self.stderr.write(
                        _(
                            "Could not send to %(division)s <%(address)s>; it will "
                            "be tried again on the next run."
                        )
                        % {"division": division, "address": address}
                    )
        self.stdout.write(
            _("%(sent)d sent, %(failed)d failed.") % {"sent": sent, "failed": failed}
        )
        if failed:
            raise CommandError(
                _("%(failed)d messages could not be sent.") % {"failed": failed}
            )
