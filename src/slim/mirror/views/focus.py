"""Focus elements and the team's actions on them.

After a round the lead picks a few elements to work on (Movisie's advice: first
discuss what goes well and what to improve, then choose one or a few elements).
A focus element's page shows what the knowledge base offers to start with, and
the actions the team records for it over time, across rounds.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import operations
from ..access import action_or_404, require_lead, round_or_404, team_or_404
from ..aggregates import team_results
from ..elements import element_or_404, focus_sections, werkzame_elementen
from ..forms import ActionForm, FocusForm, StatusForm

MAX_FOCUS_PER_ROUND = 3


@login_required
@require_POST
def choose(request, round_id):
    round = round_or_404(request.user, round_id)
    require_lead(round.team, request.user)
    form = FocusForm(request.POST, elements=werkzame_elementen())
    if round.is_open:
        messages.error(request, _("Kies focuselementen nadat de ronde gesloten is."))
    elif not form.is_valid():
        messages.error(request, form.errors["element"][0])
    elif round.focus_elements.exclude(element=form.cleaned_data["element"]).count() >= MAX_FOCUS_PER_ROUND:
        message = _("Kies per ronde hoogstens %(max)s focuselementen; haal er eerst een weg.")
        messages.error(request, message % {"max": MAX_FOCUS_PER_ROUND})
    else:
        try:
            operations.choose_focus(round, request.user, form.cleaned_data["element"])
        except IntegrityError:
            messages.info(request, _("Dit element is al een focuselement van deze ronde."))
        else:
            messages.success(request, _("Focuselement gekozen."))
    return redirect(reverse("mirror:round", args=[round.pk]) + "#focus")


@login_required
@require_POST
def unchoose(request, round_id, element):
    round = round_or_404(request.user, round_id)
    require_lead(round.team, request.user)
    if operations.drop_focus(round, element):
        messages.success(request, _("Het element is geen focuselement meer. Vastgelegde acties blijven bewaard."))
    return redirect(reverse("mirror:round", args=[round.pk]) + "#focus")


@login_required
def detail(request, team_id, element):
    team = team_or_404(request.user, team_id)
    item = element_or_404(element)
    actions = team.actions.filter(element=element).select_related("owner")
    if not (team.focus_elements.filter(element=element).exists() or actions.exists()):
        raise Http404("Dit element is geen focuselement van het team")
    form = ActionForm(request.POST if request.method == "POST" else None, team=team)
    if request.method == "POST" and form.is_valid():
        operations.add_action(team, request.user, element, **{name: form.cleaned_data[name] for name in form._meta.fields})
        messages.success(request, _("Actie vastgelegd."))
        return redirect(reverse("mirror:focus", args=[team.pk, element]) + "#acties")
    context = {
        "team": team,
        "element": item,
        "sections": focus_sections(item),
        "trend": _trend(team, element),
        "actions": actions,
        "form": form,
    }
    return render(request, "mirror/focus.html", context, status=400 if form.errors else 200)


def _trend(team, element):
    """[(round, ElementResult or None), ...] for every closed round, oldest first."""
    rounds = team.rounds.filter(closed_at__isnull=False).order_by("opened_at")
    return [(round, team_results(round).get(element)) for round in rounds]


@login_required
@require_POST
def action_status(request, action_id):
    action = action_or_404(request.user, action_id)
    form = StatusForm(request.POST)
    if form.is_valid():
        operations.set_action_status(action, form.cleaned_data["status"])
        messages.success(request, _("Status bijgewerkt."))
    else:
        messages.error(request, form.errors["status"][0])
    return redirect(reverse("mirror:focus", args=[action.team_id, action.element]) + "#acties")
