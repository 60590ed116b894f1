"""The evaluation report on the tune split (the held-out split is never used in tests)."""

import pytest

from slim.core import InputError, evaluate
from slim.core.evaluate import format_report

LOGICS = ["kansen", "competenties", "sturing", "ondernemen"]


def test_tune_accuracy_is_at_least_85_percent():
    report = evaluate("tune")
    assert report.n == 80
    assert report.accuracy >= 0.85


def test_report_structure_and_table():
    report = evaluate("tune")
    assert list(report.confusion) == LOGICS
    assert all(list(row) == [*LOGICS, "geen"] for row in report.confusion.values())
    assert sum(sum(row.values()) for row in report.confusion.values()) == report.n
    assert set(report.per_logic) == set(LOGICS)
    assert len(report.misclassified) == report.n - sum(report.confusion[logic][logic] for logic in LOGICS)
    table = format_report(report)
    assert "accuracy" in table and "geen" in table


def test_unknown_split_is_refused():
    with pytest.raises(InputError) as caught:
        evaluate("holdout9")
    assert caught.value.code == "unknown_split"


def test_all_splits_are_known():
    from slim.core.evaluate import SPLITS

    assert set(SPLITS) == {
        *("tune", "dev", "holdout", "holdout2", "holdout3", "holdout4", "all"),
        *("train3a", "train3b", "train3", "train4"),
    }
    assert SPLITS["all"] == ("tune", "holdout")
    assert SPLITS["holdout2"] == ("holdout2",)
    assert SPLITS["train3"] == ("train3a", "train3b")
