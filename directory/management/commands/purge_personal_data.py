from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from directory.models import Report, VerificationRequest
from directory.reports import QUOTA_WINDOW

# How long a sent verification request, with the team's address, is kept
# (the privacy page says so).
REQUESTS_KEPT = timedelta(days=365)


class Command(BaseCommand):
    """Erase what the privacy page says is kept only for a while.

    Reports' address hashes once the report quota no longer counts them (their
    history never records them); verification requests (a team's
    address) after a year. Run daily, with the verification mails.
    """

    help = "Erase report address hashes and old verification requests."

    def handle(self, *args, **options):
        now = timezone.now()
        hashes_before = now - QUOTA_WINDOW
        with transaction.atomic():
            hashes = (
                Report.objects.filter(created_at__lt=hashes_before)
                .exclude(client_hash="")
                .update(client_hash="")
            )
            old = list(
                VerificationRequest.objects.filter(
                    created_at__lt=now - REQUESTS_KEPT
                ).values_list("pk", flat=True)
            )
            requests, _by_model = VerificationRequest.objects.filter(
                pk__in=old
            ).delete()
            # Deleting writes a history entry too: the address goes with it.
            VerificationRequest.history.filter(id__in=old).delete()
        self.stdout.write(
            f"Erased {hashes} report address hashes and {requests} verification "
            "requests."
        )
