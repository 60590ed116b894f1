"""Filling in a round, closing it, and its results.

Results appear only once the lead closes the round: members score on their own
first (so nobody anchors on the others' answers) and then discuss the outcome
together, and the numbers do not shift during that discussion.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import operations
from ..access import require_lead, round_or_404
from ..aggregates import team_minimum
from ..elements import werkzame_elementen
from ..forms import CompareForm, FocusForm, ScoreForm
from ..models import Round, Score
from ..results import largest_gaps, result_rows, round_radar


@login_required
def score(request, round_id):
    round = round_or_404(request.user, round_id)
    if not round.is_open:
        messages.info(request, _("Deze ronde is gesloten; je kunt je scores niet meer aanpassen."))
        return redirect("mirror:round", round_id=round.pk)
    elements = werkzame_elementen()
    mine = Score.objects.filter(round=round, member=request.user)
    data = request.POST if request.method == "POST" else None
    form = ScoreForm(data, elements=elements, initial=ScoreForm.initial_from(mine))
    if request.method == "POST" and form.is_valid():
        if operations.save_answers(round, request.user, form.answers()):
            messages.success(request, _("Je scores zijn bewaard. Je kunt ze aanpassen zolang de ronde open is."))
        else:
            messages.error(request, _("De ronde is net gesloten; je scores zijn niet meer bewaard."))
        return redirect("mirror:team", team_id=round.team_id)
    status = 400 if form.errors else 200
    return render(request, "mirror/score.html", {"round": round, "team": round.team, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def close(request, round_id):
    """GET asks the lead to confirm (closing ends the filling in for everyone); POST closes."""
    round = round_or_404(request.user, round_id)
    require_lead(round.team, request.user)
    if not round.is_open:
        return redirect("mirror:round", round_id=round.pk)
    if request.method != "POST":
        context = {"round": round, "team": round.team, "respondents": round.respondent_count(), "minimum": team_minimum()}
        return render(request, "mirror/close_confirm.html", context)
    operations.close_round(round)
    messages.success(request, _("De ronde is gesloten. Hieronder staan de resultaten van het team."))
    return redirect("mirror:round", round_id=round.pk)


@login_required
@require_POST
def reopen(request, round_id):
    """The lead opens a closed round again (closed too early); only while no other round of the team is open."""
    round = round_or_404(request.user, round_id)
    require_lead(round.team, request.user)
    if round.is_open:
        return redirect("mirror:team", team_id=round.team_id)
    if operations.reopen_round(round):
        messages.success(request, _("De ronde is weer open. Teamleden kunnen hun scores invullen of aanpassen."))
    else:
        messages.error(request, _("Er loopt al een andere ronde. Sluit die eerst; daarna kun je deze ronde heropenen."))
    return redirect("mirror:team", team_id=round.team_id)


@login_required
def results(request, round_id):
    round = round_or_404(request.user, round_id)
    if round.is_open:
        messages.info(request, _("De resultaten zijn te zien zodra de teamleider de ronde sluit."))
        return redirect("mirror:team", team_id=round.team_id)
    elements = werkzame_elementen()
    earlier = Round.objects.filter(team=round.team, closed_at__isnull=False, opened_at__lt=round.opened_at)
    default = earlier.first()
    compare = CompareForm(request.GET or None, earlier=earlier, initial={"vergelijk": default})
    previous = (compare.cleaned_data["vergelijk"] if compare.is_valid() else None) or default
    rows = result_rows(elements, round, previous)
    focus_codes = set(round.focus_elements.values_list("element", flat=True))
    context = {
        "round": round,
        "team": round.team,
        "is_lead": round.team.is_lead(request.user),
        "rows": rows,
        "radar": round_radar(rows, round, previous) if rows else None,
        "largest_gaps": largest_gaps(rows),
        "previous": previous,
        "compare_form": compare if earlier.exists() else None,
        # Remarks carry no names, but with too few members who answered they would still point to a person.
        "remarks": _remarks(round, elements) if round.respondent_count() >= team_minimum() else [],
        "focus": [element for element in elements if element.code in focus_codes],
        "focus_form": FocusForm(elements=elements),
        "min_respondents": team_minimum(),
        "respondents": round.respondent_count(),
    }
    return render(request, "mirror/results.html", context)


def _remarks(round, elements):
    """[(element, [remark, ...]), ...] without names, alphabetical so the order does not point to a person."""
    remarks = {}
    for element, remark in round.scores.exclude(remark="").order_by("remark").values_list("element", "remark"):
        remarks.setdefault(element, []).append(remark)
    return [(element, remarks[element.code]) for element in elements if element.code in remarks]
