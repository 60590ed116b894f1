"""The list of my teams and a team's page: its open round, earlier rounds and focus elements."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from slim.accounts.capabilities import MIRROR_TAKE_PART, capability_required

from .. import operations
from ..access import require_lead, team_or_404, teams_of
from ..elements import werkzame_elementen
from ..forms import RoundForm
from ..models import Round


@capability_required(MIRROR_TAKE_PART)
def index(request):
    open_rounds = Prefetch("rounds", queryset=Round.objects.filter(closed_at__isnull=True), to_attr="open_rounds")
    teams = teams_of(request.user).prefetch_related(open_rounds)
    return render(request, "mirror/index.html", {"teams": teams})


@login_required
def team_detail(request, team_id):
    team = team_or_404(request.user, team_id)
    return _team_page(request, team, RoundForm())


@login_required
@require_POST
def open_round(request, team_id):
    team = team_or_404(request.user, team_id)
    require_lead(team, request.user)
    form = RoundForm(request.POST)
    if not form.is_valid():
        return _team_page(request, team, form, status=400)
    try:
        operations.open_round(team, request.user, form.cleaned_data["title"])
    except IntegrityError:
        messages.error(request, _("Er loopt al een ronde. Sluit die eerst voordat je een nieuwe opent."))
    else:
        messages.success(request, _("De ronde is geopend. Teamleden kunnen nu hun scores invullen."))
    return redirect("mirror:team", team_id=team.pk)


def _team_page(request, team, round_form, status=200):
    rounds = list(team.rounds.all())
    elements = werkzame_elementen()
    running = next((one for one in rounds if one.is_open), None)
    context = {
        "team": team,
        "is_lead": team.is_lead(request.user),
        "open_round": running,
        "closed_rounds": [one for one in rounds if not one.is_open],
        "focus_elements": _focus_by_round(team, elements),
        "round_form": round_form,
    }
    if running is not None:
        context.update(
            respondents=running.respondent_count(),
            member_count=team.memberships.count(),
            my_answers=running.scores.filter(member=request.user).count(),
            element_count=len(elements),
        )
    return render(request, "mirror/team.html", context, status=status)


def _focus_by_round(team, elements):
    """[(round, [element, ...]), ...], newest round first, with the knowledge item of every focus element."""
    elements = {element.code: element for element in elements}
    grouped = {}
    for focus in team.focus_elements.select_related("round").order_by("-round__opened_at", "chosen_at"):
        if focus.element in elements:
            grouped.setdefault(focus.round, []).append(elements[focus.element])
    return list(grouped.items())
