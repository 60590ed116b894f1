"""The lexicon reads ordinary spoken Dutch, not just the wording of the tune set."""

import pytest

from slim.core import Logic, classify
from slim.core.lexicon import entries, find_matches
from slim.core.text import tokenize
from tests.core.signals import assert_spans_point_at_the_words, phrases

# Everyday idioms and short forms, one family per logic; none of them is a tune statement.
IDIOMS = [
    ("Het water staat me aan de lippen.", Logic.STURING),
    ("Ik zie door de bomen het bos niet meer.", Logic.STURING),
    ("Mijn hoofd ontploft, ik loop alleen nog achter de feiten aan.", Logic.STURING),
    ("Regel jij het maar, ik kan er niet meer tegen.", Logic.STURING),
    ("Iemand moet me op weg helpen met die formulieren, daarna wil ik het zelf.", Logic.COMPETENTIES),
    ("Ik wil het onder de knie krijgen.", Logic.COMPETENTIES),
    ("Leg het me eens uit, ik snap er niks van.", Logic.COMPETENTIES),
    ("ik mot nog leren hoe dat werkt met die app, ik ken het nog nie", Logic.COMPETENTIES),
    ("Ze kijken niet eens naar mijn cv.", Logic.KANSEN),
    ("Ik kom er gewoon niet tussen, overal een wachtlijst.", Logic.KANSEN),
    ("Als iemand me bij die werkgever introduceert, doe ik de rest.", Logic.KANSEN),
    ("Ik wil mijn eigen ding doen.", Logic.ONDERNEMEN),
    ("Ik ben geen 9-tot-5 type, ik wil freelancen.", Logic.ONDERNEMEN),
    ("Ik woon liever klein en goedkoop in een chalet dan in een dure flat.", Logic.ONDERNEMEN),
]


@pytest.mark.parametrize("text, logic", IDIOMS)
def test_everyday_idioms_point_at_their_logic(text, logic):
    result = classify(text)
    assert result.logic is logic
    assert_spans_point_at_the_words(text, result)


def test_spoken_spellings_match_their_standard_form():
    tokens = tokenize("kheb nie gezegd dat 'k het mot doen")
    assert [token.form for token in tokens][:3] == ["ik", "heb", "niet"]
    assert "moet" in [token.form for token in tokens]
    text = "kheb nie gezegd"
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def test_a_context_entry_never_takes_words_away():
    assert any(not entry.claims for entry in entries())
    result = classify("Ik wil mijn geld zelf regelen, maar ik snap die bankapp echt niet.")
    ids = {signal.lexicon_id for signal in phrases(result)}
    assert "c_want_but_cannot" in ids
    assert result.logic is Logic.COMPETENTIES


def test_words_inside_a_negated_phrase_are_negated():
    tokens = tokenize("daar heb ik geen cursus voor nodig")
    matches = {match.entry.id: match for match in find_matches(tokens)}
    assert matches["c_course_noun"].negated


def test_stress_that_the_client_copes_with_is_not_overload():
    result = classify("Het is druk met werk en kinderen maar we redden ons. We willen alleen een grotere woning, de corporatie zegt dat er niks is.")
    assert result.logic is Logic.KANSEN


def test_a_negation_inside_a_phrase_negates_it():
    result = classify("Ik weet niet goed hoe ik nee moet zeggen tegen vrienden.")
    assert result.logic is Logic.COMPETENTIES
    assert result.capacity.value == "not_yet"
