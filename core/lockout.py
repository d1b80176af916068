"""django-axes's database handler, also locking out one address that sprays.

Axes locks an account only from the address that failed (so nobody elsewhere
can keep a colleague out) after ``AXES_FAILURE_LIMIT`` failures. Trying a few
passwords against every account from one address would never reach that, so
the address alone is also locked once its failures against any accounts reach
``AXES_ADDRESS_FAILURE_LIMIT`` within the cool-off time.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


class SprayResistantHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        # Axes decides on this count both before a login and after a failure.
        failures = super().get_failures(request, credentials)
        if self.address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures

    def address_failures(self, request):
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return 0
        since = timezone.now() - settings.AXES_COOLOFF_TIME
        failures = AccessAttempt.objects.filter(
            ip_address=address, attempt_time__gte=since
        ).aggregate(total=Sum("failures_since_start"))["total"]
        return failures or 0
