"""The integrated plan: shared goal and strategy, goals per life domain, approaches and actions.

Every change goes through locking.plan_change, so two professionals editing at the same
time never overwrite each other: the second one sees a message and keeps their input.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from slim.ui.templatetags.matching_tags import logic_name

from .. import operations
from ..access import can_edit_plan, can_see, case_or_404, is_case_director
from ..locking import CONFLICT_MESSAGE, PlanConflict
from ..models import Category
from ..overview import plan_rows
from ..plan_forms import ActionDoneForm, ActionForm, ApproachForm, DomainGoalsForm, GoalForm
from .common import case_page, require


def _goal_form(request, case, data=None):
    return GoalForm(
        data,
        version=case.version,
        initial={"shared_goal": case.shared_goal, "client_words": case.client_words, "strategy": case.strategy},
        may_choose_strategy=is_case_director(request.user, case),
    )


def _domains_form(request, case, data=None):
    return DomainGoalsForm(data, version=case.version, goals={g.domain: g.text for g in case.domain_goals.all()})


def _approach_form(request, case, data=None):
    return ApproachForm(data, version=case.version, case=case, initial={"user": request.user})


def _action_form(request, case, data=None):
    return ActionForm(data, version=case.version, case=case, initial={"owner": str(request.user.pk)})


FORMS = {"goal_form": _goal_form, "domains_form": _domains_form, "approach_form": _approach_form, "action_form": _action_form}
# The plan is an overview; a rare change opens with a link (?wijzig=doel), a new action can always be added.
ON_REQUEST = {"doel": "goal_form", "leefgebieden": "domains_form", "aanpak": "approach_form"}
ALWAYS = {"action_form"}


def _page(request, case, **bound):
    prefetch_related_objects([case], "domain_goals")  # the domains form and the rows both read them
    editable = can_edit_plan(request.user, case)
    shown = ALWAYS | {ON_REQUEST.get(request.GET.get("wijzig"))}
    forms = {name: build(request, case) for name, build in FORMS.items() if name in shown} if editable else {}
    forms.update(bound)
    return case_page(
        request, case, "cases/plan.html", "plan",
        rows=plan_rows(case, request.user, show_self_image=can_see(request.user, case, Category.MATCHING)),
        actions=case.actions.select_related("owner", "intervention"),
        done_form=ActionDoneForm(version=case.version) if editable else None,
        strategy_title=logic_name(case.strategy) if case.strategy else "",
        **forms,
    )


@login_required
def plan(request, case_id):
    return _page(request, case_or_404(request.user, case_id, Category.PLAN))


def _change(request, case_id, name, apply, anchor):
    """Validate the posted form `name`, apply it under the plan lock, or show it again with the reason."""
    case = case_or_404(request.user, case_id, Category.PLAN)
    require(can_edit_plan(request.user, case))
    form = FORMS[name](request, case, request.POST)
    if form.is_valid():
        try:
            changed = apply(request, case, form)
        except PlanConflict:
            case.refresh_from_db()
            form.conflict(case.version)
        else:
            messages.success(request, _("Het plan is bijgewerkt.") if changed else _("Er was niets veranderd."))
            return redirect(reverse("cases:plan", args=[case.pk]) + anchor)
    return _page(request, case, **{name: form})


def _apply_goal(request, case, form):
    fields = {name: value for name, value in form.cleaned_data.items() if name != "version"}
    return operations.change_goal(case, request.user, form.cleaned_data["version"], **fields)


def _apply_domain_goals(request, case, form):
    return operations.change_domain_goals(case, request.user, form.cleaned_data["version"], form.changes())


def _apply_approach(request, case, form):
    user, domain, logic = (form.cleaned_data[name] for name in ("user", "domain", "logic"))
    return operations.change_approach(case, request.user, form.cleaned_data["version"], user, domain, logic)


def _apply_action(request, case, form):
    operations.add_action(case, request.user, form.cleaned_data["version"], **form.action_fields())
    return True


@login_required
@require_POST
def goal(request, case_id):
    return _change(request, case_id, "goal_form", _apply_goal, "#doel")


@login_required
@require_POST
def domain_goals(request, case_id):
    return _change(request, case_id, "domains_form", _apply_domain_goals, "#leefgebieden")


@login_required
@require_POST
def approach(request, case_id):
    return _change(request, case_id, "approach_form", _apply_approach, "#aanpak")


@login_required
@require_POST
def action_add(request, case_id):
    return _change(request, case_id, "action_form", _apply_action, "#acties")


@login_required
@require_POST
def action_done(request, case_id, action_id):
    case = case_or_404(request.user, case_id, Category.PLAN)
    require(can_edit_plan(request.user, case))
    action = get_object_or_404(case.actions, pk=action_id)
    form = ActionDoneForm(request.POST, version=case.version)
    if action.done_on:
        messages.info(request, _("Deze actie was al afgerond."))
    elif not form.is_valid():
        messages.error(request, _("Dit formulier was niet compleet. Laad de pagina opnieuw en probeer het nog eens."))
    else:
        try:
            operations.complete_action(case, request.user, form.cleaned_data["version"], action)
        except PlanConflict:
            messages.error(request, CONFLICT_MESSAGE)
        else:
            messages.success(request, _("De actie is afgerond."))
    return redirect(reverse("cases:plan", args=[case.pk]) + "#acties")
