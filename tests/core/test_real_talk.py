"""Issue 21: reading talk the way people tell it at the kitchen table. Every signal still names the
client's own words (its span in the text)."""

from slim.core import Logic, classify
from slim.core.classifier import read_statement
from slim.core.model import TextSignal


def _ids(text: str) -> dict[str, str]:
    """lexicon id -> the client's words it fired on."""
    return {signal.lexicon_id: text[signal.start : signal.end] for signal in read_statement(text).signals
            if isinstance(signal, TextSignal)}


def test_overload_told_through_the_body_and_events():
    text = "Bij de eerste afspraak stond ik voor de deur, mijn hart ging tekeer en ik ben omgedraaid."
    found = _ids(text)
    assert found["r_body_alarm"] in ("hart ging tekeer", "ben omgedraaid")
    money = "Ik weet niet waar het geld vandaan moet komen, de pinpas werd geweigerd bij de kassa."
    assert "r_money_gap" in _ids(money)
    post = "De enveloppen gaan ongeopend in een la en de deur doe ik niet open."
    assert "r_avoids_post_and_door" in _ids(post)
    assert classify(post).logic is Logic.STURING


def test_an_outside_party_that_stalls_is_a_blocked_door_not_a_missing_skill():
    text = "Ik heb alles ingeleverd. Het dossier ligt nu al drie maanden bij een medewerker, het staat nog in behandeling."
    assert "r_outside_stalls" in _ids(text)
    result = classify(text)
    assert result.logic is Logic.KANSEN
    # discouragement caused by the wall is not read as overload
    assert "r_discouraged_by_the_wall" in _ids("Ik word er somber van, van dat wachten.")


def test_the_client_who_never_learned_it():
    text = "Sinds mijn man er niet meer is, doe ik de rekeningen. Wat in welke kolom moet, weet ik niet."
    assert _ids(text)["r_never_knew"].startswith("Wat in welke kolom")
    assert "r_never_knew" in _ids("Op die app kwam ik niet uit, hoe vaak ik het ook probeerde.")


def test_own_initiative_and_traction_point_at_an_own_route():
    assert "r_own_initiative" in _ids("Ik ben zelf naar de parkbeheerder gestapt.")
    text = "Ik bak al een jaar taarten voor mensen, de bestellingen komen vanzelf binnen via de app."
    assert "r_traction" in _ids(text)
    assert classify(text).logic is Logic.ONDERNEMEN


def test_the_present_weighs_more_after_a_look_back():
    text = "Vorig jaar wilde ik iemand die alles voor me regelde. Nu wil ik het zelf leren, met een beetje uitleg."
    reading = read_statement(text)
    assert any("na een terugblik over nu" in note.nl for note in reading.notes)
    assert classify(text).logic is Logic.COMPETENTIES


def test_a_rhetorical_question_points_at_the_wall():
    text = "Overal vragen ze twee jaar ervaring. Hoe kom ik dan ooit aan ervaring?"
    assert "r_rhetorical_wall" in _ids(text)
    assert classify(text).logic is Logic.KANSEN


def test_what_was_already_done_reads_as_able():
    assert "r_already_done" in _ids("Ik heb die cursus al lang gevolgd en afgerond.")
