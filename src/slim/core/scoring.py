"""Turning weighted evidence into per-logic scores, a suggestion and a confidence.

One scoring path for everything: the classifier scores the signals of one statement, the
engine scores intake answers plus all statements of a domain with the same function. The
rules and weights are documented in engine/scoring.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from slim.core.knowledge import logic_definitions, logic_title, scoring_config
from slim.core.model import AXIS_VALUES, Axis, AxisReading, Evidence, Logic, Target, Text


@dataclass(frozen=True)
class ScoringRules:
    axis_support: dict[Target, tuple[Logic, ...]]
    overload_priority: float
    tie_order: tuple[Logic, ...]
    confidence_saturation: float
    own_goal: dict[str, float]


def axis_support() -> dict[Target, tuple[Logic, ...]]:
    """Which logics each axis value supports: read from the place of every logic on the two axes
    (knowledge/logics.yaml, attributes direction and capacity), so the classifier follows the data."""
    support: dict[Target, list[Logic]] = {}
    for logic, item in logic_definitions().items():
        for axis in Axis:
            target = Target.parse(f"{axis.value}.{item['attributes'][axis.value]}")
            support.setdefault(target, []).append(logic)
    return {target: tuple(logics) for target, logics in support.items()}


@lru_cache(maxsize=1)
def rules() -> ScoringRules:
    config = scoring_config()
    return ScoringRules(
        axis_support=axis_support(),
        overload_priority=float(config["overload_priority"]),
        tie_order=tuple(Logic(code) for code in config["tie_order"]),
        confidence_saturation=float(config["confidence_saturation"]),
        own_goal={key: float(value) for key, value in config["own_goal"].items()},
    )


OVERLOADED = Target(axis=Axis.CAPACITY, value="overloaded")


@dataclass(frozen=True)
class Scores:
    """Per-logic totals and per-axis totals for one body of evidence."""

    logic: dict[Logic, float]
    axis: dict[Axis, dict[str, float]]
    notes: tuple[Text, ...] = ()

    @property
    def empty(self) -> bool:
        return not any(self.logic.values())

    def ranking(self) -> list[Logic]:
        """Logics from best to worst. Equal scores: first the logic that the capacity reading supports
        (what the client says they can do: able -> kansen/ondernemen, not yet -> competenties), then tie_order."""
        order = rules().tie_order
        capacity = self.axis[Axis.CAPACITY]
        ordered = sorted(capacity.items(), key=lambda item: -item[1])
        clear = ordered[0][1] > 0 and ordered[0][1] > ordered[1][1]
        supported = rules().axis_support[Target(axis=Axis.CAPACITY, value=ordered[0][0])] if clear else ()
        return sorted(Logic, key=lambda logic: (-self.logic[logic], logic not in supported, order.index(logic)))

    def suggestion(self) -> tuple[Logic | None, float]:
        """The suggested logic and its confidence (see engine/scoring.yaml, rule 6)."""
        if self.empty:
            return None, 0.0
        best, second = (self.logic[logic] for logic in self.ranking()[:2])
        margin = (best - second) / best
        amount = min(1.0, best / rules().confidence_saturation)
        return self.ranking()[0], margin * amount

    def is_tie(self) -> bool:
        best, second = (self.logic[logic] for logic in self.ranking()[:2])
        return not self.empty and best == second

    def axis_reading(self, axis: Axis, sources: tuple[str, ...]) -> AxisReading:
        """The strongest value on an axis, or 'unclear' when there is none or a tie.

        sources: where the evidence came from; only kept when there is evidence on this axis.
        """
        values = self.axis[axis]
        ordered = sorted(values.items(), key=lambda item: -item[1])
        best_value, best = ordered[0]
        clear = best > 0 and best > ordered[1][1]
        return AxisReading(axis, best_value if clear else "unclear", dict(values), sources if best > 0 else ())


def _weigh(target: Target, weight: float) -> float:
    """The weight evidence carries towards the logics, after the overload priority."""
    return weight * rules().overload_priority if target == OVERLOADED else weight


INSTRUMENTAL_NOTE = Text(
    nl="Het doel is van de cliënt zelf: wat die wil leren of vraagt (een plek, een vergunning) dient dat eigen doel "
    "en telt mee voor ondernemen.",
    en="The goal is the client's own: what they want to learn or ask for (a place, a permit) serves that own goal "
    "and counts towards enterprising.",
)


def _own_goal(
    logic_scores: dict[Logic, float], axis_scores: dict[Axis, dict[str, float]], direct: dict[Logic, float]
) -> bool:
    """Rule 7 of engine/scoring.yaml: a learning need or a practical request that serves the client's
    own goal stays ondernemen.

    Applies when the own direction (own-direction evidence plus direct_share of the direct
    ondernemen evidence) clearly outweighs the system direction (at least own_ratio times, and at
    least min_own), the statement names an own venture, dream or wish to co-create (direct
    ondernemen evidence of at least min_direct) or the own direction is strong by itself
    (strong_own), and nothing points at overload. Then `share` of the direct competenties and
    kansen evidence is moved to ondernemen.
    """
    config = rules().own_goal
    direction = axis_scores[Axis.DIRECTION]
    own, system = direction["own"] + config["direct_share"] * direct[Logic.ONDERNEMEN], direction["system"]
    clear = own >= config["min_own"] and own >= config["own_ratio"] * system
    named = direct[Logic.ONDERNEMEN] >= config["min_direct"] or own >= config["strong_own"]
    means = direct[Logic.COMPETENTIES] + direct[Logic.KANSEN]
    if not (clear and named) or axis_scores[Axis.CAPACITY]["overloaded"] > 0 or means <= 0:
        return False
    for logic in (Logic.COMPETENTIES, Logic.KANSEN):
        moved = direct[logic] * config["share"]
        logic_scores[logic] -= moved
        logic_scores[Logic.ONDERNEMEN] += moved
    return True


def score(evidence: Iterable[Evidence], own_goal: bool = False) -> Scores:
    """Add up evidence: direct logic evidence plus axis evidence for every logic it supports.

    own_goal: apply rule 7 (the client's own goal first). It reads one statement, so the classifier
    asks for it; the engine does not when it pools answers and several statements.
    """
    logic_scores = {logic: 0.0 for logic in Logic}
    direct = {logic: 0.0 for logic in Logic}
    axis_scores = {
        axis: {value.value: 0.0 for value in values if value.value != "unclear"} for axis, values in AXIS_VALUES.items()
    }
    support = rules().axis_support
    for item in evidence:
        if item.target.logic is not None:
            logic_scores[item.target.logic] += item.weight
            if not item.from_words:  # rule 7 weighs what the phrases say, not word counts
                direct[item.target.logic] += item.weight
            continue
        axis_scores[item.target.axis][item.target.value] += item.weight
        for logic in support[item.target]:
            logic_scores[logic] += _weigh(item.target, item.weight)
    notes = (INSTRUMENTAL_NOTE,) if own_goal and _own_goal(logic_scores, axis_scores, direct) else ()
    return Scores(logic_scores, axis_scores, notes)


def dutch_number(value: float) -> str:
    """A number as Dutch readers write it: 1,5 rather than 1.5."""
    return f"{value:g}".replace(".", ",")


def _score_text(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _supports(target: Target, logic: Logic) -> bool:
    """Whether evidence on this target adds to the score of this logic."""
    return target.logic is logic or logic in rules().axis_support.get(target, ())


def _unique(texts: Iterable[Text]) -> list[Text]:
    return list(dict.fromkeys(texts))


def summarise(
    scores: Scores, reasons: Iterable[tuple[Target, Text]], notes: Iterable[Text] = (), certainty: float | None = None
) -> Text:
    """One explanation: what is suggested, on which words or answers, and how the other logics scored.

    reasons: (target, short explanation) per signal, e.g. (capacity.overloaded, 'noemt overbelasting').
    notes: extra sentences about how the evidence was weighed.
    certainty: the calibrated certainty (slim.core.certainty) named in the text; without it the raw figure.
    """
    logic, confidence = scores.suggestion()
    if certainty is not None:
        confidence = certainty
    if logic is None:
        return Text(
            nl="Geen signaal gevonden: de woorden wijzen (nog) niet naar een logica. Bespreek met de cliënt hoe die de situatie ziet.",
            en="No signal found: the words do not (yet) point at a logic. Talk with the client about how they see the situation.",
        )
    reasons = list(reasons)
    pro = _unique(text for target, text in reasons if _supports(target, logic))
    con = _unique(text for target, text in reasons if not _supports(target, logic))
    title = logic_title(logic)
    others = [other for other in scores.ranking() if other is not logic]
    nl = (
        f"Voorstel: {title.nl} (score {_score_text(scores.logic[logic])}, zekerheid {round(confidence * 100)}%). "
        f"Wat ervoor pleit: de cliënt {'; '.join(text.nl for text in pro)}."
    )
    en = (
        f"Suggestion: {title.en} (score {_score_text(scores.logic[logic])}, confidence {round(confidence * 100)}%). "
        f"Evidence for it: the client {'; '.join(text.en for text in pro)}."
    )
    if con:
        nl += f" Wat ergens anders op wijst: de cliënt {'; '.join(text.nl for text in con)}."
        en += f" Pointing elsewhere: the client {'; '.join(text.en for text in con)}."
    nl += " Andere logica's: " + "; ".join(f"{logic_title(o).nl} {_score_text(scores.logic[o])}" for o in others) + "."
    en += " Other logics: " + "; ".join(f"{logic_title(o).en} {_score_text(scores.logic[o])}" for o in others) + "."
    if scores.is_tie():
        nl += " Gelijke stand: wat de cliënt over het eigen kunnen zegt, en anders de vaste volgorde, gaf de doorslag."
        en += " Tie: what the client says about their own ability, or else the fixed tie order, decided."
    if scores.axis[Axis.CAPACITY]["overloaded"] > 0:
        factor = rules().overload_priority
        nl += f" Signalen van overbelasting tellen {dutch_number(factor)} keer mee: eerst stabiliseren."
        en += f" Overload signals count {factor:g} times: stabilise first."
    for note in (*scores.notes, *notes):
        nl += f" {note.nl}"
        en += f" {note.en}"
    nl += " Dit is een suggestie; je kiest samen met de cliënt."
    en += " This is a suggestion; you choose together with the client."
    return Text(nl=nl, en=en)
