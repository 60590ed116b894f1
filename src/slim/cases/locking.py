"""Optimistic locking for the plan: two professionals never silently overwrite each other.

Every plan form carries the version it was based on. A change first moves the case from
that version to the next in one guarded UPDATE; if someone else saved in between, no row
matches, nothing is written and the caller shows the form again with the user's input.
"""

from contextlib import contextmanager

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Case

CONFLICT_MESSAGE = _(
    "Iemand anders heeft het plan intussen gewijzigd. Je invoer staat er nog: bekijk het plan zoals het nu is "
    "en sla daarna opnieuw op."
)


class PlanConflict(Exception):
    """The plan changed since the form was shown."""


@contextmanager
def plan_change(case, version, **case_fields):
    """Claim `version` of the plan (and set case_fields); the block runs in the same transaction."""
    with transaction.atomic():
        claimed = Case.objects.filter(pk=case.pk, version=version).update(version=version + 1, **case_fields)
        if not claimed:
            raise PlanConflict
        case.version = version + 1
        for name, value in case_fields.items():
            setattr(case, name, value)
        yield case
