"""Validation of intake data: field paths, allowed values, no personal characteristics."""

import pytest

from slim.core import InputError, Logic, validate_intake

VALID = {
    "domains": [
        {
            "domain": "werk",
            "answers": {"richting": "system", "kunnen": "not_yet", "behoefte": "leren"},
            "statements": ["Ik wil werken, maar ik weet niet hoe je solliciteert."],
            "approach": "kansen",
            "interventions": [{"name": "Sollicitatietraining", "logic": "competenties"}],
            "partners": [{"name": "Jobcoach", "organisation": "UWV", "logic": "kansen"}],
            "shared_goal": True,
        },
        {"domain": "wonen"},
    ]
}


def _error(data):
    with pytest.raises(InputError) as caught:
        validate_intake(data)
    return caught.value


def test_valid_intake_is_returned_typed():
    intake = validate_intake(VALID)
    first = intake.domains[0]
    assert first.domain == "werk"
    assert first.approach is Logic.KANSEN
    assert first.interventions[0].kind == "intervention"
    assert first.partners[0].organisation == "UWV"
    assert intake.domains[1].answers == {}


def test_unknown_domain_reports_the_field_path():
    error = _error({"domains": [{"domain": "hobby"}]})
    assert error.code == "unknown_domain"
    assert error.field == "domains[0].domain"


def test_bad_axis_answer_lists_the_allowed_values():
    error = _error({"domains": [{"domain": "werk", "answers": {"kunnen": "misschien"}}]})
    assert error.code == "invalid_axis"
    assert error.field == "domains[0].answers.kunnen"
    assert "able, not_yet, overloaded, unclear" in error.message


def test_bad_need_answer_and_unknown_question():
    assert _error({"domains": [{"domain": "werk", "answers": {"behoefte": "geld"}}]}).field == "domains[0].answers.behoefte"
    assert _error({"domains": [{"domain": "werk", "answers": {"stemming": "goed"}}]}).field == "domains[0].answers.stemming"


@pytest.mark.parametrize("key", ["age", "leeftijd", "geslacht", "gender", "nationaliteit", "afkomst", "etnische_achtergrond", "postcode", "clientAge", "geboortedatum"])
def test_personal_characteristics_are_refused(key):
    top = _error({"domains": [{"domain": "werk"}], key: "x"})
    nested = _error({"domains": [{"domain": "werk", key: "x"}]})
    assert top.code == nested.code == "personal_data"
    assert nested.field == f"domains[0].{key}"
    assert "persoonskenmerken" in nested.message


def test_unknown_keys_are_refused():
    error = _error({"domains": [{"domain": "werk", "notities": "x"}]})
    assert error.code == "invalid_intake"
    assert error.field == "domains[0].notities"


def test_partner_fields_are_checked():
    error = _error({"domains": [{"domain": "werk", "partners": [{"name": "Team", "logic": "dwang"}]}]})
    assert error.field == "domains[0].partners[0].logic"
    error = _error({"domains": [{"domain": "werk", "partners": [{"logic": "kansen"}]}]})
    assert error.field == "domains[0].partners[0].name"


def test_statements_are_checked_one_by_one():
    error = _error({"domains": [{"domain": "werk", "statements": ["Ik wil werken.", "  "]}]})
    assert error.code == "empty_text"
    assert error.field == "domains[0].statements[1]"


def test_structure_errors():
    assert _error([]).code == "invalid_intake"
    assert _error({"domains": []}).field == "domains"
    assert _error({"domains": [{"domain": "werk"}, {"domain": "werk"}]}).field == "domains[1].domain"
    assert _error({"domains": [{"domain": "werk", "shared_goal": "ja"}]}).field == "domains[0].shared_goal"
