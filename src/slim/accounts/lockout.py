"""django-axes with two limits: a few failures per username, many more per address.

Axes compares one failure count with one limit (AXES_FAILURE_LIMIT), also when
AXES_LOCKOUT_PARAMETERS lists several combinations. Its maintainers point to a custom handler for
different limits per username and per address (jazzband/django-axes#661); this is that handler,
a subclass of axes' own database handler that changes only how the failures are counted.

- Per username, over all addresses: AXES_FAILURE_LIMIT (5) in AXES_COOLOFF_TIME. Axes' own count,
  with AXES_LOCKOUT_PARAMETERS = ["username"], so a good login clears only that user's failures.
- Per address, over all usernames: SLIM_LOCKOUT_ADDRESS_ATTEMPTS (50) in the same window. Much
  higher, because a municipality's staff share one outgoing address; it stops one address from
  trying many usernames. A good login of one colleague does not clear the others' failures.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def address_failures(request) -> int:
    address = getattr(request, "axes_ip_address", None)
    if not address:
        return 0
    attempts = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class SlimAxesHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        # Without a username (an OIDC identity not linked to an account yet) only the address counts.
        by_username = super().get_failures(request, credentials) if get_client_username(request, credentials) else 0
        if address_failures(request) >= settings.SLIM_LOCKOUT_ADDRESS_ATTEMPTS:
            # The address is over its own limit: report the username limit, so axes locks.
            return max(by_username, get_failure_limit(request, credentials))
        return by_username
