"""Who may see and do what in the team mirror: the one place for these rules.

- Members of a team see its rounds, results, focus elements and actions, and
  record actions. Anyone else gets a 404: a team's mirror is not even listed.
- Only a lead (a member with the role teamleider, or with the team's lead flag)
  opens and closes rounds and picks focus elements; others posting get a 403.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from slim.accounts.capabilities import MIRROR_TAKE_PART, has

from .models import Action, Round, Team


def teams_of(user):
    if not has(user, MIRROR_TAKE_PART):
        return Team.objects.none()
    return Team.objects.filter(memberships__user=user)


def team_or_404(user, team_id):
    return get_object_or_404(teams_of(user), pk=team_id)


def round_or_404(user, round_id):
    return get_object_or_404(Round.objects.select_related("team").filter(team__in=teams_of(user)), pk=round_id)


def action_or_404(user, action_id):
    return get_object_or_404(Action.objects.select_related("team").filter(team__in=teams_of(user)), pk=action_id)


def require_lead(team, user):
    if not team.is_lead(user):
        raise PermissionDenied
