"""The changes of the matching app: an intake with the engine's reading, and a professional's decision.

The decision is its own record (who, when, suggested and chosen logic, reason); the case
timeline shows it from there.
"""

from django.db import transaction

from slim.core import match_intake

from .models import Decision, Intake


def record_intake(client, actor, payload):
    """Read the intake with the engine and keep both; raises slim.core.InputError on input the engine refuses."""
    result = match_intake(payload)
    return Intake.objects.create(client=client, created_by=actor, payload=payload, result=result.to_dict())


def decide(client, actor, domain, chosen_logic, intake=None, suggested_logic="", confidence=None, reason=""):
    """Which logic fits the client in this domain; the latest decision per domain is the current one."""
    with transaction.atomic():
        return Decision.objects.create(
            client=client, intake=intake, domain=domain, suggested_logic=suggested_logic, confidence=confidence,
            chosen_logic=chosen_logic, reason=reason, decided_by=actor,
        )
