"""The changes of the matching app: an intake with the engine's reading, and a professional's decision.

The decision is its own record (who, when, suggested and chosen logic, reason); the case
timeline shows it from there. Which decision is current (the latest per client and domain) is
kept here, in the same transaction, and so is whatever an app above keeps from it: cases
registers the refresh of its stored alignment with `after_decision` at start-up.
"""

from django.db import transaction
from django.utils import timezone

from slim.clients.models import Client
from slim.core import match_intake

from .models import Decision, Intake


def record_intake(client, actor, payload):
    """Read the intake with the engine and keep both; raises slim.core.InputError on input the engine refuses."""
    result = match_intake(payload)
    return Intake.objects.create(client=client, created_by=actor, payload=payload, result=result.to_dict())


_AFTER_DECISION = []


def after_decision(function):
    """Call function(client_id) in the transaction of every decision (for apps above matching)."""
    if function not in _AFTER_DECISION:
        _AFTER_DECISION.append(function)


def decide(client, actor, domain, chosen_logic, intake=None, suggested_logic="", confidence=None, reason="", decided_at=None):
    """Which logic fits the client in this domain; the latest decision per domain is the current one."""
    with transaction.atomic():
        # Lock the client row: two decisions saved at once for one client would both claim to be current.
        list(Client.objects.select_for_update().filter(pk=client.pk).values_list("pk"))
        decision = Decision.objects.create(
            client=client, intake=intake, domain=domain, suggested_logic=suggested_logic, confidence=confidence,
            chosen_logic=chosen_logic, reason=reason, decided_by=actor, decided_at=decided_at or timezone.now(),
        )
        decision.is_current = mark_current(client.pk, domain) == decision.pk
        for function in _AFTER_DECISION:
            function(client.pk)
    return decision


def mark_current(client_id, domain):
    """Flag the latest decision of one client and domain as current and every other as not; return its pk."""
    decisions = Decision.objects.filter(client_id=client_id, domain=domain)
    latest = decisions.order_by("-decided_at", "-id").values_list("pk", flat=True).first()
    decisions.filter(is_current=True).exclude(pk=latest).update(is_current=False)
    decisions.filter(pk=latest, is_current=False).update(is_current=True)
    return latest
