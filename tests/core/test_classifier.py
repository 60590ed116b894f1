"""The statement classifier: worked examples, spans, negation, determinism and input errors."""

import pytest

from slim.core import InputError, Logic, classify
from slim.core.conversation import follow_up_for
from tests.core.signals import assert_spans_point_at_the_words, phrases

# slim.md §8.5, reworded in Dutch.
WORKED_EXAMPLES = [
    ("Ik wil graag een vaste baan, maar dat lukt me nog niet: contact met collega's vind ik moeilijk.", Logic.COMPETENTIES, 5),
    ("Ik wil werken en ik kan het ook. Geef me een kans; bij mijn vorige bedrijf paste ik gewoon niet.", Logic.KANSEN, 3),
    ("Ik heb andere plannen dan een vaste baan. Met een vaste baan raak ik mijn vrijheid kwijt.", Logic.ONDERNEMEN, 7),
    ("Ik klap dicht, er komt te veel tegelijk op me af. Breng me maar even naar een rustige plek.", Logic.STURING, 6),
]


@pytest.mark.parametrize("text, logic, follow_up", WORKED_EXAMPLES)
def test_worked_examples_classify_to_their_logic_and_follow_up(text, logic, follow_up):
    result = classify(text, "werk")
    assert result.logic is logic
    assert 0 < result.confidence <= 1
    assert follow_up_for(result.logic) == follow_up


@pytest.mark.parametrize("text", [example[0] for example in WORKED_EXAMPLES])
def test_signal_spans_point_at_the_clients_words(text):
    result = classify(text)
    assert phrases(result)
    assert_spans_point_at_the_words(text, result)


def test_negation_flips_a_request_to_be_taken_by_the_hand():
    plain = classify("Ik wil bij de hand genomen worden.")
    negated = classify("Ik hoef niet bij de hand genomen te worden.")
    assert plain.logic is Logic.STURING
    assert negated.logic is not Logic.STURING
    take_over = next(signal for signal in phrases(plain) if signal.target.logic is Logic.STURING)
    signal = next(signal for signal in phrases(negated) if signal.lexicon_id == take_over.lexicon_id)
    assert signal.negated
    assert signal.target.axis is not None and signal.target.value == "able"


def test_negation_after_the_verb_is_read_too():
    assert classify("Het lukt me wel.").capacity.value == "able"
    negated = classify("Het lukt me niet.")
    assert negated.capacity.value == "not_yet"
    assert negated.signals[0].negated


def test_refusing_a_takeover_is_not_sturing():
    result = classify("Ik wil niet dat u het voor me invult. Ik wil snappen wat er in die brieven staat.")
    assert result.logic is Logic.COMPETENTIES


def test_an_offer_echoed_as_a_question_is_turned_down():
    result = classify("Bewindvoering? Nee hoor. Ik doe het zelf en ik klus bij.")
    assert result.logic is not Logic.STURING
    echoed = [signal for signal in phrases(result) if signal.term == "Bewindvoering"]
    assert echoed and echoed[0].negated
    assert "afwijzing" in result.explanation.nl


def test_same_input_gives_an_identical_result():
    text = "Alles komt tegelijk op me af en ik slaap niet meer. Kunt u het overnemen?"
    assert classify(text, "wonen").to_dict() == classify(text, "wonen").to_dict()


def test_no_signal_is_a_finding_not_an_error():
    result = classify("Het regent vandaag en de bus was op tijd.")
    assert result.logic is None
    assert result.confidence == 0
    assert result.signals == ()
    assert "Geen signaal" in result.explanation.nl


def test_explanation_names_the_suggestion_and_the_other_logics():
    result = classify(WORKED_EXAMPLES[1][0])
    assert result.explanation.nl.startswith("Voorstel: Kansen")
    assert "Andere logica's" in result.explanation.nl
    assert "suggestie" in result.explanation.nl


def test_overload_takes_priority_over_a_wish_to_learn():
    result = classify("Ik wil best leren hoe het moet, maar nu even niet. Alles is me te veel.")
    assert result.logic is Logic.STURING


def test_words_after_maar_count_more():
    result = classify("Ik heb zo m'n eigen ideeën, maar ik wil eigenlijk gewoon horen hoe het moet.")
    assert result.logic is Logic.COMPETENTIES
    assert "Wat na 'maar' komt telt" in result.explanation.nl


def test_to_dict_is_plain_json():
    import json

    data = classify(WORKED_EXAMPLES[0][0], "werk").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) >= {"logic", "confidence", "scores", "axis", "signals", "explanation"}
    assert set(data["axis"]) == {"direction", "capacity"}


@pytest.mark.parametrize(
    "text, code",
    [
        ("", "empty_text"),
        ("   \n ", "empty_text"),
        ("I want a job but I can't do it yet, please help me.", "not_dutch"),
        ("woord " * 401, "too_long"),
    ],
)
def test_bad_text_raises_input_error_with_a_code(text, code):
    with pytest.raises(InputError) as caught:
        classify(text)
    assert caught.value.code == code
    assert str(caught.value) == caught.value.message
    assert caught.value.message_en


def test_unknown_domain_is_rejected():
    with pytest.raises(InputError) as caught:
        classify("Ik wil een kans.", "vrije_tijd")
    assert caught.value.code == "unknown_domain"
    assert "werk" in caught.value.message


def _fish(logic: str) -> str:
    from slim.core.knowledge import logic_definitions

    return logic_definitions()[Logic(logic)]["attributes"]["fish_statement"]["nl"]


def test_the_stored_fish_statements_read_as_their_logic():
    """Issue 18.9: the app stores 'Ik wil visser worden' as the kansen example and 'Ik heb vis nodig'
    as the sturing example (knowledge/logics.yaml); the classifier must read them that way."""
    for logic in ("kansen", "competenties", "sturing", "ondernemen"):
        assert classify(_fish(logic)).logic is Logic(logic), _fish(logic)
    need = classify("Ik heb vis nodig")
    assert any(signal.lexicon_id == "fish_basic_need" for signal in need.signals if hasattr(signal, "lexicon_id"))


def test_yes_to_everything_is_flagged_not_read_as_sturing():
    for text in ("ja hoor, ik doe alles wat u zegt", "Ja hoor, ik doe alles.", "Prima hoor, alles is goed."):
        result = classify(text)
        assert result.logic is None and result.confidence == 0, text
        assert [warning.kind for warning in result.warnings] == ["socially_desirable"]
        assert result.to_dict()["warnings"][0]["kind"] == "socially_desirable"


def test_yes_to_everything_then_the_own_story_still_reads_the_story():
    result = classify("Ja hoor, ik doe alles. Maar eerlijk gezegd slaap ik al weken niet en de post ligt ongeopend.")
    assert result.logic is Logic.STURING
    assert [warning.kind for warning in result.warnings] == ["socially_desirable"]


def test_the_engine_carries_the_warning_and_adds_no_evidence_for_a_plain_yes():
    from slim.core import match_domain

    match = match_domain("werk", statements=["ja hoor, ik doe alles wat u zegt"])
    assert match.logic is None
    assert "socially_desirable" in [warning.kind for warning in match.warnings]
