"""Issue 19.1: one calibrated certainty per domain, fitted on development splits only; below the
threshold no suggestion but the draaischijf questions that would decide it."""

import json
from importlib import resources

from slim.core import Logic, classify, match_domain
import pytest

from slim.core.certainty import (
    CALIBRATION_SPLITS,
    FIT_ON,
    LEAST,
    WORDS_CURVE,
    calibration,
    certainty,
    fit,
    isotonic,
    questions_to_ask,
    threshold,
)
from slim.core.evaluate import CV_SETTINGS, HELD_OUT, calibration_readings, cross_validation, cv_choice, format_cross_validation


@pytest.fixture(scope="module")
def readings():
    return calibration_readings()


def test_the_committed_calibration_is_what_slim_calibrate_fits(readings):
    committed = json.loads(resources.files("slim.data").joinpath("engine/calibration.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(fit(readings)))


@pytest.fixture(scope="module")
def folds(readings):
    return cross_validation(readings)


def test_the_committed_settings_are_what_cross_validation_chooses(folds):
    """Evidence weighing, words curve and block size are chosen by leaving one development set out
    in turn (`slim calibrate --cv`), never on a held-out set."""
    result = folds
    assert set(result) == set(CV_SETTINGS)
    assert cv_choice(result) == (FIT_ON, WORDS_CURVE, LEAST)
    assert calibration()["fitted_on"] == FIT_ON and calibration()["least_per_block"] == LEAST
    assert ("words" in calibration()["curves"]) == WORDS_CURVE
    for folds in result.values():
        assert [fold.split for fold in folds] == list(CALIBRATION_SPLITS)
        assert all(0 <= fold.ece <= 1 and fold.right <= fold.suggested <= fold.n for fold in folds)


def test_the_cross_validation_table_marks_the_chosen_and_the_committed_setting(folds):
    table = format_cross_validation(folds)
    marked = [line for line in table.splitlines() if line.endswith("chosen committed")]
    assert len(marked) == 1 and len(table.splitlines()) > len(CV_SETTINGS)
    assert all(split in table for split in CALIBRATION_SPLITS)


def test_isotonic_blocks_never_fall_and_never_say_certain():
    points = [(0.1, False), (0.2, True), (0.3, False), (0.4, True), (0.5, True), (0.9, True)]
    blocks = isotonic(points)
    shares = [block.certainty for block in blocks]
    assert shares == sorted(shares) and all(0 < share < 1 for share in shares)
    assert sum(block.n for block in blocks) == len(points)
    assert all(block.n >= 3 for block in isotonic(points, least=3))


def test_every_curve_rises_with_the_raw_figure():
    for curve in calibration()["curves"].values():
        values = [block["certainty"] for block in curve]
        assert values == sorted(values) and max(values) < 1


def test_a_domain_shows_the_same_certainty_as_its_one_statement():
    """The same domain no longer shows two figures (24% vs 40%)."""
    for text in (
        "Ik heb een eigen idee: ik wil een foodtruck beginnen, daar zoek ik iemand die meedenkt.",
        "Ik slaap niet meer en de post ligt ongeopend, ik weet niet waar ik moet beginnen.",
        "Ik wil visser worden",
    ):
        alone = classify(text, "werk")
        domain = match_domain("werk", statements=[text])
        assert (domain.logic, domain.confidence) == (alone.logic, alone.confidence), text
        assert f"zekerheid {round(alone.confidence * 100)}%" in alone.explanation.nl


def test_the_certainty_shown_is_a_calibrated_probability():
    result = classify("Ik heb vis nodig", "werk")
    assert result.logic is Logic.STURING
    values = {block["certainty"] for curve in calibration()["curves"].values() for block in curve}
    assert result.confidence in values


def test_below_the_threshold_the_advice_asks_further():
    # A near tie between kansen and ondernemen: the direction question decides it.
    assert questions_to_ask([Logic.KANSEN, Logic.ONDERNEMEN]) == ["richting"]
    assert questions_to_ask([Logic.KANSEN, Logic.COMPETENTIES]) == ["kunnen"]
    assert questions_to_ask([Logic.COMPETENTIES, Logic.ONDERNEMEN]) == ["richting", "kunnen"]
    assert questions_to_ask([Logic.KANSEN, Logic.ONDERNEMEN], answered=("richting",)) == ["behoefte"]
    assert certainty(0.0) == 0.0 and 0 < certainty(0.02) < certainty(0.9) < 1


def test_an_empty_domain_gives_no_suggestion_and_the_domain_questions():
    match = match_domain("wonen", statements=["Het regent vandaag en de bus was op tijd."])
    assert match.logic is None and match.confidence == 0
    assert [item.code for item in match.ask] == ["richting", "kunnen"]
    assert "Nog geen voorstel — vraag door" in match.explanation.nl
    assert "anders wonen" in match.ask[0].question.nl  # the wording for this life domain
    assert match.to_dict()["ask"][0]["code"] == "richting"


def test_a_tie_gives_no_suggestion_but_the_question_that_decides_it():
    # 'the usual goal is mine' alone ties kansen, competenties and sturing: only the capacity
    # question can decide between them.
    match = match_domain("werk", answers={"richting": "system"})
    assert match.logic is None and match.confidence == 0
    assert [item.code for item in match.ask] == ["kunnen"]
    assert "Nog geen voorstel — vraag door" in match.explanation.nl
    decided = match_domain("werk", answers={"richting": "system", "kunnen": "able"})
    assert decided.logic is Logic.KANSEN and decided.confidence >= threshold() and not decided.ask


def test_the_explanation_names_the_figure_that_is_shown_even_when_sources_disagree():
    """Before: the explanation said 40% and the page 24% (the conflict factor was applied after)."""
    match = match_domain("werk", answers={"richting": "own", "kunnen": "able"}, statements=[
        "Ik wil gewoon een vaste baan, maar ik word nergens uitgenodigd.",
        "Ik heb een eigen idee voor een foodtruck.",
    ])
    assert "conflicting_signals" in [warning.kind for warning in match.warnings]
    assert match.logic is not None
    assert f"zekerheid {round(match.confidence * 100)}%" in match.explanation.nl
    assert match.explanation.nl.count("zekerheid") == 1
