"""Certainty that means something: the chance that a professional would choose the suggested logic.

The scoring rules give a raw figure (engine/scoring.yaml rule 6: margin x amount of evidence). On
its own that figure has no meaning: 0.4 is not "40% sure". This module turns it into one, with a
calibration fitted on labelled statements (engine/calibration.json, made by `slim calibrate`):

- Fitted on development sets only, never on a held-out split, and only on those the lexicon was never
  tuned on (UNTUNED: train4, written, and realdev3, real talk). Sets the lexicon was tuned on read
  better than fresh talk does, so a curve fitted on them says too much. Each statement is read with
  word counts in which its own set was left out (words.counted_from), so its reading is as unseen as a
  new client's.
- Isotonic regression (pool adjacent violators): the raw figure is sorted and cut into the
  largest blocks in which the share of statements the professional labelled with the suggested
  logic never falls as the raw figure rises; every block holds at least LEAST statements. Each block's
  share, with half a statement's worth of doubt added on each side ((right + 0.5) / (n + 1)), is the
  certainty for raw figures in that block. So the figure never says 100%.
- One curve for both styles of text (written statements and stories in the style of real talk). A
  second curve holds the suggestions that rest on word statistics alone (no lexicon phrase or
  draaischijf answer supports the suggested logic): less reliable, so a vague sentence does not get
  the certainty of a clear one. The amount of evidence is in the raw figure itself: more statements
  and draaischijf answers that agree raise the best score and the margin; disagreement between
  sources lowers it (combine.conflict_factor in scoring.yaml) and adds a warning.
- The settings (which sets, a words curve or not, LEAST) are chosen by leaving one development set
  out in turn (`slim calibrate --cv`, slim.core.evaluate.cross_validation); a test checks that the
  committed settings are the ones that choice gives.
- Below `threshold` the engine gives no suggestion: "nog geen voorstel - vraag door", with the one
  or two draaischijf questions that would decide between the logics still in the running.
Deterministic: the same words give the same figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from slim.core.knowledge import logic_definitions, read_data

CALIBRATION_FILE = "engine/calibration.json"
# Development splits the calibration is cross-validated on (each read with its own set left out of the
# word counts). train4 is the written set the lexicon was never tuned on; realdev, realdev2 and
# realdev3 are the real-talk development sets.
CALIBRATION_SPLITS = ("train4", "realdev", "realdev2", "realdev3")
# Of those, the sets the lexicon was never tuned on: train4 (written) and realdev3 (real talk). The
# lexicon's real-talk rules were written while reading realdev and realdev2, so those read better than
# fresh talk does.
UNTUNED = ("train4", "realdev3")
# The settings, chosen by leave-one-development-set-out cross-validation (`slim calibrate --cv`):
FIT_ON = "untuned"  # "all": every CALIBRATION_SPLITS set; "untuned": only the UNTUNED ones
LEAST = 20  # statements behind every block of the curve at least
WORDS_CURVE = True  # a separate curve for suggestions that rest on word statistics alone
THRESHOLD = 0.5  # below this certainty the suggestion is more likely wrong than right: no suggestion yet, ask further


@dataclass(frozen=True)
class Block:
    """Raw figures from `low` upward (to the next block) have this certainty; n statements behind it."""

    low: float
    certainty: float
    n: int
    right: int


def _share(block: list) -> float:
    """A block's certainty: its share right with half a statement's worth of doubt on each side."""
    return (block[1] + 0.5) / (block[2] + 1)


def _pool(blocks: list[list], share=lambda block: block[1] / block[2]) -> list[list]:
    """Pool adjacent violators: merge neighbours until the share never falls."""
    pooled: list[list] = []
    for block in blocks:
        pooled.append(list(block))
        while len(pooled) > 1 and share(pooled[-2]) >= share(pooled[-1]):
            _, hits, count = pooled.pop()
            pooled[-1][1] += hits
            pooled[-1][2] += count
    return pooled


def isotonic(points: list[tuple[float, bool]], least: int = 0) -> list[Block]:
    """Isotonic regression on (raw figure, right?) pairs: blocks whose share never falls. A block with
    fewer than `least` statements joins its neighbour (the next one up; the last one the one below),
    so no figure rests on a handful of statements; then violators are pooled again, until both hold.
    Last, blocks whose certainty (with the added doubt) would fall are pooled too."""
    blocks = _pool([[raw, int(right), 1] for raw, right in sorted(points)])
    while True:
        small = next((index for index, block in enumerate(blocks) if block[2] < least), None)
        if small is None or len(blocks) == 1:
            break
        other = small + 1 if small + 1 < len(blocks) else small - 1
        first, second = sorted((small, other))
        blocks[first][1] += blocks[second][1]
        blocks[first][2] += blocks[second][2]
        del blocks[second]
        blocks = _pool(blocks)
    blocks = _pool(blocks, _share)  # the doubt added to small blocks must not make the curve fall
    return [Block(low=round(block[0], 4), certainty=round(_share(block), 4), n=block[2], right=block[1]) for block in blocks]


@lru_cache(maxsize=1)
def calibration() -> dict:
    return read_data(CALIBRATION_FILE)


def threshold() -> float:
    return float(calibration()["threshold"])


def supported(signals, logic) -> bool:
    """Whether a lexicon phrase or a draaischijf answer (not only word statistics) supports this logic."""
    from slim.core.model import AnswerSignal, TextSignal
    from slim.core.scoring import rules

    support = rules().axis_support
    return any(
        isinstance(signal, (TextSignal, AnswerSignal))
        and (signal.target.logic is logic or logic in support.get(signal.target, ()))
        for signal in signals
    )


def read_curve(data: dict, raw: float, phrases: bool = True) -> float:
    """The certainty of a calibration (the content of engine/calibration.json) for one raw figure."""
    if raw <= 0:
        return 0.0
    curves = data["curves"]
    curve = curves["words"] if not phrases and "words" in curves else curves.get("phrases") or curves["all"]
    found = curve[0]["certainty"]
    for block in curve:
        if raw >= block["low"]:
            found = block["certainty"]
    return float(found)


def certainty(raw: float, phrases: bool = True) -> float:
    """The calibrated chance that the suggestion is what a professional would choose (0 without evidence).
    phrases: a lexicon phrase or an answer supports the suggestion (else the word-statistics curve, when
    the calibration has one)."""
    return read_curve(calibration(), raw, phrases)


def questions_to_ask(contenders, answered=()) -> list[str]:
    """The draaischijf questions (engine/intake.yaml codes) that would decide between the logics still
    in the running: 'richting' when they differ in direction, 'kunnen' when they differ in capacity
    (their places on the axes in knowledge/logics.yaml). Without contenders both; already answered
    questions are left out, and when both are answered the question about what the client needs."""
    places = [logic_definitions()[logic]["attributes"] for logic in contenders]
    wanted = []
    if len(places) < 2 or places[0]["direction"] != places[1]["direction"]:
        wanted.append("richting")
    if len(places) < 2 or places[0]["capacity"] != places[1]["capacity"]:
        wanted.append("kunnen")
    open_questions = [code for code in wanted if code not in answered]
    if not open_questions and "behoefte" not in answered:
        open_questions = ["behoefte"]
    return open_questions[:2]


def fit(readings: dict[str, list[tuple]], fit_on: str | None = None, words: bool | None = None, least: int | None = None) -> dict:
    """The content of engine/calibration.json from readings per split: (item, suggested logic or None,
    raw figure, supported by a phrase) for every labelled statement of CALIBRATION_SPLITS.
    fit_on, words, least: the settings (FIT_ON, WORDS_CURVE, LEAST unless given, as `slim calibrate --cv` does)."""
    fit_on = FIT_ON if fit_on is None else fit_on
    readings = {split: found for split, found in readings.items() if fit_on == "all" or split in UNTUNED}
    words = WORDS_CURVE if words is None else words
    least = LEAST if least is None else least
    points: dict[str, list[tuple[float, bool]]] = {"phrases": [], "words": []} if words else {"all": []}
    for found in readings.values():
        for item, logic, raw, phrases in found:
            if logic is not None:
                kind = ("phrases" if phrases else "words") if words else "all"
                points[kind].append((raw, logic.value == item["logic"]))
    return {
        "about": "Calibration of the engine's certainty (slim.core.certainty). Made by `slim calibrate`; "
        "fitted on development splits only, each statement read with its own set left out of the word counts.",
        "version": 2,
        "method": "isotonic regression (pool adjacent violators), certainty (right + 0.5) / (n + 1) per block",
        "splits": {split: len(found) for split, found in readings.items()},
        "statements": {kind: len(found) for kind, found in points.items()},
        "threshold": THRESHOLD,
        "fitted_on": fit_on,
        "least_per_block": least,
        "curves": {kind: [block.__dict__ for block in isotonic(found, least)] for kind, found in points.items()},
    }


@dataclass(frozen=True)
class Decision:
    """What the engine shows for one statement or one life domain: one certainty, and when it is too
    low no logic but the questions to ask (engine/intake.yaml codes)."""

    logic: object  # Logic | None
    certainty: float
    leaning: tuple  # the logics still in the running, best first
    ask: tuple[str, ...]


def decide(scores, signals, answered=(), factor: float = 1.0) -> Decision:
    """The suggestion after calibration: below the threshold, no logic yet, and what to ask.
    factor: what disagreement between sources leaves of the raw figure (combine.conflict_factor)."""
    logic, raw = scores.suggestion()
    raw *= factor
    value = certainty(raw, supported(signals, logic)) if logic is not None else 0.0
    leaning = tuple(scores.ranking()[:2]) if logic is not None else ()
    if logic is not None and value >= threshold():
        return Decision(logic, value, leaning, ())
    return Decision(None, value, leaning, tuple(questions_to_ask(leaning, answered)))
