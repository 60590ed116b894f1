"""The word statistics: counted from the training sets only, reproducible, and explained word by word."""

import json

import pytest

from slim.cli import main as cli
from slim.core import Logic, classify, words
from slim.core.evaluate import SPLITS
from slim.core.knowledge import read_data
from slim.core.model import Evidence, Target, WordSignal
from slim.core.scoring import score
from slim.core.text import tokenize
from tests.core.signals import assert_spans_point_at_the_words, phrases

TOY = [
    {"text": "blauwe fiets", "logic": "kansen"},
    {"text": "groene appel", "logic": "competenties"},
    {"text": "rode deur", "logic": "sturing"},
    {"text": "gele zon", "logic": "ondernemen"},
]


@pytest.fixture
def toy_model(monkeypatch):
    """Word statistics counted from four made-up statements whose words the lexicon does not know."""
    model = words.WordModel(words.train(TOY))
    monkeypatch.setattr(words, "model", lambda: model)
    return model


def test_the_committed_counts_are_exactly_what_the_training_sets_give(tmp_path):
    assert read_data(words.MODEL_FILE) == words.train(words.training_items())
    written = tmp_path / "words.json"
    assert cli(["train-words", str(written)]) == 0
    assert json.loads(written.read_text(encoding="utf-8")) == read_data(words.MODEL_FILE)


def test_no_held_out_statement_is_ever_counted():
    held_out = {split for split in SPLITS if "holdout" in split}
    assert held_out == {"holdout", "holdout2", "holdout3", "holdout4", "realholdout", "realholdout2", "realholdout3"}
    assert not held_out & set(words.TRAINING_SPLITS)
    counted = {item["text"] for item in words.training_items()}
    for split in held_out:
        assert not counted & {item["text"] for item in read_data(f"eval/statements_{split}.json")}, split


def test_words_alone_suggest_a_logic_when_one_clearly_leads(toy_model):
    text = "Een blauwe fiets."
    result = classify(text)
    assert result.logic is Logic.KANSEN
    assert not phrases(result)
    [signal] = result.signals
    assert isinstance(signal, WordSignal)
    assert signal.terms == ("blauwe", "fiets")
    assert "fiets" in signal.explanation.nl and "Kansen" in result.explanation.nl
    assert_spans_point_at_the_words(text, result)


def test_words_alone_that_hardly_lead_give_no_suggestion(toy_model):
    result = classify("Een blauwe deur.")  # one word for kansen, one for sturing
    assert result.logic is None
    assert result.signals == ()


def test_small_talk_gets_no_suggestion_from_the_real_counts():
    for text in ("Ja.", "We gaan morgen naar mijn zus.", "Mijn buurman heeft een nieuwe auto gekocht."):
        assert classify(text).logic is None, text


def test_word_signals_name_the_clients_own_words_and_their_counts():
    text = "Ik heb zoveel post liggen, mijn hoofd zit vol, regel het maar voor me."
    result = classify(text)
    assert result.logic is Logic.STURING
    strongest = next(signal for signal in result.signals if isinstance(signal, WordSignal))
    assert strongest.target.logic is Logic.STURING
    assert all(term in text for term in strongest.terms)
    assert "Sturing" in strongest.explanation.nl and "van de" in strongest.explanation.nl
    assert strongest.to_dict()["source"] == "words"
    assert_spans_point_at_the_words(text, result)


def test_a_word_named_for_a_logic_points_there_more_than_anywhere_else():
    """By its chance per logic in the counts (smoothed, per logic's total), not just by any share of the points."""
    model = words.model()
    for item in read_data("eval/statements_train4.json")[:40]:
        for signal in words.read_words(tokenize(item["text"])):
            index = model.logics.index(signal.target.logic)
            for stem in signal.stems:
                chances = model.weights[stem]
                assert chances[index] > max(chance for column, chance in enumerate(chances) if column != index), stem


def test_rule_7_weighs_phrases_not_word_counts():
    own = Target.parse("direction.own")
    phrases_only = [Evidence(own, 2.0), Evidence(Target(logic=Logic.ONDERNEMEN), 3.0), Evidence(Target(logic=Logic.COMPETENTIES), 2.0)]
    assert score(phrases_only, own_goal=True).notes  # the own goal takes the learning need along
    counted = [Evidence(own, 2.0), Evidence(Target(logic=Logic.ONDERNEMEN), 3.0, from_words=True), Evidence(Target(logic=Logic.COMPETENTIES), 2.0)]
    assert not score(counted, own_goal=True).notes  # word counts alone do not make an own venture


SWAPS = [
    ("Als alleenstaande moeder krijg ik de rekeningen niet meer betaald.", "Als alleenstaande vader krijg ik de rekeningen niet meer betaald."),
    ("Ik ben een vrouw van vijftig en wil gewoon werken.", "Ik ben een man van dertig en wil gewoon werken."),
    ("Als statushouder wil ik leren hoe de belastingaangifte werkt.", "Als nieuwkomer wil ik leren hoe de belastingaangifte werkt."),
    ("Mijn zus zegt dat ik het zelf moet doen, maar ik weet niet hoe.", "Mijn broer zegt dat ik het zelf moet doen, maar ik weet niet hoe."),
    ("Ik ga naar de moskee en daar wil ik een eigen kookclub beginnen.", "Ik ga naar de kerk en daar wil ik een eigen kookclub beginnen."),
]


@pytest.mark.parametrize("first, second", SWAPS)
def test_who_the_client_is_never_counts(first, second):
    """Swapping a word for gender, age, origin or religion changes nothing the words add."""
    def counted(text):
        return [(signal.target, round(signal.weight, 9)) for signal in words.read_words(tokenize(text))]

    assert counted(first) == counted(second)
    assert classify(first).logic is classify(second).logic


def test_no_counted_word_names_who_someone_is():
    skipped = words.not_counted()
    assert {"moeder", "vader", "vrouw", "man", "statushouder", "moskee", "oud"} <= skipped
    for key in read_data(words.MODEL_FILE)["features"]:
        assert not skipped & set(key.split(words.PAIR)), key
