"""Who may open the policy dashboards: policy makers and team leads, nobody else.

The dashboards only ever show counts, but even counts say something about the
work of a municipality, so professionals, admins and auditors get a 403 rather
than a page that happens to be empty.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from slim.accounts.capabilities import INSIGHTS_VIEW, has


def may_see_insights(user):
    return has(user, INSIGHTS_VIEW)


def insights_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_see_insights(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
