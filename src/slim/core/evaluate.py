"""Measuring the classifier against labelled statements.

The statements in slim.data/eval were labelled by people who know SLIM. 'tune' may be used
while building the lexicon; 'dev' (written by another author) is the development check for
how well the lexicon generalises; 'holdout' to 'holdout4', 'realholdout' to 'realholdout3' are kept
apart so the reported accuracy is honest. 'train3a', 'train3b' and 'train4' (three further
independent authors) are training sets; 'train3' is the first two. 'realdev', 'realdev2' and 'realdev3' are
development sets in the style of real kitchen-table talk. The word statistics (slim.core.words) are counted from the training and
development sets, never from a holdout set.

Every statement has a style: 'written' (short statements written for the purpose) or 'real'
(stories in the style of real talk). Each report gives accuracy (no suggestion counts as wrong),
accuracy among suggestions, the no-suggestion rate and the calibration of the certainty (a
reliability table and the expected calibration error), so a gain in one style never hides a loss in
the other. 'all' prints one line per split and per style.

Usage: python -m slim.core.evaluate --split holdout4   (see SPLITS; 'all' for the overview)
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import dataclass
from importlib import resources

from slim.core.certainty import (
    CALIBRATION_FILE,
    CALIBRATION_SPLITS,
    FIT_ON,
    LEAST,
    THRESHOLD,
    UNTUNED,
    WORDS_CURVE,
    calibration,
    fit,
    read_curve,
    supported,
)
from slim.core.classifier import classify, raw_reading, withheld
from slim.core.errors import InputError
from slim.core.knowledge import read_data
from slim.core.model import EvaluationReport, Logic

SPLITS = {
    "tune": ("tune",),
    "dev": ("dev",),
    "holdout": ("holdout",),
    "holdout2": ("holdout2",),
    "holdout3": ("holdout3",),
    "holdout4": ("holdout4",),
    "train3a": ("train3a",),
    "train3b": ("train3b",),
    "train3": ("train3a", "train3b"),
    "train4": ("train4",),
    "realdev": ("realdev",),
    "realdev2": ("realdev2",),
    "realdev3": ("realdev3",),
    "realholdout": ("realholdout",),
    "realholdout2": ("realholdout2",),
    "realholdout3": ("realholdout3",),
}
# The overview: every single file once, in this order (held-out sets last).
OVERVIEW = (
    *("tune", "dev", "train3a", "train3b", "train4", "realdev", "realdev2", "realdev3"),
    *("holdout", "holdout2", "holdout3", "holdout4", "realholdout", "realholdout2", "realholdout3"),
)
HELD_OUT = frozenset({"holdout", "holdout2", "holdout3", "holdout4", "realholdout", "realholdout2", "realholdout3"})
NO_PREDICTION = "geen"
BINS = 10


FIELD = "field"  # statements labelled by professionals in SLIM's labelling studies (`slim export-labels`)
FIELD_DEFAULT = "var/statements_field.json"


def read_field(path: str | None = None) -> list[dict]:
    """A field data set written by `slim export-labels` (a JSON list in the format of eval/statements_*.json)."""
    path = path or os.environ.get("SLIM_FIELD_LABELS", FIELD_DEFAULT)
    try:
        with open(path, encoding="utf-8") as handle:
            items = json.load(handle)
    except (OSError, ValueError) as exc:
        raise InputError(
            "field_file", f"Kan de veldset '{path}' niet lezen: {exc}", f"Cannot read the field set '{path}': {exc}", "file"
        ) from exc
    if not isinstance(items, list) or not all(isinstance(item, dict) and {"text", "logic"} <= set(item) for item in items):
        raise InputError("field_file", f"'{path}' is geen lijst met uitspraken.", f"'{path}' is not a list of statements.", "file")
    return items


def _statements(split: str, file: str | None = None) -> list[dict]:
    if split == FIELD:
        return read_field(file)
    splits = SPLITS
    if split not in splits:
        allowed = ", ".join([*splits, "all"])
        raise InputError(
            "unknown_split", f"Onbekende set '{split}'. Kies uit: {allowed}.", f"Unknown split '{split}'. Choose from: {allowed}.", "split"
        )
    return [item for part in splits[split] for item in read_data(f"eval/statements_{part}.json")]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class Calibration:
    """Reliability of the certainty among the statements that got a suggestion."""

    bins: tuple[tuple[float, float, int, float, float], ...]  # (low, high, n, mean certainty, share right)
    ece: float
    mean_right: float  # mean certainty when right
    mean_wrong: float  # mean certainty when wrong


def calibration_of(pairs: list[tuple[float, bool]]) -> Calibration:
    """Reliability table in BINS equal-width bins of certainty, and the expected calibration error
    (the bins' |share right - mean certainty|, weighted by their size)."""
    bins = []
    error = 0.0
    for index in range(BINS):
        low, high = index / BINS, (index + 1) / BINS
        inside = [(value, right) for value, right in pairs if low <= value < high or (index == BINS - 1 and value == 1.0)]
        if not inside:
            continue
        mean = sum(value for value, _ in inside) / len(inside)
        share = sum(right for _, right in inside) / len(inside)
        error += len(inside) * abs(share - mean)
        bins.append((low, high, len(inside), mean, share))
    right = [value for value, hit in pairs if hit]
    wrong = [value for value, hit in pairs if not hit]
    return Calibration(
        bins=tuple(bins),
        ece=_ratio(error, len(pairs)) if pairs else 0.0,
        mean_right=sum(right) / len(right) if right else 0.0,
        mean_wrong=sum(wrong) / len(wrong) if wrong else 0.0,
    )


@dataclass(frozen=True)
class Measured:
    report: EvaluationReport
    style: str
    suggested: int
    accuracy_suggested: float
    no_suggestion: float
    calibration: Calibration


def measure(split: str, file: str | None = None) -> Measured:
    """Classify every statement of a split (or of the field set in `file`) and compare with its label."""
    codes = [logic.value for logic in Logic]
    confusion = {true: {predicted: 0 for predicted in [*codes, NO_PREDICTION]} for true in codes}
    misclassified = []
    pairs = []
    items = _statements(split, file)
    for item in items:
        result = classify(item["text"], item.get("domain"))
        predicted = result.logic.value if result.logic else NO_PREDICTION
        confusion[item["logic"]][predicted] += 1
        if result.logic is not None:
            pairs.append((result.confidence, predicted == item["logic"]))
        if predicted != item["logic"]:
            misclassified.append(item["id"])
    per_logic = {}
    for code in codes:
        hits = confusion[code][code]
        predicted_total = sum(confusion[true][code] for true in codes)
        actual_total = sum(confusion[code].values())
        per_logic[code] = {
            "precision": _ratio(hits, predicted_total),
            "recall": _ratio(hits, actual_total),
            "support": actual_total,
        }
    correct = sum(confusion[code][code] for code in codes)
    styles = sorted({item.get("style", "written") for item in items})
    report = EvaluationReport(
        split=split,
        n=len(items),
        accuracy=_ratio(correct, len(items)),
        per_logic=per_logic,
        confusion=confusion,
        misclassified=tuple(misclassified),
    )
    return Measured(
        report=report,
        style="+".join(styles),
        suggested=len(pairs),
        accuracy_suggested=_ratio(correct, len(pairs)),
        no_suggestion=_ratio(len(items) - len(pairs), len(items)),
        calibration=calibration_of(pairs),
    )


def evaluate(split: str = "holdout") -> EvaluationReport:
    """Classify every statement of a split and compare with its label."""
    return measure(split).report


def format_calibration(calibration: Calibration) -> list[str]:
    lines = [
        "Reliability (statements with a suggestion; certainty bin, n, mean certainty, share right):",
        f"{'bin':<12}{'n':>5}{'certainty':>11}{'right':>8}",
    ]
    for low, high, count, mean, share in calibration.bins:
        lines.append(f"{low:.1f}-{high:.1f}{'':<5}{count:>5}{mean:>11.3f}{share:>8.3f}")
    lines.append(
        f"Expected calibration error = {calibration.ece:.3f}   mean certainty right {calibration.mean_right:.3f}, "
        f"wrong {calibration.mean_wrong:.3f}"
    )
    return lines


def format_report(report: EvaluationReport, measured: Measured | None = None) -> str:
    """A plain-text table: accuracy, precision/recall per logic, the confusion matrix and, when
    measured is given, the no-suggestion rate and the reliability table."""
    codes = list(report.confusion)
    columns = [*codes, NO_PREDICTION]
    width = max(len(code) for code in columns) + 2
    lines = [f"Split: {report.split}   n = {report.n}   accuracy = {report.accuracy:.3f}"]
    if measured is not None:
        lines.append(
            f"Style: {measured.style}   suggestions = {measured.suggested}   accuracy among suggestions = "
            f"{measured.accuracy_suggested:.3f}   no suggestion = {measured.no_suggestion:.3f}"
        )
    lines += ["", f"{'logic':<{width}}{'precision':>10}{'recall':>10}{'n':>6}"]
    for code, values in report.per_logic.items():
        lines.append(f"{code:<{width}}{values['precision']:>10.3f}{values['recall']:>10.3f}{values['support']:>6}")
    lines += ["", "Confusion (rows = label, columns = prediction):", " " * width + "".join(f"{c:>{width}}" for c in columns)]
    for true in codes:
        lines.append(f"{true:<{width}}" + "".join(f"{report.confusion[true][c]:>{width}}" for c in columns))
    if measured is not None:
        lines += ["", *format_calibration(measured.calibration)]
    lines += ["", "Misclassified: " + (", ".join(report.misclassified) or "none")]
    return "\n".join(lines)


def overview() -> str:
    """One line per split and per style (held-out splits marked), so no style hides another."""
    names = OVERVIEW
    head = f"{'split':<16}{'style':<9}{'n':>5}{'accuracy':>10}{'among sugg.':>13}{'no sugg.':>10}{'ECE':>7}"
    lines = [head]
    totals: dict[str, list[Measured]] = {}
    for name in names:
        measured = measure(name)
        held = name in HELD_OUT
        totals.setdefault(f"{measured.style} held-out" if held else f"{measured.style} training/dev", []).append(measured)
        lines.append(_line(name + (" *" if held else ""), measured.style, [measured]))
    lines += ["", "Per style (held-out sets apart; training sets are read in-sample):"]
    for group, members in totals.items():
        lines.append(_line(group, "", members))
    lines += ["", "* held out: never used for tuning."]
    return "\n".join(lines)


def _line(name: str, style: str, members: list[Measured]) -> str:
    n = sum(member.report.n for member in members)
    right = sum(round(member.report.accuracy * member.report.n) for member in members)
    suggested = sum(member.suggested for member in members)
    ece = sum(member.calibration.ece * member.suggested for member in members) / suggested if suggested else 0.0
    return (
        f"{name:<16}{style:<9}{n:>5}{_ratio(right, n):>10.3f}{_ratio(right, suggested):>13.3f}"
        f"{_ratio(n - suggested, n):>10.3f}{ece:>7.3f}"
    )


def write_calibration(path: str | None = None) -> str:
    """Fit the calibration again (calibration_readings, certainty.fit) and write it."""
    target = path or str(resources.files("slim.data").joinpath(CALIBRATION_FILE))
    data = fit(calibration_readings())
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    calibration.cache_clear()
    return target


def calibration_readings() -> dict[str, list[tuple[dict, object, float, bool]]]:
    """What `slim calibrate` fits on: every statement of CALIBRATION_SPLITS with its suggestion before
    calibration, read with word counts in which its own split was left out."""
    from slim.core.words import TRAINING_SPLITS, counted_from

    readings = {}
    for split in CALIBRATION_SPLITS:
        others = [item for name in TRAINING_SPLITS if name != split for item in read_data(f"eval/statements_{name}.json")]
        found = []
        with counted_from(others):
            for item in read_data(f"eval/statements_{split}.json"):
                reading, scores = raw_reading(item["text"])
                logic, raw = (None, 0.0) if withheld(reading) else scores.suggestion()
                found.append((item, logic, raw, logic is not None and supported(reading.signals, logic)))
        readings[split] = found
    return readings


# The calibration settings `slim calibrate --cv` compares: (sets fitted on, separate words curve, least per block).
CV_SETTINGS = tuple(
    (fit_on, words, least)
    for fit_on in ("all", "untuned")
    for words in (True, False)
    for least in (10, 20)
)
CV_MOST_WITHOUT = 0.15  # a setting may leave at most this share of a left-out set without a suggestion
CV_NOISE = 0.005  # ECE differences smaller than this are noise on sets of 120-240 statements


@dataclass(frozen=True)
class Fold:
    """One development set left out: scored with the calibration fitted on the other ones."""

    split: str
    n: int
    suggested: int
    right: int
    said: float  # mean certainty of the suggestions
    ece: float


def cross_validation(readings=None, settings=CV_SETTINGS) -> dict[tuple, list[Fold]]:
    """Leave one development set out in turn: fit on the others with each setting, score the one left
    out (the threshold applies, as in use). The readings are those of `slim calibrate`."""
    readings = readings or calibration_readings()
    result = {}
    for fit_on, words, least in settings:
        folds = []
        for split, found in readings.items():
            data = fit({name: rest for name, rest in readings.items() if name != split}, fit_on, words, least)
            pairs = []
            for item, logic, raw, phrases in found:
                value = read_curve(data, raw, phrases) if logic is not None else 0.0
                if logic is not None and value >= THRESHOLD:
                    pairs.append((value, logic.value == item["logic"]))
            folds.append(
                Fold(split, len(found), len(pairs), sum(right for _, right in pairs),
                     sum(value for value, _ in pairs) / len(pairs) if pairs else 0.0, calibration_of(pairs).ece)
            )
        result[(fit_on, words, least)] = folds
    return result


def cv_choice(result: dict[tuple, list[Fold]]) -> tuple:
    """The setting chosen: among those that leave at most CV_MOST_WITHOUT of every left-out set without a
    suggestion, those whose largest ECE over the left-out sets is within CV_NOISE of the lowest; of these
    the one that leaves the fewest statements without a suggestion (mean over the sets), then the lowest
    mean ECE, then the first in CV_SETTINGS."""

    def without(setting):
        return [1 - fold.suggested / fold.n for fold in result[setting]]

    def largest(setting):
        return max(fold.ece for fold in result[setting])

    allowed = [setting for setting in result if max(without(setting)) <= CV_MOST_WITHOUT]
    best = min(largest(setting) for setting in allowed)
    close = [setting for setting in allowed if largest(setting) <= best + CV_NOISE]
    return min(close, key=lambda setting: (round(sum(without(setting)), 6), round(sum(f.ece for f in result[setting]), 6)))


def format_cross_validation(result: dict[tuple, list[Fold]]) -> str:
    splits = [fold.split for fold in next(iter(result.values()))]
    chosen = cv_choice(result)
    committed = (FIT_ON, WORDS_CURVE, LEAST)
    lines = [
        "Calibration, leave one development set out: fitted on the other sets (all, or only those the lexicon "
        f"was never tuned on: {', '.join(UNTUNED)}), ECE on the set left out (no sugg. = share without suggestion).",
        f"{'fitted on':>9} {'words curve':>11} {'least':>5}  " + "".join(f"{split + ' ECE':>15}{'no sugg.':>9}" for split in splits)
        + f"{'max ECE':>9}{'mean':>7}",
    ]
    for setting, folds in result.items():
        fit_on, words, least = setting
        mark = (" chosen" if setting == chosen else "") + (" committed" if setting == committed else "")
        lines.append(
            f"{fit_on:>9} {('yes' if words else 'no'):>11} {least:>5}  "
            + "".join(f"{fold.ece:>15.3f}{1 - fold.suggested / fold.n:>9.3f}" for fold in folds)
            + f"{max(f.ece for f in folds):>9.3f}{sum(f.ece for f in folds) / len(folds):>7.3f}{mark}"
        )
    lines += ["", "Per set with the chosen setting (suggestions, mean certainty, share right):"]
    for fold in result[chosen]:
        lines.append(f"  {fold.split:<10} n {fold.n:>4}  suggestions {fold.suggested:>4}  said {fold.said:.3f}  "
                     f"right {fold.right / fold.suggested if fold.suggested else 0:.3f}  ECE {fold.ece:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Evaluate the SLIM statement classifier.")
    parser.add_argument("--split", default="holdout", help="a split (" + ", ".join(SPLITS) + "), 'field' or 'all'")
    parser.add_argument("--file", default=None, help=f"with --split field: the file of `slim export-labels` (default {FIELD_DEFAULT})")
    arguments = parser.parse_args(argv)
    split = arguments.split
    if split == "all":
        print(overview())
        return
    measured = measure(split, arguments.file)
    print(format_report(measured.report, measured))


if __name__ == "__main__":
    main()
