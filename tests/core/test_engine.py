"""Combining answers and statements per life domain, and whole intakes."""

import json

import pytest

from slim.core import InputError, Logic, classify, match_domain, match_intake
from slim.core.model import Target
from tests.core.signals import phrases

CELLS = [
    ("system", "able", Logic.KANSEN),
    ("system", "not_yet", Logic.COMPETENTIES),
    ("own", "able", Logic.ONDERNEMEN),
    ("system", "overloaded", Logic.STURING),
    ("own", "overloaded", Logic.STURING),
    ("unclear", "overloaded", Logic.STURING),
]


@pytest.mark.parametrize("direction, capacity, logic", CELLS)
def test_axis_answers_alone_give_the_logic_of_their_cell(direction, capacity, logic):
    result = match_domain("werk", answers={"richting": direction, "kunnen": capacity})
    assert result.logic is logic
    assert result.capacity.value == capacity
    assert result.capacity.sources == ("answer",)
    assert all(signal.to_dict()["source"] == "answer" for signal in result.signals)


@pytest.mark.parametrize(
    "need, logic",
    [("kans", Logic.KANSEN), ("leren", Logic.COMPETENTIES), ("overnemen", Logic.STURING), ("eigen_plan", Logic.ONDERNEMEN)],
)
def test_need_answer_maps_to_a_logic(need, logic):
    assert match_domain("wonen", answers={"behoefte": need}).logic is logic


def test_no_evidence_gives_no_logic():
    result = match_domain("werk", answers={"richting": "unclear", "kunnen": "unclear", "behoefte": "weet_niet"})
    assert result.logic is None
    assert result.confidence == 0
    assert result.support is None
    assert result.next_conversation.number in (1, 2)


def test_statements_and_answers_combine_with_statement_indexes():
    result = match_domain(
        "werk",
        answers={"richting": "system"},
        statements=["Ik wil werken.", "Ik weet niet hoe je een cv maakt. Kan iemand het me uitleggen?"],
    )
    assert result.logic is Logic.COMPETENTIES
    statement_signals = [signal.to_dict() for signal in result.signals if signal.to_dict()["source"] == "statement"]
    assert {signal["statement"] for signal in statement_signals} == {0, 1}
    last = phrases(classify("Ik weet niet hoe je een cv maakt. Kan iemand het me uitleggen?"))
    assert [signal["weight"] for signal in statement_signals if signal["statement"] == 1] == [1.5 * s.weight for s in last]
    assert "laatste uitspraak" in result.explanation.nl
    assert not [warning for warning in result.warnings if warning.kind == "conflicting_signals"]


def test_conflicting_sources_lower_confidence_and_warn():
    calm = match_domain("werk", answers={"richting": "system", "kunnen": "able", "behoefte": "kans"})
    mixed = match_domain(
        "werk",
        answers={"richting": "system", "kunnen": "able", "behoefte": "kans"},
        statements=["Alles is me te veel en ik slaap niet meer. Neem het alsjeblieft over."],
    )
    assert not [warning for warning in calm.warnings if warning.kind == "conflicting_signals"]
    conflict = [warning for warning in mixed.warnings if warning.kind == "conflicting_signals"]
    assert conflict and "gesprek 2" in conflict[0].message.nl
    assert mixed.confidence < calm.confidence


def test_most_recent_statement_weighs_more():
    learn = "Ik wil leren hoe je een begroting maakt."
    own = "Ik wil op mijn eigen manier een eigen zaak beginnen."
    assert match_domain("werk", statements=[learn, own]).scores[Logic.ONDERNEMEN] > match_domain(
        "werk", statements=[own, learn]
    ).scores[Logic.ONDERNEMEN]


def test_support_and_next_conversation_follow_the_logic():
    result = match_domain("werk", answers={"richting": "system", "kunnen": "able"}, has_shared_goal=True)
    assert result.support.approach_name.nl.startswith("Faciliterende")
    assert result.next_conversation.number == 3
    assert match_domain("werk", answers={"richting": "system", "kunnen": "able"}).next_conversation.number == 1


def test_mismatching_approach_gives_a_warning():
    result = match_domain("werk", answers={"kunnen": "overloaded"}, approach="kansen")
    mismatch = [warning for warning in result.warnings if warning.kind == "mismatch"]
    assert len(mismatch) == 1
    assert mismatch[0].severity == "hoog"
    assert match_domain("werk", answers={"kunnen": "overloaded"}, approach="sturing").warnings == ()


def test_match_domain_validates_its_input():
    with pytest.raises(InputError) as caught:
        match_domain("werk", answers={"kunnen": "heel goed"})
    assert caught.value.field == "answers.kunnen"


def test_intake_with_diverging_domains_gets_a_note_but_no_choice():
    result = match_intake(
        {
            "domains": [
                {"domain": "werk", "answers": {"richting": "own", "kunnen": "able"}},
                {"domain": "inkomen_schulden", "answers": {"kunnen": "overloaded"}},
            ]
        }
    )
    assert [match.logic for match in result.domains] == [Logic.ONDERNEMEN, Logic.STURING]
    assert "casusregisseur" in result.note.nl
    data = result.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert "overall_logic" not in data


def test_intake_with_one_logic_needs_no_note():
    result = match_intake({"domains": [{"domain": "werk", "answers": {"behoefte": "kans"}}]})
    assert result.note is None


def test_axis_support_follows_the_logics_data():
    """Issue 18.1: the classifier reads each logic's place on the axes from knowledge/logics.yaml;
    sturing sits on the system side (seed 000: 'het systeem bepaalt', 'bij de hand nemen')."""
    from slim.core.knowledge import logic_definitions
    from slim.core.scoring import rules

    support = rules().axis_support
    assert logic_definitions()[Logic.STURING]["attributes"]["direction"] == "system"
    assert support[Target.parse("direction.system")] == (Logic.KANSEN, Logic.COMPETENTIES, Logic.STURING)
    assert support[Target.parse("direction.own")] == (Logic.ONDERNEMEN,)
    assert support[Target.parse("capacity.overloaded")] == (Logic.STURING,)
    for logic, item in logic_definitions().items():
        for axis in ("direction", "capacity"):
            assert logic in support[Target.parse(f"{axis}.{item['attributes'][axis]}")]
