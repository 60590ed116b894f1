"""What the client pages and the side-by-side page read (one place, a fixed number of queries)."""

from django.utils import timezone

from slim.cases import operations as case_operations
from slim.cases.models import Action, CaseMember, DomainGoal
from slim.core import Logic
from slim.matching.models import Decision

from . import plain
from .operations import audit_action
from .models import AccessCode, Answer, PlanCheck, SelfAssessment


def _latest(rows):
    latest = {}
    for row in rows:  # newest first
        latest.setdefault(row.domain, row)
    return latest


def client_plan(access):
    case = access.case
    goals = {goal.domain: goal.text for goal in DomainGoal.objects.filter(case=case)}
    helpers = [
        member.user for member in CaseMember.objects.filter(case=case).select_related("user").order_by("id")
    ]
    actions = own_actions(access)
    open_actions = [action for action in actions if not action.done_on]
    next_step = min(open_actions, key=lambda action: action.due_on, default=None)
    return {
        "case": case,
        "domain_goals": [(title, icon, goals[code]) for code, title, icon in plain.domains() if goals.get(code)],
        "actions": actions,
        "next_step": next_step,
        "next_appointment": case.next_appointment_on,
        "next_with": case.next_appointment_with,
        "helpers": helpers,
    }


def own_actions(access):
    """The plan actions the client owns themself ("Wat doe ik zelf?")."""
    return list(Action.objects.filter(case=access.case, owner_kind=Action.OwnerKind.CLIENT).order_by("done_on", "due_on", "id"))


def update_own_action(access, action_id, done, note, ip):
    """Done and/or a note on one of the client's own actions; False if it is not theirs (or the case is closed)."""
    action = Action.objects.filter(pk=action_id, case=access.case, owner_kind=Action.OwnerKind.CLIENT).first()
    if action is None or not access.case.is_open or not (done or note):
        return action is not None and access.case.is_open
    case_operations.client_action_update(access.case, action, done, note, access.created_by)
    audit_action(access, action, done, ip)
    return True


def check_rows(access):
    decisions = Decision.objects.filter(client_id=access.client_id, is_current=True)
    decided = {decision.domain: decision.chosen_logic for decision in decisions}
    answers = _latest(PlanCheck.objects.filter(client_id=access.client_id))
    rows = []
    for code, title, icon in plain.domains():
        logic = decided.get(code)
        if logic in plain.HOW_WE_HELP:
            rows.append({"code": code, "title": title, "icon": icon, "logic": logic, "text": plain.HOW_WE_HELP[logic],
                         "answer": answers.get(code)})
    return rows


def _conversation(client_logic, professional_logic):
    """When the two views differ: back to conversation 2 (the client may want something else)
    when one of them reads the client's own way (ondernemen) and the other does not; otherwise
    conversation 1 (a fresh start on goal and agreements). Our own rule, after the go-back
    rules of conversation_types.yaml."""
    own = Logic.ONDERNEMEN.value
    return 2 if (client_logic == own) != (professional_logic == own) else 1


def side_by_side(case):
    client_id = case.client_id
    views = _latest(SelfAssessment.objects.filter(client_id=client_id))
    checks = _latest(PlanCheck.objects.filter(client_id=client_id))
    decisions = {d.domain: d for d in Decision.objects.filter(client_id=client_id, is_current=True)}
    rows = []
    for code, title, icon in plain.domains():
        view, check, decision = views.get(code), checks.get(code), decisions.get(code)
        if not (view or check or decision):
            continue
        chosen = decision.chosen_logic if decision else ""
        agree = None
        if view and view.logic and chosen:
            agree = view.logic == chosen
        if check and check.answer == Answer.NO:
            agree = False
        rows.append({
            "code": code, "title": title, "view": view, "check": check, "decision": decision, "agree": agree,
            "conversation": _conversation(view.logic if view else "", chosen) if agree is False else None,
        })
    return rows


def current_code(case):
    now = timezone.now()
    return AccessCode.objects.filter(client_id=case.client_id, revoked_at__isnull=True, expires_at__gt=now).first()


def record_discussed(case, actor):
    return case_operations.record_views_discussed(case, actor)
