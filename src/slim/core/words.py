"""Word statistics: which logic the client's words point at, counted in labelled statements.

The lexicon knows phrases someone wrote down; it misses the many ordinary ways people say the
same thing. This second reader counts, for every word stem and every pair of neighbouring
stems, in how many labelled statements of each logic it occurs (engine/words.json, made by
`slim train-words` from the training sets in slim.data/eval; the held-out sets are never
used). A statement's words then add up as in naive Bayes: per word, the log of how much more
often it occurs with one logic than with the logic where it is rarest. The totals, minus the
lowest one, become one piece of evidence per logic, weighed next to the lexicon
(engine/scoring.yaml, `words`). Deterministic, and every point can be traced to the words
and the counts behind it. Words that say who someone is rather than how they see their
situation (engine/words_not_counted.yaml) are never counted, so the counts cannot turn into
a profile.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from slim.core.knowledge import logic_title, read_data, scoring_config
from slim.core.model import Logic, Target, Text, WordSignal
from slim.core.text import Token, tokenize

MODEL_FILE = "engine/words.json"
NOT_COUNTED_FILE = "engine/words_not_counted.yaml"
# Held-out sets are for scoring only: the word statistics must never be counted from them.
TRAINING_SPLITS = ("tune", "dev", "train3a", "train3b", "train4", "realdev", "realdev2")
SMOOTHING = 0.3  # added to every count, so a word never seen with a logic still has a small chance
PAIR = "_"


@dataclass(frozen=True)
class Feature:
    """A stem or a pair of neighbouring stems (the key in words.json), with the client's own
    words where it first occurs."""

    key: str
    term: str
    start: int
    end: int


@lru_cache(maxsize=1)
def not_counted() -> frozenset[str]:
    """The stems of engine/words_not_counted.yaml: who someone is (gender, age, origin, religion,
    orientation, colour) never counts, only what they say about their situation."""
    lists = read_data(NOT_COUNTED_FILE)
    return frozenset(token.stem for words in lists.values() for word in words for token in tokenize(str(word)))


def features(tokens: list[Token]) -> list[Feature]:
    """Every distinct stem and pair of neighbouring stems, in reading order, except those not counted."""
    skipped = not_counted()
    found: dict[str, Feature] = {}
    for token in tokens:
        if token.stem not in skipped:
            found.setdefault(token.stem, Feature(token.stem, token.text, token.start, token.end))
    for first, second in zip(tokens, tokens[1:]):
        if first.stem not in skipped and second.stem not in skipped:
            key = f"{first.stem}{PAIR}{second.stem}"
            found.setdefault(key, Feature(key, f"{first.text} {second.text}", first.start, second.end))
    return list(found.values())


def train(items: list[dict]) -> dict:
    """The content of engine/words.json: per feature, in how many statements of each logic it occurs."""
    logics = [logic.value for logic in Logic]
    counts: dict[str, Counter] = {}
    statements = Counter(item["logic"] for item in items)
    for item in items:
        for feature in features(tokenize(item["text"])):
            counts.setdefault(feature.key, Counter())[item["logic"]] += 1
    return {
        "about": "Per stem and per pair of neighbouring stems: in how many training statements of each logic it "
        "occurs. Made by `slim train-words`; read by slim.core.words.",
        "splits": list(TRAINING_SPLITS),
        "smoothing": SMOOTHING,
        "logics": logics,
        "statements": [statements[logic] for logic in logics],
        "features": {key: [counts[key][logic] for logic in logics] for key in sorted(counts)},
    }


def training_items() -> list[dict]:
    return [item for split in TRAINING_SPLITS for item in read_data(f"eval/statements_{split}.json")]


def write_model(path: str | None = None, extra: list[dict] | None = None) -> str:
    """Count the training sets again (plus `extra` statements, e.g. field labels) and write
    engine/words.json (or `path`); returns where it went."""
    target = path or str(resources.files("slim.data").joinpath(MODEL_FILE))
    data = train(training_items() + list(extra or []))
    if extra:
        data["splits"] = [*data["splits"], f"field ({len(extra)} statements)"]
    table = data.pop("features")
    lines = [f" {json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}," for key, value in data.items()]
    rows = ",\n".join(f"  {json.dumps(key, ensure_ascii=False)}: {json.dumps(counts)}" for key, counts in table.items())
    with open(target, "w", encoding="utf-8") as handle:
        handle.write("{\n" + "\n".join(lines) + '\n "features": {\n' + rows + "\n }\n}\n")
    return target


class WordModel:
    """The counts of engine/words.json as log chances per logic.

    How many statements each logic has is not weighed in: the training sets are balanced, and a
    logic should not win because it was labelled more often.
    """

    def __init__(self, data: dict):
        self.logics = [Logic(code) for code in data["logics"]]
        self.statements = sum(data["statements"])
        smoothing = float(data["smoothing"])
        table = data["features"]
        totals = [sum(row[column] for row in table.values()) for column in range(len(self.logics))]
        size = len(table)
        self.weights: dict[str, tuple[float, ...]] = {}
        self.counts: dict[str, tuple[int, ...]] = {}
        for key, row in table.items():
            chances = [math.log((count + smoothing) / (total + smoothing * size)) for count, total in zip(row, totals)]
            lowest = min(chances)
            self.weights[key] = tuple(chance - lowest for chance in chances)
            self.counts[key] = tuple(row)


@lru_cache(maxsize=1)
def _committed() -> WordModel:
    return WordModel(read_data(MODEL_FILE))


_override: list[WordModel] = []


def model() -> WordModel:
    """The counts the classifier reads: engine/words.json, or those of counted_from() while it runs."""
    return _override[-1] if _override else _committed()


@contextmanager
def counted_from(items: list[dict]):
    """Read with word counts from these statements only (for calibration: a statement's own author is
    left out of the counts, so its reading is as unseen as a new client's). Not thread-safe: for the
    calibration command and tests, never for serving requests."""
    _override.append(WordModel(train(items)))
    try:
        yield
    finally:
        _override.pop()


@dataclass(frozen=True)
class WordHit:
    """One known word (or pair) and how much more it points at one logic than at any other."""

    feature: Feature
    points: float


def _explanation(logic: Logic, hits: list[WordHit], total: WordModel) -> Text:
    """A reason that reads on after 'de cliënt' / 'the client' (see scoring.summarise)."""
    title = logic_title(logic)
    nl = f"gebruikt woorden die in de {total.statements} gelabelde voorbeelduitspraken samen vaker bij {title.nl} staan"
    en = f"uses words that together occur more often with {title.en} in the {total.statements} labelled example statements"
    if not hits:  # no single word leads here; only their sum does
        return Text(nl=nl, en=en)
    shown = ", ".join(f"'{hit.feature.term}'" for hit in hits)
    word, counts = hits[0].feature.term, total.counts[hits[0].feature.key]
    found, among = counts[total.logics.index(logic)], sum(counts)
    return Text(
        nl=f"{nl}, vooral {shown} ('{word}': {found} van de {among} voorbeelden)",
        en=f"{en}, mostly {shown} ('{word}': {found} of the {among} examples)",
    )


def read_words(tokens: list[Token]) -> tuple[WordSignal, ...]:
    """One signal per logic the words point at more than at the weakest one, strongest first.

    The weight is the sum of the word points minus that of the weakest logic, times
    scoring.yaml words.weight; each signal names its strongest words.
    """
    config = scoring_config()["words"]
    factor, shown = float(config["weight"]), int(config["shown"])
    words = model()
    known = [feature for feature in features(tokens) if feature.key in words.weights]
    if not known:
        return ()
    totals = [sum(words.weights[feature.key][index] for feature in known) for index in range(len(words.logics))]
    lowest = min(totals)
    signals = []
    for index, logic in enumerate(words.logics):
        points = totals[index] - lowest
        if points <= 0:
            continue
        # Only words that point here more than anywhere else are named: the others add to these
        # points too, but naming them as words 'for' this logic would not be true.
        leading = (hit for feature in known if (hit := WordHit(feature, _lead(words, feature.key, index))).points > 0)
        hits = _apart(sorted(leading, key=lambda hit: (-hit.points, hit.feature.start)), shown)
        signals.append(
            WordSignal(
                terms=tuple(hit.feature.term for hit in hits),
                stems=tuple(hit.feature.key for hit in hits),
                spans=tuple((hit.feature.start, hit.feature.end) for hit in hits),
                target=Target(logic=logic),
                weight=points * factor,
                explanation=_explanation(logic, hits, words),
                reason=Text(
                    nl=f"gebruikt woorden die in de gelabelde voorbeelden vaker bij {logic_title(logic).nl} staan",
                    en=f"uses words that occur more often with {logic_title(logic).en} in the labelled examples",
                ),
            )
        )
    return tuple(sorted(signals, key=lambda signal: -signal.weight))


def _apart(hits: list[WordHit], limit: int) -> list[WordHit]:
    """The strongest hits that do not overlap in the text ('mijn hoofd' after 'hoofd' adds nothing to read)."""
    chosen: list[WordHit] = []
    for hit in hits:
        if len(chosen) == limit:
            break
        if all(hit.feature.end <= other.feature.start or hit.feature.start >= other.feature.end for other in chosen):
            chosen.append(hit)
    return chosen


def _lead(words: WordModel, key: str, index: int) -> float:
    """How much more a feature points at one logic than at the strongest other one."""
    weights = words.weights[key]
    return weights[index] - max(weight for other, weight in enumerate(weights) if other != index)

