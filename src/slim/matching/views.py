"""Intake, suggestion and decision pages.

Flow: a professional registers a client, fills in the draaischijf intake per
life domain with the client, reads the engine's explained suggestion and
decides per domain (accept in one click, or choose another logic with a reason).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from slim.accounts.capabilities import ENGINE_USE, capability_required
from slim.clients.forms import ClientForm
from slim.clients.models import Client
from slim.clients.operations import register_client
from slim.clients.visibility import can_register_clients
from slim.core import InputError, Logic, classify
from slim.core.knowledge import life_domains
from slim.knowledge.models import KnowledgeItem
from slim.clients.visibility import may_manage

from . import operations
from .forms import DecisionForm, IntakeForm, StatementForm
from .history import current_decisions
from .models import Intake


def _client(request, client_id):
    return get_object_or_404(Client.objects.visible_to(request.user), pk=client_id)


def _intake(request, intake_id):
    return get_object_or_404(Intake.objects.filter(client__in=Client.objects.visible_to(request.user)), pk=intake_id)


@capability_required(ENGINE_USE)
def client_list(request):
    may_register = can_register_clients(request.user)
    if request.method == "POST" and not may_register:
        raise PermissionDenied
    form = ClientForm(request.POST if request.method == "POST" else None) if may_register else None
    if request.method == "POST" and form.is_valid():
        client = register_client(form.cleaned_data["name"], request.user, bsn=form.cleaned_data["bsn"])
        messages.success(request, _("Cliënt %(name)s is aangemaakt.") % {"name": client.name})
        return redirect("matching:intake-new", client_id=client.pk)
    clients = Client.objects.visible_to(request.user)
    return render(request, "matching/client_list.html", {"form": form, "clients": clients})


@login_required
def client_detail(request, client_id):
    client = _client(request, client_id)
    decisions = client.decisions.select_related("decided_by")
    context = {
        "client": client,
        "current": current_decisions(client, life_domains()),
        "decisions": decisions,
        "intakes": client.intakes.all()[:10],
        "may_manage_privacy": may_manage(request.user, client),
    }
    return render(request, "matching/client_detail.html", context)


@login_required
def intake_new(request, client_id):
    client = _client(request, client_id)
    form = IntakeForm(request.POST if request.method == "POST" else None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            intake = operations.record_intake(client, request.user, form.payload())
        except InputError as exc:
            error = exc
        else:
            return redirect("matching:result", intake_id=intake.pk)
    prompts = {
        item.code: item.attributes.get("prompts", [])
        for item in KnowledgeItem.objects.filter(kind="life_domain").only("code", "attributes")
    }
    for block in form.blocks:
        block["prompts"] = prompts.get(block["code"], [])
    return render(request, "matching/intake_form.html", {"client": client, "form": form, "engine_error": error})


def _result_page(request, intake, failed=None):
    """The suggestion page; failed is a DecisionForm with an error, shown in its own domain."""
    suggestions = {d["domain"]: d.get("logic") or "" for d in intake.domain_results()}
    override_forms = {
        domain: DecisionForm(suggestions=suggestions, auto_id=f"id_{domain}_%s") for domain in suggestions
    }
    if failed is not None:
        override_forms[failed.cleaned_data["domain"]] = failed
    decided = {d.domain: d for d in intake.decisions.all()}
    return render(
        request,
        "matching/intake_result.html",
        {
            "intake": intake,
            "client": intake.client,
            "domains": intake.domain_results(),
            "decided": decided,
            "logics": list(Logic),
            "override_forms": override_forms,
            "statements": {d["domain"]: d.get("statements", []) for d in intake.payload.get("domains", [])},
        },
    )


@login_required
def intake_result(request, intake_id):
    return _result_page(request, _intake(request, intake_id))


@login_required
@require_POST
def decide(request, intake_id):
    intake = _intake(request, intake_id)
    results = {d["domain"]: d for d in intake.domain_results()}
    suggestions = {domain: result.get("logic") or "" for domain, result in results.items()}
    form = DecisionForm(request.POST, suggestions=suggestions)
    if not form.is_valid():
        if set(form.errors) == {"reason"}:
            # Another logic without a reason: the same page, with the error at the reason field of that domain.
            domain = form.cleaned_data["domain"]
            form.auto_id = f"id_{domain}_%s"
            return _result_page(request, intake, failed=form)
        for error in form.errors.values():
            messages.error(request, error[0])
        return redirect("matching:result", intake_id=intake.pk)
    domain = form.cleaned_data["domain"]
    operations.decide(
        intake.client, request.user, domain, form.cleaned_data["chosen_logic"], intake=intake,
        suggested_logic=suggestions[domain], confidence=results[domain].get("confidence"), reason=form.cleaned_data["reason"],
    )
    messages.success(request, _("Besluit vastgelegd."))
    return redirect(reverse("matching:result", args=[intake.pk]) + f"#besluit-{domain}")  # the decision line takes the focus


@capability_required(ENGINE_USE)
def statement(request):
    form = StatementForm(request.POST if request.method == "POST" else None)
    result = error = None
    if request.method == "POST" and form.is_valid():
        try:
            result = classify(form.cleaned_data["text"], domain=form.cleaned_data["domain"] or None).to_dict()
        except InputError as exc:
            error = exc
    return render(request, "matching/statement.html", {"form": form, "result": result, "engine_error": error})
