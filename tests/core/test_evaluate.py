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
    from slim.core.evaluate import OVERVIEW, SPLITS

    assert set(SPLITS) == {
        *("tune", "dev", "holdout", "holdout2", "holdout3", "holdout4", "realdev", "realdev2", "realdev3"),
        *("realholdout", "realholdout2", "realholdout3"),
        *("train3a", "train3b", "train3", "train4"),
    }
    assert SPLITS["holdout2"] == ("holdout2",)
    assert SPLITS["train3"] == ("train3a", "train3b")
    assert set(OVERVIEW) <= set(SPLITS)


def test_every_statement_has_a_style():
    from slim.core.evaluate import _statements

    for split in ("tune", "train4", "realdev", "realdev2", "realdev3"):
        styles = {item["style"] for item in _statements(split)}
        assert styles == ({"real"} if split.startswith("real") else {"written"}), split


def test_the_report_gives_no_suggestion_rate_and_calibration():
    from slim.core.evaluate import measure

    measured = measure("tune")
    table = format_report(measured.report, measured)
    assert "no suggestion" in table and "Expected calibration error" in table
    assert measured.style == "written"
    assert sum(count for _, _, count, _, _ in measured.calibration.bins) == measured.suggested
    assert 0 <= measured.calibration.ece <= 1


def test_the_overview_separates_the_styles():
    from slim.core.evaluate import overview

    text = overview()
    assert "written held-out" in text and "real training/dev" in text
    assert "realdev" in text and "holdout4 *" in text
