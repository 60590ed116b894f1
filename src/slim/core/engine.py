"""Matching one life domain, or a whole intake: the engine's suggestion with all its evidence.

Structured draaischijf answers and the client's own statements are combined into one body of
evidence and scored the same way as a single statement (engine/scoring.yaml):
- every answer counts as strong evidence (combine.answer_weight);
- statements add their signals, the most recent one (last in the list) weighing
  combine.recency_factor times (slim.md §8.3 rule 2);
- when the sources point at different logics, the raw figure drops (combine.conflict_factor) and a
  warning asks to discuss it with the client in conversation 2;
- the certainty shown is calibrated (slim.core.certainty): one figure per domain, and below the
  threshold no suggestion but the draaischijf questions that would decide it.
The result is a suggestion per life domain. It never ranks clients and never picks the
overarching strategy across domains: that is the casusregisseur's choice, with the client.
"""

from __future__ import annotations

from dataclasses import replace

from slim.core.alignment import alignment_warnings
from slim.core.certainty import decide
from slim.core.classifier import ask_further, evidence, follow_ups, read_statement, reasons, warnings_of, withheld
from slim.core.conversation import next_conversation
from slim.core.intake import questions, validate_domain, validate_intake
from slim.core.knowledge import life_domains, logic_definitions, logic_title, scoring_config
from slim.core.model import (
    AnswerSignal,
    Approach,
    Axis,
    DomainMatch,
    IntakeDomain,
    IntakeMatch,
    Logic,
    MatchWarning,
    Signal,
    Support,
    Text,
    TextSignal,
)
from slim.core.scoring import dutch_number, score, summarise

PROFESSIONAL = "eigen aanpak"


def _combine() -> dict:
    return scoring_config()["combine"]


def _answer_signals(block: IntakeDomain) -> tuple[list[AnswerSignal], list[Text]]:
    """Evidence from the draaischijf answers ('unclear' / 'weet niet' give none), and the weighing note."""
    weight = float(_combine()["answer_weight"])
    signals = []
    for code, answer_code in block.answers.items():
        question = questions()[code]
        answer = question.answers[answer_code]
        if answer.target is None:
            continue
        signals.append(
            AnswerSignal(
                question=code,
                answer=answer_code,
                target=answer.target,
                weight=weight,
                explanation=Text(nl=f"antwoordde '{answer.label.nl}'", en=f"answered '{answer.label.en}'"),
            )
        )
    note = Text(
        nl=f"Elk antwoord op de draaischijfvragen telt als sterk signaal (gewicht {dutch_number(weight)}).",
        en=f"Each answer to the draaischijf questions counts as strong evidence (weight {weight:g}).",
    )
    return signals, [note] if signals else []


def _statement_signals(block: IntakeDomain) -> tuple[list[list[TextSignal]], list[Text], list[MatchWarning]]:
    """Signals per statement (weights already include the recency factor), the weighing notes and the
    statements' own warnings. A socially desirable 'yes to everything' without a phrase that says more
    adds no evidence, only its warning."""
    recency = float(_combine()["recency_factor"])
    last = len(block.statements) - 1
    per_statement, notes, warnings = [], [], []
    for index, text in enumerate(block.statements):
        reading = read_statement(text)
        warnings.extend(warning for warning in warnings_of(reading) if warning not in warnings)
        factor = recency if index == last and last > 0 else 1.0
        kept = () if withheld(reading) else reading.signals
        per_statement.append([replace(signal, weight=signal.weight * factor, statement=index) for signal in kept])
        notes.extend(note for note in reading.notes if note not in notes)
    if last > 0:
        notes.append(
            Text(
                nl=f"De laatste uitspraak telt {dutch_number(recency)} keer: de meest recente eigen kijk van de cliënt weegt zwaarder.",
                en=f"The last statement counts {recency:g} times: the client's most recent own view weighs more.",
            )
        )
    return per_statement, notes, warnings


def _clear_logic(signals: list[Signal]) -> Logic | None:
    """The logic one source points at on its own; None when it is silent or undecided (a tie)."""
    scores = score(evidence(signals))
    return None if scores.is_tie() else scores.suggestion()[0]


def _sources(signals: list[Signal], axis: Axis) -> tuple[str, ...]:
    kinds = []
    if any(isinstance(signal, AnswerSignal) and signal.target.axis is axis for signal in signals):
        kinds.append("answer")
    if any(isinstance(signal, TextSignal) and signal.target.axis is axis for signal in signals):
        kinds.append("statements")
    return tuple(kinds)


def _support(logic: Logic) -> Support:
    item = logic_definitions()[logic]
    attributes = item["attributes"]
    sections = [section for section in item["sections"] if section["code"] in ("attitude", "support")]
    return Support(
        approach_name=Text.of(attributes["approach_name"]),
        attitude=Text.of(attributes["attitude_short"]),
        support=Text.of(attributes["support_short"]),
        inferred=bool(item.get("inferred")) or any(section.get("inferred") for section in sections),
    )


def _conflict_warning(suggestions: list[Logic]) -> MatchWarning:
    listing_nl = ", ".join(logic_title(logic).nl for logic in suggestions)
    listing_en = ", ".join(logic_title(logic).en for logic in suggestions)
    return MatchWarning(
        kind="conflicting_signals",
        message=Text(
            nl=f"Signalen wijzen verschillende kanten op ({listing_nl}); bespreek dit met de cliënt (gesprek 2).",
            en=f"Signals point in different directions ({listing_en}); discuss this with the client (conversation 2).",
        ),
        severity="middel",
    )


def _approaches(block: IntakeDomain) -> list[Approach]:
    own = [Approach("professional", PROFESSIONAL, block.approach)] if block.approach else []
    return [*own, *block.interventions, *block.partners]


def _match(block: IntakeDomain) -> DomainMatch:
    answer_signals, answer_notes = _answer_signals(block)
    per_statement, statement_notes, statement_warnings = _statement_signals(block)
    signals: list[Signal] = [*answer_signals, *(signal for signals in per_statement for signal in signals)]

    # One statement and no answers: read exactly as classify reads it (rule 7 included), so a domain
    # shows the same figure as its statement.
    single = len(block.statements) == 1 and not answer_signals
    scores = score(evidence(signals), own_goal=single)
    suggestions = list(dict.fromkeys(_clear_logic(source) for source in [answer_signals, *per_statement]))
    suggestions = [found for found in suggestions if found is not None]
    warnings: list[MatchWarning] = list(statement_warnings)
    factor = 1.0
    if len(suggestions) > 1:
        factor = float(_combine()["conflict_factor"])
        warnings.append(_conflict_warning(suggestions))
    answered = tuple(signal.question for signal in answer_signals)
    decision = decide(scores, signals, answered, factor)
    logic = decision.logic
    asked = follow_ups(decision.ask, block.domain) if logic is None else ()
    warnings.extend(alignment_warnings(logic, _approaches(block)))
    if logic is None:
        explanation = ask_further(decision, asked)
    else:
        explanation = summarise(scores, reasons(signals), [*answer_notes, *statement_notes], decision.certainty)
    return DomainMatch(
        domain=block.domain,
        logic=logic,
        confidence=decision.certainty if logic else 0.0,
        scores=scores.logic,
        direction=scores.axis_reading(Axis.DIRECTION, _sources(signals, Axis.DIRECTION)),
        capacity=scores.axis_reading(Axis.CAPACITY, _sources(signals, Axis.CAPACITY)),
        signals=tuple(signals),
        support=_support(logic) if logic else None,
        next_conversation=next_conversation(logic, block.shared_goal),
        warnings=tuple(warnings),
        explanation=explanation,
        ask=asked,
    )


def match_domain(
    domain: str,
    answers: dict[str, str] | None = None,
    statements=(),
    approach: Logic | str | None = None,
    interventions=(),
    partners=(),
    has_shared_goal: bool = False,
) -> DomainMatch:
    """Suggest a logic for one life domain from draaischijf answers and/or the client's statements.

    interventions and partners: dicts ({"name", "logic"[, "organisation"]}) or Approach objects.
    Raises InputError (with the field path) for invalid input.
    """
    block = validate_domain(
        {
            "domain": domain,
            "answers": answers or {},
            "statements": list(statements),
            "approach": approach,
            "interventions": list(interventions),
            "partners": list(partners),
            "shared_goal": has_shared_goal,
        }
    )
    return _match(block)


def _domains_note(matches: tuple[DomainMatch, ...]) -> Text | None:
    read = [match for match in matches if match.logic is not None]
    if len({match.logic for match in read}) < 2:
        return None
    titles = life_domains()
    listing_nl = "; ".join(f"{titles[m.domain].nl}: {logic_title(m.logic).nl}" for m in read)
    listing_en = "; ".join(f"{titles[m.domain].en}: {logic_title(m.logic).en}" for m in read)
    return Text(
        nl=f"De leefgebieden wijzen naar verschillende logica's ({listing_nl}). Dat is normaal: de lezing geldt per "
        "leefgebied. Kies als casusregisseur samen met de cliënt één overkoepelende strategie voor het gezamenlijke "
        "doel; SLIM kiest die niet voor je.",
        en=f"The life domains point at different logics ({listing_en}). That is normal: the reading is per life "
        "domain. As casusregisseur, choose one overarching strategy for the shared goal together with the client; "
        "SLIM does not choose it for you.",
    )


def match_intake(data: dict) -> IntakeMatch:
    """Validate a whole intake and match every life domain in it."""
    intake = validate_intake(data)
    matches = tuple(_match(block) for block in intake.domains)
    return IntakeMatch(domains=matches, note=_domains_note(matches))
