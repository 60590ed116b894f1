"""The integrated plan per life domain: the goal, how the client sees themselves (the latest
matching decision), the approach of each professional, and the engine's warnings when
those approaches clash with the client or with each other (slim.md §7.2, success factor 3).
"""

from collections import defaultdict
from dataclasses import dataclass

from slim.core import Logic, alignment_warnings
from slim.core.knowledge import life_domains
from slim.core.model import Approach, MatchWarning, Text
from slim.matching.history import current_decisions


@dataclass(frozen=True)
class DomainRow:
    code: str
    title: Text
    goal: str
    decision: object  # the latest matching Decision, or None (not read yet, or not visible to the viewer)
    approaches: list
    warnings: tuple[MatchWarning, ...]


def _engine_approach(approach, viewer):
    """The viewer's own approach reads as 'uw eigen aanpak', everyone else's as a partner."""
    return Approach(
        kind="professional" if approach.user_id == viewer.pk else "partner",
        name=str(approach.user),
        logic=Logic(approach.logic),
        organisation=approach.user.organisation or None,
    )


def plan_rows(case, viewer, show_self_image):
    """One row per life domain. Without consent for the self-image the client's logic stays out,
    also of the warnings, which would otherwise give it away."""
    goals = {goal.domain: goal.text for goal in case.domain_goals.all()}
    approaches = defaultdict(list)
    for approach in case.approaches.select_related("user"):
        approaches[approach.domain].append(approach)
    if show_self_image:
        domains = current_decisions(case.client, life_domains())
    else:
        domains = [(code, title, None) for code, title in life_domains().items()]
    rows = []
    for code, title, decision in domains:
        engine_approaches = [_engine_approach(approach, viewer) for approach in approaches[code]]
        client_logic = decision.chosen_logic if decision else None
        warnings = alignment_warnings(client_logic, engine_approaches)
        rows.append(DomainRow(code, title, goals.get(code, ""), decision, approaches[code], warnings))
    return rows
