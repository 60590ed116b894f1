"""Advice that leads to action: per life domain, from the client's decided logic, the working principle
that fits (knowledge/principles.yaml), the attitude and content of support, the next conversation for THIS
domain, and the databank's interventions ranked by fit to the client's decided logics.

Urgent practical trouble in a domain (the intake heard an urgent call for help there, or a plan action in that
domain is still open) makes the next conversation run alongside "regelen" (conversation 4).
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models.expressions import RawSQL

from slim.core import Logic
from slim.core.conversation import next_conversation
from slim.core.knowledge import life_domain_codes, logic_definitions, read_data
from slim.interventions import fit
from slim.interventions.models import Intervention
from slim.matching.models import Decision

# Lexicon signals that mean "this has to be arranged now" (debts at the door and the like).
URGENT_SIGNALS = frozenset({"s_urgent_help"})
TOP_INTERVENTIONS = 3


@dataclass
class DomainAdvice:
    domain: str
    logic: str
    decided_at: object
    principles: list = field(default_factory=list)  # [{title, does, avoids}]
    approach_name: object = None
    attitude: object = None
    support: object = None
    next_conversation: object = None
    urgent: bool = False
    interventions: list = field(default_factory=list)  # interventions that assume the client's logic here


def principles_for(logic):
    """The working principles whose attributes link them to `logic`, strongest link first."""
    rank = {"high": 0, "medium": 1, "low": 2}
    found = []
    for item in read_data("knowledge/principles.yaml")["items"]:
        attributes = item.get("attributes", {})
        for link in attributes.get("logics", []):
            if link.get("logic") == logic:
                professional = attributes.get("professional", {})
                found.append((rank.get(link.get("confidence"), 3), item.get("order", 0), {
                    "title": item["title"], "does": professional.get("does", []), "avoids": professional.get("avoids", []),
                }))
    return [entry for _, _, entry in sorted(found, key=lambda entry: entry[:2])]


def _urgent_domains(intake):
    urgent = set()
    for result in (intake.domain_results() if intake else []):
        ids = {signal.get("lexicon_id") for signal in result.get("signals", []) if isinstance(signal, dict)}
        if ids & URGENT_SIGNALS:
            urgent.add(result.get("domain"))
    return urgent


def current_decisions(client_id):
    return list(Decision.objects.filter(client_id=client_id, is_current=True).order_by("domain"))


def advice_for(case, decisions=None):
    """[DomainAdvice] for each domain with a current decision of the case's client."""
    decisions = current_decisions(case.client_id) if decisions is None else decisions
    known = set(life_domain_codes())
    decisions = [decision for decision in decisions if decision.domain in known]  # old data may name retired domains
    if not decisions:
        return [], ()
    intake = case.client.intakes.first()
    urgent = _urgent_domains(intake)
    open_domains = set(case.actions.filter(done_on__isnull=True).values_list("domain", flat=True))
    chosen = fit.parse([f"{decision.domain}:{decision.chosen_logic}" for decision in decisions])
    hits = ranked(chosen)
    advice = []
    for decision in decisions:
        logic = decision.chosen_logic
        definition = logic_definitions()[Logic(logic)]["attributes"]
        arranging = decision.domain in urgent or decision.domain in open_domains
        item = DomainAdvice(
            domain=decision.domain, logic=logic, decided_at=decision.decided_at, principles=principles_for(logic),
            approach_name=definition.get("approach_name"), attitude=definition.get("attitude_short"),
            support=definition.get("support_short"), urgent=decision.domain in urgent,
            next_conversation=next_conversation(logic, has_shared_goal=bool(case.shared_goal), needs_arranging=arranging),
        )
        bit = 1 << fit.LOGIC_BITS[logic]
        item.interventions = [hit for hit in hits if hit.logic_mask & bit][:TOP_INTERVENTIONS]
        advice.append(item)
    return advice, chosen


def ranked(chosen, limit=25):
    """Interventions ranked by fit to the client's decided logics (on how many domains they assume the client's
    logic, as the databank's 'fits this client' does), in one query; each with its logic_mask."""
    if not chosen:
        return []
    mask = connection.ops.quote_name(Intervention._meta.db_table) + ".logic_mask"
    score = RawSQL(fit.score_sql(chosen, mask), ())
    return list(
        Intervention.objects.annotate(fit_score=score).filter(fit_score__gt=0)
        .only("slug", "name", "logic_mask").order_by("-fit_score", "name")[:limit]
    )
