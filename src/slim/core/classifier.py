"""Reading one client statement: which logic do the client's own words point at, and why.

Deterministic and explainable by construction: the lexicon (engine/lexicon.yaml) lists
every phrase the classifier knows, each match becomes a visible signal with its span in
the text, and the suggestion is the plain sum described in engine/scoring.yaml. No
learning, no randomness, no information about the person beyond what they said.
"""

from __future__ import annotations

from dataclasses import dataclass

from slim.core.knowledge import require_domain, scoring_config
from slim.core.lexicon import Match, find_matches
from slim.core.model import Axis, Classification, Evidence, Text, TextSignal
from slim.core.scoring import dutch_number, score, summarise
from slim.core.text import Marks, Token, check_text, weighting_marks

# Why a signal counts more or less, in the order the factors are applied; see engine/scoring.yaml.
WEIGHING_NOTES = {
    "contrast_factor": Text(
        nl="Wat na '{word}' komt telt {factor} keer: daar corrigeert of preciseert de cliënt zichzelf.",
        en="What follows '{word}' counts {factor} times: there the client corrects or sharpens what came before.",
    ),
    "distant_factor": Text(
        nl="Wat over vroeger of ooit gaat telt {factor} keer: het gaat om hoe de cliënt het nu ziet.",
        en="What is about the past or some day counts {factor} times: what matters is how the client sees it now.",
    ),
    "reported_factor": Text(
        nl="Wat de cliënt over de mening van anderen vertelt telt {factor} keer: het is niet de eigen kijk.",
        en="What the client reports of other people's views counts {factor} times: it is not their own view.",
    ),
}


@dataclass(frozen=True)
class Reading:
    """The signals of one statement and the notes on how they were weighed."""

    signals: tuple[TextSignal, ...]
    notes: tuple[Text, ...]


def _factors(match: Match, tokens: list[Token], marks: Marks) -> list[str]:
    """Names of the statement factors that apply to a match."""
    first = match.words[0]
    applying = []
    if marks.turn is not None and first > marks.turn:
        applying.append("contrast_factor")
    if tokens[first].clause in marks.distant_clauses:
        applying.append("distant_factor")
    if first in marks.reported:
        applying.append("reported_factor")
    return applying


def _note(name: str, factor: float, tokens: list[Token], marks: Marks) -> Text:
    template = WEIGHING_NOTES[name]
    word = tokens[marks.turn].text if marks.turn is not None else ""
    return Text(
        nl=template.nl.format(word=word, factor=dutch_number(factor)),
        en=template.en.format(word=word, factor=f"{factor:g}"),
    )


def read_statement(text: str, domain: str | None = None) -> Reading:
    """All signals in a statement, in reading order. Validates the text (see text.check_text)."""
    tokens = check_text(text)
    marks = weighting_marks(text, tokens)
    config = scoring_config()["statement"]
    signals: list[TextSignal] = []
    used: set[str] = set()
    for match in find_matches(tokens, domain):
        entry = match.entry
        evidence = entry.negated_evidence if match.negated else entry.evidence
        if not evidence:
            continue
        factors = _factors(match, tokens, marks)
        used.update(factors)
        multiplier = 1.0
        for name in factors:
            multiplier *= float(config[name])
        signals.extend(
            TextSignal(
                term=text[match.start : match.end],
                start=match.start,
                end=match.end,
                lexicon_id=entry.id,
                target=item.target,
                weight=item.weight * multiplier,
                negated=match.negated,
                explanation=entry.negated_explanation if match.negated else entry.explanation,
            )
            for item in evidence
        )
    notes = tuple(_note(name, float(config[name]), tokens, marks) for name in WEIGHING_NOTES if name in used)
    return Reading(tuple(signals), notes)


def classify(text: str, domain: str | None = None) -> Classification:
    """Suggest a logic for one statement.

    Raises InputError for empty, too long or non-Dutch text and for an unknown domain.
    When no lexicon entry fires, logic is None and confidence 0: that is a finding, not an error.
    """
    if domain is not None:
        require_domain(domain)
    reading = read_statement(text, domain)
    scores = score(Evidence(signal.target, signal.weight) for signal in reading.signals)
    logic, confidence = scores.suggestion()
    return Classification(
        text=text,
        domain=domain,
        logic=logic,
        confidence=confidence,
        scores=scores.logic,
        direction=scores.axis_reading(Axis.DIRECTION, ("statements",)),
        capacity=scores.axis_reading(Axis.CAPACITY, ("statements",)),
        signals=reading.signals,
        explanation=summarise(scores, [(signal.target, signal.explanation) for signal in reading.signals], reading.notes),
    )
