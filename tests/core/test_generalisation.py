"""Reading rules that make the classifier generalise beyond the wording of its tuning statements.

The sentences here are written for these tests; none is an evaluation statement.
"""

from slim.core import Logic, classify
from slim.core.lexicon import _candidates, _match_at, compile_pattern, entries, find_matches
from slim.core.model import Axis, Evidence, Target
from slim.core.scoring import score
from slim.core.text import negator_positions, sentences, tokenize, weighting_marks


def _signal(result, lexicon_id):
    return next(signal for signal in result.signals if signal.lexicon_id == lexicon_id)


def test_an_offer_named_before_a_rejection_is_turned_down():
    result = classify("Een mbo-diploma hoeft voor mij niet, ik ga met hout werken voor mezelf.")
    assert _signal(result, "d_ordinary_home_school").negated
    assert result.logic is Logic.ONDERNEMEN


def test_a_rejection_does_not_reach_into_another_clause():
    result = classify("Met een baan los ik het zelf op, maar die cursus hoef ik niet.")
    assert not _signal(result, "d_ordinary_job").negated


def test_learning_for_an_own_business_stays_ondernemen():
    result = classify("Ik begin voor mezelf als fotograaf. Boekhouden wil ik nog onder de knie krijgen.")
    assert result.logic is Logic.ONDERNEMEN
    assert "eigen doel" in result.explanation.nl


def test_learning_for_the_ordinary_goal_stays_competenties():
    result = classify("Ik wil gewoon een baan in een winkel, maar ik weet niet hoe ik een klant help. Dat wil ik leren.")
    assert result.logic is Logic.COMPETENTIES


def test_the_own_goal_rule_is_only_applied_when_asked():
    evidence = [Evidence(Target(logic=Logic.ONDERNEMEN), 3.0), Evidence(Target(logic=Logic.COMPETENTIES), 4.0)]
    assert score(evidence).logic[Logic.COMPETENTIES] == 4.0
    assert score(evidence, own_goal=True).logic[Logic.COMPETENTIES] == 0.0
    assert score(evidence, own_goal=True).logic[Logic.ONDERNEMEN] == 7.0


def test_a_clause_end_anchor_only_matches_at_the_end_of_a_clause():
    pattern = compile_pattern("=wil =ik =niet $", {})
    ended = tokenize("Een cursus wil ik niet.")
    going_on = tokenize("Zo lang wil ik niet stilzitten.")
    assert _match_at(pattern.parts, ended, 2) is not None
    assert _match_at(pattern.parts, going_on, 2) is None


def test_the_niet_of_a_polite_request_is_no_negation():
    text = "Kunt u niet voor me instaan?"
    assert negator_positions(tokenize(text), text) == ()
    assert negator_positions(tokenize("Ik kan het niet."), "Ik kan het niet.") != ()


def test_in_plaats_van_negates_only_what_follows():
    result = classify("Ik wil iemand die daarin meegaat in plaats van een training.")
    assert not _signal(result, "o_co_create").negated
    assert _signal(result, "c_course_noun").negated


def test_someone_elses_wish_counts_as_reported():
    text = "Mijn begeleider wil dat ik een cursus doe."
    tokens = tokenize(text)
    assert tokens[-2].index in weighting_marks(text, tokens).reported
    own = "Ik wil dat ik het zelf kan."
    assert not weighting_marks(own, tokenize(own)).reported


def test_a_look_back_carries_on_until_the_client_comes_back_to_now():
    text = "Vorig jaar lag alles stil en regelde mijn broer het, maar nu doe ik het zelf."
    tokens = tokenize(text)
    marks = weighting_marks(text, tokens)
    broer = next(token for token in tokens if token.norm == "broer")
    zelf = next(token for token in tokens if token.norm == "zelf")
    assert broer.clause in marks.distant_clauses
    assert zelf.clause not in marks.distant_clauses


def test_a_tie_goes_to_what_the_client_says_they_can_do():
    able = score([Evidence(Target.parse("direction.system"), 1.0), Evidence(Target.parse("capacity.able"), 1.0),
                  Evidence(Target(logic=Logic.COMPETENTIES), 1.0)])
    assert able.logic[Logic.KANSEN] == able.logic[Logic.COMPETENTIES]
    assert able.ranking()[0] is Logic.KANSEN
    unclear = score([Evidence(Target.parse("direction.system"), 1.0)])
    assert unclear.ranking()[0] is Logic.COMPETENTIES
    assert unclear.axis_reading(Axis.CAPACITY, ()).value == "unclear"


def test_the_first_word_index_finds_the_same_places_as_trying_every_pattern():
    text = "Ik wil niet dat u het invult, ik wil het zelf snappen. Een eigen zaak? Ja, later misschien, nu ben ik op."
    tokens = tokenize(text)
    brute = []
    for sentence in sentences(tokens):
        for entry in entries():
            for pattern in entry.patterns:
                for position in range(len(sentence)):
                    words = _match_at(pattern.parts, sentence, position)
                    if words is not None:
                        brute.append((entry.id, words))
    assert [(entry.id, words) for entry, words in _candidates(tokens)] == brute
    assert find_matches(tokens, text)
