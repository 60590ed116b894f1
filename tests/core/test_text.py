"""Tokenising, normalising and negation scope."""

from slim.core.text import is_negated, negator_positions, normalise, tokenize, weighting_marks


def test_normalise_strips_accents_and_case_only():
    assert normalise("Één Cliënt") == "een client"


def test_tokens_keep_original_offsets():
    text = "Ik wil m'n eigen zaak, één dag per week."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
    assert [token.norm for token in tokenize(text)][2] == "m'n"


def test_sentences_and_clauses_are_numbered():
    tokens = tokenize("Ik kan het. Maar niet alleen, echt niet")
    assert tokens[0].sentence == 0 and tokens[3].sentence == 1
    assert tokens[3].clause != tokens[0].clause
    assert tokens[-1].clause != tokens[4].clause


def _negated(text, first, last=None):
    tokens = tokenize(text)
    last = first if last is None else last
    return is_negated(tokens, first, last, negator_positions(tokens))


def test_negation_reaches_forward_within_the_clause():
    assert _negated("ik wil geen eigen bedrijf", 3)
    assert not _negated("ik wil geen hulp, een eigen bedrijf", 5)


def test_negation_reaches_back_onto_the_verb():
    assert _negated("dat lukt me niet", 1)
    assert not _negated("dat lukt me wel", 1)


def test_marks_find_turn_distance_and_reported_speech():
    text = "Vroeger kon ik het. Iedereen zegt dat ik moet werken, maar ik wil iets anders."
    tokens = tokenize(text)
    marks = weighting_marks(text, tokens)
    assert tokens[marks.turn].norm == "maar"
    assert tokens[0].clause in marks.distant_clauses
    reported = {tokens[index].norm for index in marks.reported}
    assert "werken" in reported and "anders" not in reported
