"""What each role may do: one allow-list per role, and nothing for a role not listed.

Views and access helpers ask `has(user, CAPABILITY)` instead of comparing roles, so
the answer to "may a beleidsmaker register a client?" lives here and only here. Rules
about one object (is this user on this case, is there consent, is this a lead of this
team) stay in the access modules of the apps, and ask for the capability first.

A new role gets no capability until it is added below: it can log in and manage its own
account, and every other page refuses it (tests/web/test_authorization_matrix.py).
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from slim.accounts.models import Role

ENGINE_USE = "engine.use"  # the statement tool, the intake pages and the engine API
CLIENTS_REGISTER = "clients.register"  # register a client (also by opening a case) and lead the new case
CASES_TAKE_PART = "cases.take_part"  # be a member of cases and see them under the case rules
CASES_BE_ADDED = "cases.be_added"  # be added to a case's team by its casusregisseur (professionals only)
CASES_OVERSEE_ORGANISATION = "cases.oversee_organisation"  # see the cases led from one's own organisation
INSIGHTS_VIEW = "insights.view"  # the policy dashboards (counts only)
AUDIT_READ_ALL = "audit.read_all"  # the whole audit trail and every client's trail
MIRROR_TAKE_PART = "mirror.take_part"  # be a member of a mirror team
MIRROR_LEAD = "mirror.lead"  # lead every mirror team one is a member of
ADMIN_SITE = "admin.site"  # the admin pages (/beheer/): users, teams, knowledge
QUALITY_VIEW = "quality.view"  # agreement, drift and publication pages of slim.quality (policy: suppressed, no reasons)
QUALITY_ALL_TEAMS = "quality.all_teams"  # those pages over every team, with reason texts (beheerder)
QUALITY_STUDY_LEAD = "quality.study_lead"  # start, close and report labelling studies for one's own team
QUALITY_LABEL = "quality.label"  # label statements in a study one is asked to take part in
QUALITY_CONSENT = "quality.consent"  # record a client's consent for quality research (on a client one may see)

CAPABILITIES: dict[str, frozenset[str]] = {
    Role.PROFESSIONAL: frozenset({ENGINE_USE, CLIENTS_REGISTER, CASES_TAKE_PART, CASES_BE_ADDED, MIRROR_TAKE_PART, QUALITY_LABEL, QUALITY_CONSENT}),
    Role.TEAM_LEAD: frozenset(
        {ENGINE_USE, CLIENTS_REGISTER, CASES_TAKE_PART, CASES_BE_ADDED, CASES_OVERSEE_ORGANISATION, INSIGHTS_VIEW, MIRROR_TAKE_PART, MIRROR_LEAD,
         QUALITY_VIEW, QUALITY_STUDY_LEAD, QUALITY_LABEL, QUALITY_CONSENT}
    ),
    Role.POLICY: frozenset({ENGINE_USE, CASES_TAKE_PART, INSIGHTS_VIEW, MIRROR_TAKE_PART, QUALITY_VIEW}),
    Role.ADMIN: frozenset({ENGINE_USE, CASES_TAKE_PART, MIRROR_TAKE_PART, ADMIN_SITE, QUALITY_VIEW, QUALITY_ALL_TEAMS}),
    Role.AUDITOR: frozenset({ENGINE_USE, AUDIT_READ_ALL, MIRROR_TAKE_PART}),
}
ALL = frozenset().union(*CAPABILITIES.values())


def capabilities_of(user) -> frozenset[str]:
    """The capabilities of `user`, worked out once per user object (so once per request)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_slim_capabilities", None)
    if cached is None:
        cached = CAPABILITIES.get(user.role, frozenset())
        user._slim_capabilities = cached
    return cached


def has(user, capability: str) -> bool:
    if capability not in ALL:
        raise ValueError(f"unknown capability {capability!r}")
    return capability in capabilities_of(user)


def roles_with(capability: str) -> list[str]:
    return [str(role) for role, capabilities in CAPABILITIES.items() if capability in capabilities]


def capability_required(capability: str):
    """View decorator: log in first; then a 403 unless the user's role has `capability`."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not has(request.user, capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def context(request):
    """Template context processor: `capabilities` of the user, for showing only the links they may use."""
    return {"capabilities": capabilities_of(getattr(request, "user", None))}
