"""Client pages (/mijn/…, own session) and the two staff pages (code, side by side)."""

from django import forms
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from slim.accounts.capabilities import CASES_TAKE_PART, capability_required
from slim.accounts.net import client_ip
from slim.cases.access import can_see, case_or_404, is_case_director
from slim.cases.models import Category

from . import operations, overview, plain, qr, session
from .models import Answer


def _text(value, limit=300):
    """Free text from the client: one line, no control characters (PostgreSQL refuses NUL), at most `limit`."""
    text = "".join(sign if sign.isprintable() else " " for sign in str(value or ""))
    return " ".join(text.split())[:limit]


class EnterForm(forms.Form):
    code = forms.CharField(label=_("Je code"), max_length=60)
    pin = forms.CharField(label=_("Je pincode (als je die hebt)"), max_length=12, required=False)


class PinForm(forms.Form):
    pin = forms.RegexField(regex=r"^\d{5,8}$", label=_("Kies een pincode van 5 tot 8 cijfers"), max_length=8,
                           error_messages={"invalid": _("Gebruik 5 tot 8 cijfers.")})


@session.public
@require_http_methods(["GET", "POST"])
def enter(request):
    form = EnterForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            access = operations.enter(form.cleaned_data["code"], form.cleaned_data["pin"], client_ip(request))
        except operations.Refused as refused:
            error = _("Je hebt het te vaak geprobeerd. Wacht een kwartier.") if refused.throttled else _(
                "Dit lukt niet. Kijk of de code goed is. Heb je een pincode? Vul die ook in.")
        else:
            target = "portal:plan" if access.pin_hash else "portal:pin"
            return session.start(redirect(target), access)
    elif request.method == "POST":
        error = _("Vul je code in.")
    return render(request, "portal/enter.html", {"form": form, "error": error}, status=403 if error else 200)


@session.client_required
@require_http_methods(["GET", "POST"])
def pin(request):
    form = PinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        operations.set_pin(request.portal_access, form.cleaned_data["pin"], client_ip(request))
        return redirect("portal:plan")
    return render(request, "portal/pin.html", {"form": form, "has_pin": bool(request.portal_access.pin_hash), "page": "pin"})


@session.client_required
@require_http_methods(["GET"])
def plan(request):
    return render(request, "portal/plan.html", {**overview.client_plan(request.portal_access), "page": "plan"})


@session.client_required
@require_POST
def action(request, action_id):
    access = request.portal_access
    note = _text(request.POST.get("note", ""))
    done = request.POST.get("done") == "1"
    if not overview.update_own_action(access, action_id, done, note, client_ip(request)):
        raise Http404
    return redirect("portal:plan")


@session.client_required
@require_http_methods(["GET", "POST"])
def self_assessment(request):
    errors = []
    if request.method == "POST":
        answers = {}
        for code, _title, _icon in plain.domains():
            r, k = request.POST.get(f"{code}-richting", ""), request.POST.get(f"{code}-kunnen", "")
            words = _text(request.POST.get(f"{code}-woorden", ""))
            if not r and not k and not words:
                continue
            if r not in plain.CODES["richting"] or k not in plain.CODES["kunnen"]:
                errors.append(code)
                continue
            answers[code] = (r, k, words)
        if not errors and answers:
            operations.save_self_assessment(request.portal_access, answers, client_ip(request))
            return redirect("portal:check")
        if not answers and not errors:
            errors.append("")
    return render(request, "portal/self.html", {
        "domains": plain.domains(), "questions": plain.QUESTIONS, "errors": errors, "page": "self",
    }, status=400 if errors else 200)


@session.client_required
@require_http_methods(["GET", "POST"])
def check(request):
    access = request.portal_access
    rows = overview.check_rows(access)
    error = ""
    if request.method == "POST":
        domain, answer = request.POST.get("domain", ""), request.POST.get("answer", "")
        row = next((row for row in rows if row["code"] == domain), None)
        if row is None or answer not in Answer.values:
            error = _("Kies klopt, klopt niet of weet ik niet.")
        else:
            reason = _text(request.POST.get("reason", ""))
            operations.save_check(access, domain, row["logic"], answer, reason, client_ip(request))
            return redirect(f"{request.path}?opgeslagen={domain}#{domain}")
    return render(request, "portal/check.html", {
        "rows": rows, "answers": Answer.choices, "error": error, "saved": request.GET.get("opgeslagen", ""), "page": "check",
    }, status=400 if error else 200)


@require_POST
def leave(request):
    return session.end(request, session.public(lambda r: redirect("portal:enter"))(request))


# Staff pages ---------------------------------------------------------------------------------------


@capability_required(CASES_TAKE_PART)
@require_http_methods(["GET", "POST"])
def code(request, case_id):
    case = case_or_404(request.user, case_id, Category.PLAN)
    director = is_case_director(request.user, case) and case.is_open
    made = None
    if request.method == "POST":
        if not director:
            raise Http404
        if request.POST.get("intrekken"):
            operations.revoke(case, request.user)
        else:
            access, new_code = operations.create_code(case, request.user)
            made = {"code": operations.grouped(new_code), "qr": qr.svg(request.build_absolute_uri("/mijn/")),
                    "until": access.expires_at}
    current = overview.current_code(case)
    return render(request, "portal/code.html", {"case": case, "director": director, "made": made, "current": current})


@capability_required(CASES_TAKE_PART)
@require_http_methods(["GET", "POST"])
def side_by_side(request, case_id):
    case = case_or_404(request.user, case_id, Category.PLAN)
    if not can_see(request.user, case, Category.MATCHING):
        raise Http404  # the client's answers follow the consent for their self-image
    if request.method == "POST":
        if not (case.is_open and can_see(request.user, case, Category.CONTACTS)):
            raise Http404
        overview.record_discussed(case, request.user)
        return redirect(request.path + "?besproken=1")
    return render(request, "portal/side_by_side.html", {
        "case": case, "rows": overview.side_by_side(case), "discussed": request.GET.get("besproken") == "1",
        "today": timezone.localdate(),
    })
