"""Reading one client statement: which logic do the client's own words point at, and why.

Deterministic and explainable by construction. Two readers add up: the lexicon
(engine/lexicon.yaml) lists the phrases the classifier knows, and each match becomes a
visible signal with its span in the text; the word statistics (slim.core.words) add, per
logic, what the statement's words weigh in counted example statements, naming the words
that weigh most. The suggestion is the plain sum described in engine/scoring.yaml. No
randomness, no information about the person beyond what they said. The
words mean the same in every life domain; the domain is checked and recorded with the
reading, because a reading only ever holds for one domain.
"""

from __future__ import annotations

from dataclasses import dataclass

from slim.core.certainty import Decision, decide, threshold
from slim.core.intake import questions
from slim.core.knowledge import logic_title, require_domain, scoring_config
from slim.core.lexicon import Match, find_matches
from slim.core.model import (
    Axis,
    Classification,
    Evidence,
    FollowUp,
    Logic,
    MatchWarning,
    Target,
    Text,
    TextSignal,
    WordSignal,
)
from slim.core.scoring import Scores, dutch_number, score, summarise
from slim.core.text import Marks, Token, check_text, weighting_marks
from slim.core.words import read_words

# Statement factors from engine/scoring.yaml (statement section), with the note that explains each.
FACTOR_NOTES = {
    "contrast_factor": Text(
        nl="Wat na '{word}' komt telt {factor} keer: daar corrigeert of preciseert de cliënt zichzelf.",
        en="What follows '{word}' counts {factor} times: there the client corrects or sharpens what came before.",
    ),
    "before_turn_factor": Text(
        nl="Wat vóór '{word}' komt telt {factor} keer: de cliënt stuurt het daarna bij.",
        en="What comes before '{word}' counts {factor} times: the client corrects it afterwards.",
    ),
    "distant_factor": Text(
        nl="Wat over vroeger of ooit gaat telt {factor} keer: het gaat om hoe de cliënt het nu ziet.",
        en="What is about the past or some day counts {factor} times: what matters is how the client sees it now.",
    ),
    "now_factor": Text(
        nl="Wat de cliënt na een terugblik over nu zegt ('nu', 'inmiddels') telt {factor} keer: het heden weegt zwaarder dan wat toen gebeurde.",
        en="What the client says about now after a look back ('nu', 'inmiddels') counts {factor} times: the present weighs more than what happened then.",
    ),
    "reported_factor": Text(
        nl="Wat de cliënt over de mening van anderen vertelt telt {factor} keer: het is niet de eigen kijk.",
        en="What the client reports of other people's views counts {factor} times: it is not their own view.",
    ),
}
ECHO_NOTE = Text(
    nl="Een aanbod dat de cliënt alleen als vraag herhaalt ('Bewindvoering?') of ironisch noemt ('Ja hoor, ...') "
    "is gelezen als afwijzing ervan.",
    en="An offer the client only repeats as a question ('Bewindvoering?') or mentions ironically ('Ja hoor, ...') "
    "is read as turning it down.",
)


@dataclass(frozen=True)
class Reading:
    """The signals of one statement and the notes on how they were weighed."""

    signals: tuple[TextSignal | WordSignal, ...]
    notes: tuple[Text, ...]
    warns: tuple[str, ...] = ()  # warning kinds raised by phrases (lexicon 'warns'), in reading order


def _factors(match: Match, tokens: list[Token], marks: Marks) -> list[str]:
    """Names of the statement factors that apply to a match."""
    first = match.words[0]
    applying = []
    if marks.turn is not None and first > marks.turn:
        applying.append("contrast_factor")
    if marks.turn is not None and match.words[-1] < marks.turn:
        applying.append("before_turn_factor")
    if tokens[first].clause in marks.distant_clauses:
        applying.append("distant_factor")
    if tokens[first].clause in marks.now_clauses:
        applying.append("now_factor")
    if first in marks.reported:
        applying.append("reported_factor")
    return applying


def _factor_note(name: str, factor: float, word: str) -> Text:
    template = FACTOR_NOTES[name]
    return Text(
        nl=template.nl.format(word=word, factor=dutch_number(factor)),
        en=template.en.format(word=word, factor=f"{factor:g}"),
    )


# Evidence that an offer or the usual route was named: what a rejection can turn down.
OFFER_TARGETS = frozenset(
    {Target.parse("direction.system"), Target(logic=Logic.COMPETENTIES), Target(logic=Logic.STURING)}
)


def _turned_down(matches: list[Match], tokens: list[Token]) -> set[int]:
    """Offers named before a rejection in the same clause ('Die opvoedcursus kunt u houden',
    'Een mbo-diploma hoeft voor mij niet'): read as negated, like 'geen opvoedcursus' (so an entry
    without a negated reading drops out). Returns their positions in `matches`."""
    rejections = [match for match in matches if match.entry.rejects and not match.negated]
    turned = set()
    for number, match in enumerate(matches):
        if match.entry.rejects:
            continue
        if not any(item.target in OFFER_TARGETS for item in match.entry.evidence):
            continue
        for rejection in rejections:
            if match.words[-1] < rejection.words[0] and _one_clause(tokens, match.words[-1], rejection.words[0]):
                turned.add(number)
    return turned


def _one_clause(tokens: list[Token], first: int, last: int) -> bool:
    """Whether tokens first..last form one clause, counting 'en' as part of it ('Feestjes en
    verenigingen trek ik niet')."""
    for position in range(first + 1, last + 1):
        token = tokens[position]
        if token.sentence != tokens[first].sentence:
            return False
        if token.clause != tokens[position - 1].clause and token.form != "en":
            return False
    return True


def _word_signals(tokens: list[Token], phrases: bool) -> tuple[WordSignal, ...]:
    """The word statistics' signals; without any phrase from the lexicon only when one logic clearly
    leads (scoring.yaml words.alone_min_lead), so small talk gets no suggestion."""
    found = read_words(tokens)
    if phrases or not found:
        return found
    weights = [signal.weight for signal in found] + [0.0]
    return found if weights[0] - weights[1] >= float(scoring_config()["words"]["alone_min_lead"]) else ()


def read_statement(text: str) -> Reading:
    """All signals in a statement, in reading order. Validates the text (see text.check_text)."""
    tokens = check_text(text)
    marks = weighting_marks(text, tokens)
    config = scoring_config()["statement"]
    signals: list[TextSignal] = []
    used: set[str] = set()
    echo_used = False
    matches = find_matches(tokens, text)
    turned_down = _turned_down(matches, tokens)
    warns: list[str] = []
    for number, match in enumerate(matches):
        entry = match.entry
        if entry.warns and entry.warns not in warns:
            warns.append(entry.warns)
        echoed = match.words[0] in marks.echoed
        negated = match.negated or echoed or number in turned_down
        evidence = entry.negated_evidence if negated else entry.evidence
        if not evidence:
            continue
        echo_used = echo_used or echoed
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
                negated=negated,
                explanation=entry.negated_explanation if negated else entry.explanation,
            )
            for item in evidence
        )
    signals.extend(_word_signals(tokens, phrases=bool(signals)))
    turn_word = tokens[marks.turn].text if marks.turn is not None else ""
    notes = [_factor_note(name, float(config[name]), turn_word) for name in FACTOR_NOTES if name in used]
    if echo_used:
        notes.append(ECHO_NOTE)
    return Reading(tuple(signals), tuple(notes), tuple(warns))


SOCIALLY_DESIRABLE = MatchWarning(
    kind="socially_desirable",
    message=Text(
        nl="Mogelijk een sociaal wenselijk antwoord: de cliënt zegt overal ja op. Vraag door naar hoe het nu echt gaat "
        "voordat u een logica kiest.",
        en="Possibly a socially desirable answer: the client agrees to everything. Ask how things really are now "
        "before you choose a logic.",
    ),
    severity="middel",
)


def warnings_of(reading: Reading) -> tuple[MatchWarning, ...]:
    return (SOCIALLY_DESIRABLE,) if "socially_desirable" in reading.warns else ()


def withheld(reading: Reading) -> bool:
    """A socially desirable 'yes to everything' with no phrase that says more: no suggestion."""
    return "socially_desirable" in reading.warns and not any(isinstance(s, TextSignal) for s in reading.signals)


def reasons(signals) -> list[tuple[Target, Text]]:
    """(target, reason) per signal for the summary: word statistics in their short form, which reads
    the same for every statement, so one phrase per logic remains; the signals table has the words."""
    return [(signal.target, signal.reason if isinstance(signal, WordSignal) else signal.explanation) for signal in signals]


def evidence(signals) -> list[Evidence]:
    """What scoring weighs of these signals (word statistics marked as such)."""
    return [Evidence(signal.target, signal.weight, isinstance(signal, WordSignal)) for signal in signals]


def follow_ups(codes, domain: str | None) -> tuple[FollowUp, ...]:
    """The draaischijf questions to ask, worded for the life domain when it is known."""
    asked = questions()
    return tuple(
        FollowUp(code, asked[code].wording(domain) if domain else asked[code].question) for code in codes
    )


def ask_further(decision: Decision, asked: tuple[FollowUp, ...]) -> Text:
    """The advice when there is no suggestion yet: ask further, with the questions that would decide it."""
    percent = round(decision.certainty * 100)
    limit = round(threshold() * 100)
    nl = "Nog geen voorstel — vraag door."
    en = "No suggestion yet — ask further."
    if decision.leaning:
        names_nl = " of ".join(logic_title(logic).nl for logic in decision.leaning)
        names_en = " or ".join(logic_title(logic).en for logic in decision.leaning)
        nl += (
            f" Wat de cliënt zegt, wijst het meest naar {names_nl}, maar te onzeker om te kiezen "
            f"(zekerheid {percent}%, een voorstel vraagt minstens {limit}%)."
        )
        en += (
            f" What the client says points most at {names_en}, but too uncertain to choose "
            f"(certainty {percent}%, a suggestion needs at least {limit}%)."
        )
    else:
        nl += " Geen signaal gevonden: de woorden wijzen (nog) niet naar een logica."
        en += " No signal found: the words do not (yet) point at a logic."
    if asked:
        nl += " Deze vragen van de draaischijf beslissen het: " + " ".join(f"'{item.question.nl}'" for item in asked)
        en += " These draaischijf questions decide it: " + " ".join(f"'{item.question.en}'" for item in asked)
    return Text(nl=nl, en=en)


def raw_reading(text: str) -> tuple[Reading, Scores]:
    """A statement's reading and its scores before calibration (for classify and `slim calibrate`)."""
    reading = read_statement(text)
    return reading, score(evidence(reading.signals), own_goal=True)


def classify(text: str, domain: str | None = None) -> Classification:
    """Suggest a logic for one statement.

    Raises InputError for empty, too long or non-Dutch text and for an unknown domain.
    When nothing points at a logic, or the calibrated certainty is below the threshold, logic is None
    and `ask` holds the draaischijf questions that would decide it: that is a finding, not an error.
    """
    if domain is not None:
        require_domain(domain)
    reading, scores = raw_reading(text)
    decision = decide(scores, reading.signals)
    asked: tuple[FollowUp, ...] = ()
    if withheld(reading):
        decision = Decision(None, 0.0, (), ())
        explanation = SOCIALLY_DESIRABLE.message
    elif decision.logic is None:
        asked = follow_ups(decision.ask, domain)
        explanation = ask_further(decision, asked)
    else:
        explanation = summarise(scores, reasons(reading.signals), reading.notes, decision.certainty)
    return Classification(
        text=text,
        domain=domain,
        logic=decision.logic,
        confidence=decision.certainty if decision.logic else 0.0,
        scores=scores.logic,
        direction=scores.axis_reading(Axis.DIRECTION, ("statements",)),
        capacity=scores.axis_reading(Axis.CAPACITY, ("statements",)),
        signals=reading.signals,
        explanation=explanation,
        warnings=warnings_of(reading),
        ask=asked,
    )
