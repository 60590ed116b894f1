"""Value types shared by the SLIM engine.

Everything here is immutable and converts to plain JSON-able data with to_dict(), so the
same result can be shown in a template, returned by an API and stored in an audit log
without the caller knowing about these classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Logic(str, Enum):
    """The four SLIM intervention logics, in the canonical order of every source."""

    KANSEN = "kansen"
    COMPETENTIES = "competenties"
    STURING = "sturing"
    ONDERNEMEN = "ondernemen"


class Axis(str, Enum):
    """The two readings behind a logic: willen (direction) and kunnen (capacity)."""

    DIRECTION = "direction"
    CAPACITY = "capacity"


class Direction(str, Enum):
    """Axis A: whose normality sets the goal."""

    SYSTEM = "system"
    OWN = "own"
    UNCLEAR = "unclear"


class Capacity(str, Enum):
    """Axis B: can the client move under their own power right now."""

    ABLE = "able"
    NOT_YET = "not_yet"
    OVERLOADED = "overloaded"
    UNCLEAR = "unclear"


AXIS_VALUES: dict[Axis, type[Enum]] = {Axis.DIRECTION: Direction, Axis.CAPACITY: Capacity}


def _round(value: float) -> float:
    return round(value, 3)


def _rounded(scores: dict) -> dict:
    return {str(getattr(key, "value", key)): _round(val) for key, val in scores.items()}


@dataclass(frozen=True)
class Text:
    """A short text in Dutch (shown to users) and English (for documentation and tests)."""

    nl: str
    en: str

    @classmethod
    def of(cls, data: dict) -> Text:
        return cls(nl=data["nl"], en=data["en"])

    def to_dict(self) -> dict:
        return {"nl": self.nl, "en": self.en}


@dataclass(frozen=True)
class Target:
    """What a piece of evidence points at: a logic directly, or one value on one axis."""

    logic: Logic | None = None
    axis: Axis | None = None
    value: str | None = None

    @classmethod
    def parse(cls, key: str) -> Target:
        """Read 'kansen' or 'capacity.overloaded' (the lexicon and config spelling)."""
        if "." in key:
            axis_name, value = key.split(".", 1)
            axis = Axis(axis_name)
            return cls(axis=axis, value=AXIS_VALUES[axis](value).value)
        return cls(logic=Logic(key))

    def to_dict(self) -> dict:
        return {
            "logic": self.logic.value if self.logic else None,
            "axis": self.axis.value if self.axis else None,
            "axis_value": self.value,
        }


@dataclass(frozen=True)
class Evidence:
    """One weighted piece of evidence; scoring only ever sees these."""

    target: Target
    weight: float
    from_words: bool = False  # word statistics (slim.core.words), not a phrase: rule 7 leaves it out


@dataclass(frozen=True)
class TextSignal:
    """A lexicon entry that fired on the client's own words."""

    term: str
    start: int
    end: int
    lexicon_id: str
    target: Target
    weight: float
    negated: bool
    explanation: Text
    statement: int | None = None

    def to_dict(self) -> dict:
        return {
            "source": "statement",
            "statement": self.statement,
            "term": self.term,
            "start": self.start,
            "end": self.end,
            "lexicon_id": self.lexicon_id,
            **self.target.to_dict(),
            "weight": _round(self.weight),
            "negated": self.negated,
            "explanation": self.explanation.to_dict(),
        }


@dataclass(frozen=True)
class AnswerSignal:
    """A structured intake answer (draaischijf question) used as evidence."""

    question: str
    answer: str
    target: Target
    weight: float
    explanation: Text

    def to_dict(self) -> dict:
        return {
            "source": "answer",
            "question": self.question,
            "answer": self.answer,
            **self.target.to_dict(),
            "weight": _round(self.weight),
            "explanation": self.explanation.to_dict(),
        }


@dataclass(frozen=True)
class WordSignal:
    """What the word statistics (slim.core.words) add for one logic, with the words that weigh most:
    as the client wrote them, as the stems counted in engine/words.json, and where they are."""

    terms: tuple[str, ...]
    stems: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    target: Target
    weight: float
    explanation: Text
    reason: Text  # the short form for the summary; the explanation names the words and counts
    statement: int | None = None

    def to_dict(self) -> dict:
        return {
            "source": "words",
            "statement": self.statement,
            "terms": list(self.terms),
            "stems": list(self.stems),
            "spans": [list(span) for span in self.spans],
            **self.target.to_dict(),
            "weight": _round(self.weight),
            "explanation": self.explanation.to_dict(),
        }


Signal = TextSignal | AnswerSignal | WordSignal


@dataclass(frozen=True)
class AxisReading:
    """The reading on one axis, its scores per value and where the evidence came from."""

    axis: Axis
    value: str
    scores: dict[str, float]
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"value": self.value, "scores": _rounded(self.scores), "sources": list(self.sources)}


@dataclass(frozen=True)
class FollowUp:
    """A draaischijf question (engine/intake.yaml) that would decide between the logics still in the running."""

    code: str
    question: Text

    def to_dict(self) -> dict:
        return {"code": self.code, "question": self.question.to_dict()}


@dataclass(frozen=True)
class Classification:
    """The classifier's reading of one statement. A suggestion, never a decision."""

    text: str
    domain: str | None
    logic: Logic | None
    confidence: float
    scores: dict[Logic, float]
    direction: AxisReading
    capacity: AxisReading
    signals: tuple[TextSignal | WordSignal, ...]
    explanation: Text
    warnings: tuple[MatchWarning, ...] = ()
    ask: tuple[FollowUp, ...] = ()  # no suggestion yet: the questions that would decide it

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "domain": self.domain,
            "logic": self.logic.value if self.logic else None,
            "confidence": round(self.confidence, 4),  # the calibrated figure exactly (4 decimals), so every page rounds it alike
            "scores": _rounded(self.scores),
            "axis": {"direction": self.direction.to_dict(), "capacity": self.capacity.to_dict()},
            "signals": [signal.to_dict() for signal in self.signals],
            "explanation": self.explanation.to_dict(),
            "warnings": [warning.to_dict() for warning in self.warnings],
            "ask": [question.to_dict() for question in self.ask],
        }


@dataclass(frozen=True)
class Approach:
    """Something that works from a logic: the professional, an intervention or a partner."""

    kind: str  # 'professional' | 'intervention' | 'partner'
    name: str
    logic: Logic
    organisation: str | None = None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "name": self.name, "logic": self.logic.value, "organisation": self.organisation}


@dataclass(frozen=True)
class MatchWarning:
    """Something the professional should look at. inferred=True: from our own reasoning, not a source."""

    kind: str  # 'mismatch' | 'no_shared_strategy' | 'conflicting_signals'
    message: Text
    severity: str  # 'hoog' | 'middel' | 'laag'
    inferred: bool = True
    subject: str | None = None
    subject_kind: str | None = None
    subject_logic: Logic | None = None
    client_logic: Logic | None = None
    consequence: Text | None = None
    risks: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "message": self.message.to_dict(),
            "severity": self.severity,
            "inferred": self.inferred,
            "subject": self.subject,
            "subject_kind": self.subject_kind,
            "subject_logic": self.subject_logic.value if self.subject_logic else None,
            "client_logic": self.client_logic.value if self.client_logic else None,
            "consequence": self.consequence.to_dict() if self.consequence else None,
            "risks": list(self.risks),
        }


@dataclass(frozen=True)
class NextConversation:
    """The suggested next conversation type (1..7), with the planned follow-up and any type run alongside."""

    number: int
    title: Text
    reason: Text
    follow_up: int | None = None
    alongside: int | None = None

    def to_dict(self) -> dict:
        return {
            "number": self.number,
            "title": self.title.to_dict(),
            "reason": self.reason.to_dict(),
            "follow_up": self.follow_up,
            "alongside": self.alongside,
        }


@dataclass(frozen=True)
class Support:
    """What the suggested logic asks of the professional (from logics.yaml)."""

    approach_name: Text
    attitude: Text
    support: Text
    inferred: bool

    def to_dict(self) -> dict:
        return {
            "approach_name": self.approach_name.to_dict(),
            "attitude": self.attitude.to_dict(),
            "support": self.support.to_dict(),
            "inferred": self.inferred,
        }


@dataclass(frozen=True)
class IntakeDomain:
    """One validated life-domain block of an intake."""

    domain: str
    answers: dict[str, str] = field(default_factory=dict)
    statements: tuple[str, ...] = ()
    approach: Logic | None = None
    interventions: tuple[Approach, ...] = ()
    partners: tuple[Approach, ...] = ()
    shared_goal: bool = False


@dataclass(frozen=True)
class Intake:
    """A validated intake: one block per life domain."""

    domains: tuple[IntakeDomain, ...]


@dataclass(frozen=True)
class DomainMatch:
    """The suggested reading for one life domain, with every piece of evidence behind it."""

    domain: str
    logic: Logic | None
    confidence: float
    scores: dict[Logic, float]
    direction: AxisReading
    capacity: AxisReading
    signals: tuple[Signal, ...]
    support: Support | None
    next_conversation: NextConversation
    warnings: tuple[MatchWarning, ...]
    explanation: Text
    ask: tuple[FollowUp, ...] = ()  # no suggestion yet: the questions that would decide it

    def to_dict(self) -> dict:
        return {
            "domain": self.domain,
            "logic": self.logic.value if self.logic else None,
            "confidence": round(self.confidence, 4),  # the calibrated figure exactly (4 decimals), so every page rounds it alike
            "scores": _rounded(self.scores),
            "axis": {"direction": self.direction.to_dict(), "capacity": self.capacity.to_dict()},
            "signals": [signal.to_dict() for signal in self.signals],
            "support": self.support.to_dict() if self.support else None,
            "next_conversation": self.next_conversation.to_dict(),
            "warnings": [warning.to_dict() for warning in self.warnings],
            "explanation": self.explanation.to_dict(),
            "ask": [question.to_dict() for question in self.ask],
        }


@dataclass(frozen=True)
class IntakeMatch:
    """Per-domain suggestions; when they differ, a note hands the choice to the casusregisseur."""

    domains: tuple[DomainMatch, ...]
    note: Text | None

    def to_dict(self) -> dict:
        return {
            "domains": [match.to_dict() for match in self.domains],
            "note": self.note.to_dict() if self.note else None,
        }


@dataclass(frozen=True)
class EvaluationReport:
    """How well the classifier reproduces the labelled statements of one split."""

    split: str
    n: int
    accuracy: float
    per_logic: dict[str, dict[str, float]]
    confusion: dict[str, dict[str, int]]
    misclassified: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "split": self.split,
            "n": self.n,
            "accuracy": _round(self.accuracy),
            "per_logic": {logic: _rounded(values) for logic, values in self.per_logic.items()},
            "confusion": self.confusion,
            "misclassified": list(self.misclassified),
        }
