"""Advice that leads to action (issue 15 point 2): from the decided logic per domain to a plan action."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from slim.clients.models import Client
from slim.clients.visibility import visibility_rule
from slim.interventions import fit

from ..access import can_edit_plan, case_or_404, visible_cases
from ..advice import advice_for
from ..models import Case, Category
from .common import case_page

DEFAULT_DAYS = 14  # the due date an action from the advice gets; the plan page can change it


@login_required
def advice(request, case_id):
    case = case_or_404(request.user, case_id, Category.MATCHING)
    items, chosen = advice_for(case)
    return case_page(
        request, case, "cases/advice.html", "advice",
        advice=items,
        databank_query=fit.as_query(chosen) if chosen else "",
        may_add=can_edit_plan(request.user, case),
        due_on=(timezone.localdate() + datetime.timedelta(days=DEFAULT_DAYS)).isoformat(),
    )


@login_required
def client_advice(request, client_id):
    """From the intake result (matching, which does not know cases) to the advice of the client's open case."""
    case = visible_cases(request.user).filter(client_id=client_id, status=Case.Status.OPEN).order_by("-created_at").first()
    if case is None:
        if not Client.objects.filter(visibility_rule(request.user), pk=client_id).exists():
            raise Http404
        messages.info(request, _("Deze cliënt heeft nog geen open casus die je mag zien. Maak eerst een casus."))
        return redirect("cases:new")
    return redirect("cases:advice", case_id=case.pk)
