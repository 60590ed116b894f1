"""The list of cases, opening a new case and the timeline of one case."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.db.models import Prefetch, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from slim.accounts.capabilities import CASES_TAKE_PART, capability_required
from slim.ui.templatetags.matching_tags import domain_name, logic_name

from .. import operations
from ..access import can_open_cases, case_or_404, visible_cases, visible_categories, visible_clients
from ..events import describe_all
from ..forms import CaseForm
from ..models import CaseMember, CaseRole, Category
from .common import case_page, require


@capability_required(CASES_TAKE_PART)
def case_list(request):
    # 'open' sorts after 'gesloten', so descending puts the open cases first.
    directors = Prefetch(
        "members", queryset=CaseMember.objects.filter(role=CaseRole.DIRECTOR).select_related("user"), to_attr="directors"
    )
    cases = visible_cases(request.user).select_related("client").prefetch_related(directors)
    cases = cases.order_by("-status", "-created_at")
    return render(request, "cases/case_list.html", {"cases": cases, "may_open": can_open_cases(request.user)})


@login_required
def case_new(request):
    require(can_open_cases(request.user))
    form = CaseForm(request.POST if request.method == "POST" else None, clients=visible_clients(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = operations.open_case(
                request.user, data["shared_goal"], client=data["client"], client_name=data["name"], bsn=data["bsn"]
            )
        except IntegrityError:
            form.add_error("client", _("Deze cliënt heeft al een open casus. Vraag de casusregisseur om je toe te voegen."))
        else:
            messages.success(request, _("De casus is aangemaakt. Jij bent de casusregisseur."))
            return redirect("cases:detail", case_id=case.pk)
    return render(request, "cases/case_form.html", {"form": form})


@login_required
def timeline(request, case_id):
    """Everything that happened, newest first; plan and contact events only for who may see them."""
    case = case_or_404(request.user, case_id)
    seen = visible_categories(request.user, case)
    events = list(case.events.select_related("actor").filter(Q(category="") | Q(category__in=seen)))
    texts = describe_all(events)
    entries = [
        {"at": event.at, "label": event.get_kind_display(), "actor": event.actor, "detail": texts[event.pk]}
        for event in events
    ]
    if Category.MATCHING in seen:
        # Decisions are made in the matching app; they belong to the client, so show those made during this case.
        decisions = case.client.decisions.select_related("decided_by").filter(decided_at__gte=case.created_at)
        entries += [
            {
                "at": decision.decided_at,
                "label": _("Besluit over de logica (matching)"),
                "actor": decision.decided_by,
                "detail": " – ".join(
                    part
                    for part in (f"{domain_name(decision.domain)}: {logic_name(decision.chosen_logic)}", decision.reason)
                    if part
                ),
            }
            for decision in decisions
        ]
    entries.sort(key=lambda entry: entry["at"], reverse=True)
    return case_page(request, case, "cases/timeline.html", "timeline", entries=entries)
