"""Measuring the classifier against labelled statements.

The statements in slim.data/eval were labelled by people who know SLIM. 'tune' may be used
while building the lexicon; 'dev' (written by another author) is the development check for
how well the lexicon generalises; 'holdout' to 'holdout4' are kept apart so the
reported accuracy is honest. 'all' is tune + holdout. 'train3a', 'train3b' and 'train4' (three further
independent authors) are training sets; 'train3' is the first two. The word statistics
(slim.core.words) are counted from tune, dev and the train sets, never from a holdout set.

Usage: python -m slim.core.evaluate --split tune   (tune | dev | holdout | holdout2 | holdout3 | holdout4 | all | train3a | train3b | train3 | train4)
"""

from __future__ import annotations

import argparse

from slim.core.classifier import classify
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
    "all": ("tune", "holdout"),
    "train3a": ("train3a",),
    "train3b": ("train3b",),
    "train3": ("train3a", "train3b"),
    "train4": ("train4",),
}
NO_PREDICTION = "geen"


def _statements(split: str) -> list[dict]:
    if split not in SPLITS:
        allowed = ", ".join(SPLITS)
        raise InputError(
            "unknown_split", f"Onbekende set '{split}'. Kies uit: {allowed}.", f"Unknown split '{split}'. Choose from: {allowed}.", "split"
        )
    return [item for part in SPLITS[split] for item in read_data(f"eval/statements_{part}.json")]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def evaluate(split: str = "holdout") -> EvaluationReport:
    """Classify every statement of a split and compare with its label."""
    codes = [logic.value for logic in Logic]
    confusion = {true: {predicted: 0 for predicted in [*codes, NO_PREDICTION]} for true in codes}
    misclassified = []
    items = _statements(split)
    for item in items:
        logic = classify(item["text"], item.get("domain")).logic
        predicted = logic.value if logic else NO_PREDICTION
        confusion[item["logic"]][predicted] += 1
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
    return EvaluationReport(
        split=split,
        n=len(items),
        accuracy=_ratio(correct, len(items)),
        per_logic=per_logic,
        confusion=confusion,
        misclassified=tuple(misclassified),
    )


def format_report(report: EvaluationReport) -> str:
    """A plain-text table: accuracy, precision/recall per logic, and the confusion matrix."""
    codes = list(report.confusion)
    columns = [*codes, NO_PREDICTION]
    width = max(len(code) for code in columns) + 2
    lines = [
        f"Split: {report.split}   n = {report.n}   accuracy = {report.accuracy:.3f}",
        "",
        f"{'logic':<{width}}{'precision':>10}{'recall':>10}{'n':>6}",
    ]
    for code, values in report.per_logic.items():
        lines.append(f"{code:<{width}}{values['precision']:>10.3f}{values['recall']:>10.3f}{values['support']:>6}")
    lines += ["", "Confusion (rows = label, columns = prediction):", " " * width + "".join(f"{c:>{width}}" for c in columns)]
    for true in codes:
        lines.append(f"{true:<{width}}" + "".join(f"{report.confusion[true][c]:>{width}}" for c in columns))
    lines += ["", "Misclassified: " + (", ".join(report.misclassified) or "none")]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Evaluate the SLIM statement classifier.")
    parser.add_argument("--split", choices=list(SPLITS), default="holdout")
    print(format_report(evaluate(parser.parse_args(argv).split)))


if __name__ == "__main__":
    main()
