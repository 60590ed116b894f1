"""The personal start page after login (issue 15 point 1): what needs this person's attention today.

Professional: my open cases with the client's current logic per domain, my open plan actions (overdue first),
partners waiting for consent in cases I lead, cases where I was added (with the consent status), contacts that
stalled. Team leader: the team's open mirror rounds and cases without a recent contact. Policy maker: the
dashboards. Beheerder: users without a second step and the audit check. A fixed number of queries per role.
"""

import datetime

from django.contrib.auth.decorators import login_required
from django.db.models import Max, Q
from django.shortcuts import render
from django.utils import timezone

from slim.accounts.capabilities import ADMIN_SITE, AUDIT_READ_ALL, CASES_TAKE_PART, INSIGHTS_VIEW, MIRROR_TAKE_PART, has
from slim.accounts.models import User
from slim.audit.models import AuditCheck
from slim.cases.access import visible_cases
from slim.cases.models import Action, Case, CaseMember, CaseRole, Consent, Contact
from slim.matching.models import Decision
from slim.mirror.models import Round

RECENT_DAYS = 30  # a case without a contact in this many days, a stalled contact within them
LIMIT = 20


def _professional(user, today):
    memberships = list(
        CaseMember.objects.filter(user=user, case__status=Case.Status.OPEN)
        .select_related("case__client").order_by("-case__created_at")[:LIMIT]
    )
    cases = [membership.case for membership in memberships]
    case_ids = [case.pk for case in cases]
    decisions = {}
    for decision in Decision.objects.filter(client_id__in=[case.client_id for case in cases], is_current=True).order_by("domain"):
        decisions.setdefault(decision.client_id, []).append(decision)
    consents = {}
    for consent in Consent.objects.active().filter(case_id__in=case_ids):
        consents.setdefault(consent.case_id, set()).add(consent.organisation)
    led = [m.case_id for m in memberships if m.role == CaseRole.DIRECTOR]
    waiting = [
        member for member in CaseMember.objects.filter(case_id__in=led).exclude(user=user).select_related("user", "case__client")
        if member.user.organisation and member.user.organisation != user.organisation
        and member.user.organisation not in consents.get(member.case_id, set())
    ]
    rows = [
        {
            "case": m.case, "role": m.get_role_display(), "decisions": decisions.get(m.case.client_id, []),
            "added": m.role != CaseRole.DIRECTOR,
            "consent": (user.organisation == "" or user.organisation in consents.get(m.case_id, set())
                        or m.role == CaseRole.DIRECTOR),
        }
        for m in memberships
    ]
    actions = list(
        Action.objects.filter(owner=user, done_on__isnull=True, case__status=Case.Status.OPEN)
        .select_related("case__client").order_by("due_on", "id")[:LIMIT]
    )
    stalled = list(
        Contact.objects.filter(case_id__in=case_ids, flowed=False, held_on__gte=today - datetime.timedelta(days=RECENT_DAYS))
        .select_related("case__client").order_by("-held_on")[:LIMIT]
    )
    return {
        "rows": rows, "added_rows": [row for row in rows if row["added"]], "actions": actions, "waiting": waiting,
        "stalled": stalled, "today": today,
    }


def _team_lead(user, today):
    rounds = list(
        Round.objects.filter(team__memberships__user=user, closed_at__isnull=True).select_related("team").order_by("team__name")
    )
    quiet = list(
        visible_cases(user).filter(status=Case.Status.OPEN).annotate(last_contact=Max("contacts__held_on"))
        .filter(Q(last_contact__isnull=True) | Q(last_contact__lt=today - datetime.timedelta(days=RECENT_DAYS)))
        .select_related("client").order_by("last_contact")[:LIMIT]
    )
    return {"rounds": rounds, "quiet": quiet}


def _admin():
    return {
        "without_second_step": User.objects.filter(is_active=True).exclude(totpdevice__confirmed=True).count(),
        "audit_check": AuditCheck.objects.first(),  # the newest run of `slim verify-audit`, or None
    }


@login_required
def start(request):
    user, today = request.user, timezone.localdate()
    context = {"recent_days": RECENT_DAYS}
    if has(user, CASES_TAKE_PART):
        context["work"] = _professional(user, today)
    if has(user, MIRROR_TAKE_PART) and user.role == "teamleider":
        context["team"] = _team_lead(user, today)
    context["insights"] = has(user, INSIGHTS_VIEW)
    context["audit_reader"] = has(user, AUDIT_READ_ALL)
    if has(user, ADMIN_SITE):
        context["admin"] = _admin()
    return render(request, "start.html", context)
