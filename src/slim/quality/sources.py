"""Every read of another app's models by slim.quality, in one place.

Decisions and intakes (slim.matching), clients and who may see them (slim.cases), users and
their teams (slim.accounts) and the small-number rule of the dashboards (slim.insights).
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from slim.accounts.capabilities import QUALITY_LABEL, has
from slim.common.suppression import MIN_CLIENTS, SUPPRESSED  # noqa: F401  re-exported for the figures


def decision_rows(organisation=None):
    """Decisions with a suggestion, as plain dicts; only those decided by `organisation` if given."""
    from slim.matching.models import Decision

    decisions = Decision.objects.exclude(suggested_logic="")
    if organisation is not None:
        decisions = decisions.filter(decided_by__organisation=organisation)
    return list(
        decisions.order_by("decided_at", "id").values(
            "client_id", "domain", "suggested_logic", "chosen_logic", "reason", "confidence", "decided_at",
            "decided_by__organisation",
        )
    )


def self_assessments(rows):
    """The client's own reading (slim.portal) for each decision row, or None where the client gave none:
    the latest self-assessment of that client and domain."""
    from slim.portal.models import SelfAssessment

    latest = {}
    views = SelfAssessment.objects.filter(client_id__in={row["client_id"] for row in rows}).exclude(logic="")
    for client_id, domain, logic in views.order_by("-created_at", "-id").values_list("client_id", "domain", "logic"):
        latest.setdefault((client_id, domain), logic)
    return [latest.get((row["client_id"], row["domain"])) for row in rows]


def visible_client(user, client_id):
    """The client if `user` may see it under the case rules, else None."""
    from slim.clients.models import Client

    return Client.objects.visible_to(user).filter(pk=client_id).first()


def visible_clients(user):
    """The clients `user` may see under the case rules, by name."""
    from slim.clients.models import Client

    return list(Client.objects.visible_to(user).order_by("name", "id"))


def consented_statements(organisation, consented_client_ids):
    """(client_id, domain, statement) from intakes recorded by `organisation` of clients in
    `consented_client_ids`; newest intake first."""
    from slim.matching.models import Intake

    found = []
    intakes = Intake.objects.filter(client_id__in=consented_client_ids, created_by__organisation=organisation)
    for intake in intakes.order_by("-created_at", "-id"):
        for block in intake.payload.get("domains", []):
            for statement in block.get("statements") or []:
                if isinstance(statement, str) and statement.strip():
                    found.append((intake.client_id, block.get("domain", ""), statement))
    return found


def colleagues(organisation):
    """Active users of `organisation` who may label in a study."""
    users = get_user_model().objects.filter(organisation=organisation, is_active=True).order_by("username")
    return [user for user in users if has(user, QUALITY_LABEL)]


def today():
    return timezone.localdate()
