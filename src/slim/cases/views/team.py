"""The case overview: the team, consent per organisation, and closing or reopening.

Only the casusregisseur changes the team, the consent and the status (casusregie leads,
slim.md §7.3). Every change is also written to the timeline. The overview shows no forms, only a
link per part ("Team wijzigen"); ?wijzig=<part> opens that part's forms on the same page, and only
those are built (the member list grows with the installation).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import operations
from ..access import case_or_404, is_case_director, partner_organisations, visible_cases
from ..forms import ConsentForm, MemberForm, RoleForm, StatusForm, WithdrawForm
from .common import case_page, require


def _consent_form(case, data=None):
    return ConsentForm(data, case=case, organisations=partner_organisations(case))


def _withdraw_form(consent, data=None):
    return WithdrawForm(data, prefix=f"w{consent.pk}", consent=consent)


# A form posted with errors opens its part of the page again, whatever ?wijzig= says.
_POSTED_PART = {
    "member_form": "team", "role_form": "team", "consent_form": "toestemming", "withdraw": "toestemming",
    "status_form": "status",
}


def _changeable(user, case, consents, organisations):
    """The parts of the page this user may open to change (?wijzig=<part>), in page order."""
    if not is_case_director(user, case):
        return []
    parts = ["team"] if case.is_open else []
    if (case.is_open and organisations) or any(consent.is_active for consent in consents):
        parts.append("toestemming")  # withdrawing stays possible after closing
    return parts + ["status"]


def _part_forms(part, case, consents, organisations, bound):
    """Only the forms of the opened part are built; the one just posted is kept with its errors."""
    if part == "team":
        forms = {"member_form": MemberForm(case=case), "role_form": RoleForm(case=case)}
    elif part == "toestemming":
        withdrawing = bound.pop("withdraw", None)
        forms = {
            "consent_form": ConsentForm(case=case, organisations=organisations) if case.is_open else None,
            "withdraw_forms": [
                (consent, withdrawing if withdrawing and withdrawing.consent.pk == consent.pk else _withdraw_form(consent))
                for consent in consents
                if consent.is_active
            ],
        }
    elif part == "status":
        forms = {"status_form": StatusForm(closing=case.is_open)}
    else:
        forms = {}
    return {**forms, **bound}


def _page(request, case, **bound):
    """The overview; with ?wijzig=<part> (or after a post with errors) also the forms of that one part."""
    consents = list(case.consents.select_related("recorded_by", "withdrawn_by"))
    active = {}
    for consent in consents:
        if consent.is_active:
            active.setdefault(consent.organisation, []).append(consent.get_category_display())
    organisations = partner_organisations(case)
    partners = set(organisations)
    members = [
        {"member": member, "partner": member.user.organisation in partners, "sees": active.get(member.user.organisation, [])}
        for member in case.team()
    ]
    changeable = _changeable(request.user, case, consents, organisations)
    asked = request.GET.get("wijzig")
    part = next((_POSTED_PART[name] for name in bound), asked if asked in changeable else None)
    return case_page(
        request, case, "cases/case_detail.html", "detail",
        members=members, consents=consents, changeable=changeable, part=part,
        # The client's latest intake (if any): the page links to its result instead of offering a new one first.
        latest_intake=case.client.intakes.only("pk", "created_at").first(),
        **_part_forms(part, case, consents, organisations, bound),
    )


def _directed_case(request, case_id):
    """The case, for its casusregisseur only, and only while it is open (status changes excepted)."""
    case = case_or_404(request.user, case_id)
    require(is_case_director(request.user, case))
    return case


@login_required
def detail(request, case_id):
    return _page(request, case_or_404(request.user, case_id))


@login_required
@require_POST
def member_add(request, case_id):
    case = _directed_case(request, case_id)
    require(case.is_open)
    form = MemberForm(request.POST, case=case)
    if not form.is_valid():
        return _page(request, case, member_form=form)
    user, role = form.cleaned_data["user"], form.cleaned_data["role"]
    try:
        operations.add_member(case, request.user, user, role)
    except IntegrityError:
        form.add_error(None, _("Dit kon niet: iemand anders heeft het team net gewijzigd. Probeer het opnieuw."))
        return _page(request, case, member_form=form)
    messages.success(request, _("%(person)s is toegevoegd aan het team.") % {"person": user})
    without_consent = not case.consents.active().filter(organisation=user.organisation).exists()
    if user.organisation in partner_organisations(case) and without_consent:
        messages.warning(
            request, _("%(organisation)s ziet nog niets van deze cliënt. Leg vast waarvoor toestemming is.")
            % {"organisation": user.organisation},
        )
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def member_role(request, case_id):
    case = _directed_case(request, case_id)
    require(case.is_open)
    form = RoleForm(request.POST, case=case)
    if not form.is_valid():
        return _page(request, case, role_form=form)
    member, role = form.cleaned_data["member"], form.cleaned_data["role"]
    operations.change_role(case, request.user, member, role)
    messages.success(request, _("De rol is gewijzigd."))
    if not visible_cases(request.user).filter(pk=case.pk).exists():
        # Casusregie moved to another organisation, and there is no consent for yours.
        messages.warning(request, _("Je organisatie heeft geen toestemming voor deze casus, dus je ziet hem nu niet meer."))
        return redirect("cases:list")
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def consent_add(request, case_id):
    case = _directed_case(request, case_id)
    require(case.is_open)
    form = _consent_form(case, request.POST)
    if not form.is_valid():
        return _page(request, case, consent_form=form)
    try:
        operations.give_consent(case, request.user, **{name: form.cleaned_data[name] for name in form._meta.fields})
    except IntegrityError:
        form.add_error(None, _("Deze organisatie heeft hiervoor al toestemming."))
        return _page(request, case, consent_form=form)
    messages.success(request, _("De toestemming is vastgelegd."))
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def consent_withdraw(request, case_id, consent_id):
    """Withdrawing is recorded on the consent itself; the record stays."""
    case = _directed_case(request, case_id)
    consent = get_object_or_404(case.consents.active(), pk=consent_id)
    form = _withdraw_form(consent, request.POST)
    if not form.is_valid():
        return _page(request, case, withdraw=form)
    operations.withdraw_consent(case, request.user, consent, form.cleaned_data["withdrawn_on"])
    messages.success(
        request,
        _("De toestemming is ingetrokken. %(organisation)s ziet dit niet meer.") % {"organisation": consent.organisation},
    )
    return redirect("cases:detail", case_id=case.pk)


@login_required
@require_POST
def status(request, case_id):
    """Close an open case or reopen a closed one, always with a reason."""
    case = _directed_case(request, case_id)
    closing = case.is_open
    form = StatusForm(request.POST, closing=closing)
    if not form.is_valid():
        return _page(request, case, status_form=form)
    try:
        operations.set_status(case, request.user, closing, form.cleaned_data["reason"], form.cleaned_data.get("outcome", ""))
    except IntegrityError:
        case.refresh_from_db(fields=["status", "outcome"])
        form.add_error(None, _("Deze cliënt heeft al een andere open casus. Sluit die eerst."))
        return _page(request, case, status_form=form)
    messages.success(request, _("De casus is gesloten.") if closing else _("De casus is heropend."))
    return redirect("cases:detail", case_id=case.pk)
