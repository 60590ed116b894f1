import pytest
from django.urls import reverse
from django.utils.html import escape

from slim.cases.models import Client
from slim.matching.models import Decision, Intake

pytestmark = pytest.mark.django_db

WORK_STATEMENT = "Ik wil wel een vaste baan, maar ik kan het nog niet, omgaan met collega's vind ik moeilijk."


def make_client(user, name="Mevrouw K."):
    return Client.objects.create(name=name, created_by=user)


def post_intake(http, client_obj, **fields):
    return http.post(reverse("matching:intake-new", args=[client_obj.pk]), fields)


def test_pages_need_login(client):
    response = client.get(reverse("matching:intake"))
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_professional_creates_client_with_valid_bsn(client_as_professional):
    response = client_as_professional.post(reverse("matching:intake"), {"name": "Dhr. P.", "bsn": "111222333"})
    created = Client.objects.get(name="Dhr. P.")
    assert response.status_code == 302
    assert created.masked_bsn == "******333"


def test_invalid_bsn_is_refused_with_a_message(client_as_professional):
    response = client_as_professional.post(reverse("matching:intake"), {"name": "Dhr. P.", "bsn": "123456789"})
    assert response.status_code == 200
    assert "elfproef" in response.content.decode()
    assert not Client.objects.exists()


def test_intake_gives_explained_suggestion(client_as_professional, professional):
    person = make_client(professional)
    response = post_intake(client_as_professional, person, werk__statements=WORK_STATEMENT)
    intake = Intake.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("matching:result", args=[intake.pk])
    werk = intake.result["domains"][0]
    assert werk["domain"] == "werk" and werk["logic"] == "competenties"
    page = client_as_professional.get(response["Location"]).content.decode()
    assert '<mark class="signal"' in page
    assert "Neem voorstel over" in page
    assert "kan het nog niet" in page and "het gewone doel van de systeemwereld" in page  # axes in words
    assert "not_yet" not in page and "(uitspraken)" in page


def test_empty_intake_is_refused_with_a_message(client_as_professional, professional):
    person = make_client(professional)
    response = post_intake(client_as_professional, person)
    assert response.status_code == 200
    assert "minstens één leefgebied" in response.content.decode()
    assert not Intake.objects.exists()


def test_english_statement_gives_clear_message_not_500(client_as_professional, professional):
    person = make_client(professional)
    response = post_intake(client_as_professional, person, werk__statements="I would like to find a job soon please")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not Intake.objects.exists()


def test_accept_and_override_are_recorded_with_author_and_reason(client_as_professional, professional):
    person = make_client(professional)
    post_intake(client_as_professional, person, werk__statements=WORK_STATEMENT)
    intake = Intake.objects.get()
    url = reverse("matching:decide", args=[intake.pk])
    client_as_professional.post(url, {"domain": "werk", "chosen_logic": "competenties"})
    refused = client_as_professional.post(url, {"domain": "werk", "chosen_logic": "sturing"}, follow=True)
    assert "Geef een korte reden" in refused.content.decode()
    client_as_professional.post(url, {"domain": "werk", "chosen_logic": "sturing", "reason": "Schulden eerst"})
    decisions = list(Decision.objects.order_by("decided_at", "id"))
    assert [(d.chosen_logic, d.is_override) for d in decisions] == [("competenties", False), ("sturing", True)]
    assert decisions[1].reason == "Schulden eerst" and decisions[1].decided_by == professional
    detail = client_as_professional.get(reverse("matching:client", args=[person.pk])).content.decode()
    assert "Schulden eerst" in detail and "afwijkend van voorstel" in detail


def test_other_professional_cannot_see_the_client(client, professional, other_professional):
    person = make_client(professional)
    client.force_login(other_professional)
    assert client.get(reverse("matching:client", args=[person.pk])).status_code == 404
    assert client.get(reverse("matching:intake-new", args=[person.pk])).status_code == 404


def test_statement_page_explains_words(client_as_professional):
    response = client_as_professional.post(reverse("matching:statement"), {"text": WORK_STATEMENT, "domain": "werk"})
    html = response.content.decode()
    assert response.status_code == 200 and '<mark class="signal"' in html
    words = next(signal for signal in response.context["result"]["signals"] if signal["source"] == "words")
    assert "woordstatistiek" in html and all(f"“{escape(term)}”" in html for term in words["terms"])


def test_statement_page_rejects_empty_text(client_as_professional):
    response = client_as_professional.post(reverse("matching:statement"), {"text": "   "})
    assert response.status_code == 200 and "field-error" in response.content.decode()


def test_policy_maker_cannot_register_clients(client):
    from tests.conftest import make_user

    client.force_login(make_user("dirk", role="beleid", organisation="Gemeente"))
    assert "Nieuwe cliënt" not in client.get(reverse("matching:intake")).content.decode()
    assert client.post(reverse("matching:intake"), {"name": "X"}).status_code == 403
    assert not Client.objects.exists()


def test_statement_page_without_a_suggestion_asks_the_deciding_questions(client_as_professional):
    """Issue 19.1: no weak guess, but 'nog geen voorstel — vraag door' with the draaischijf questions."""
    response = client_as_professional.post(
        reverse("matching:statement"), {"text": "Het regent vandaag en de bus was op tijd.", "domain": "wonen"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nog geen voorstel — vraag door" in body
    assert "Vraag door met de draaischijf" in body and "anders wonen" in body
    assert "zekerheid" not in body


def test_statement_page_shows_one_calibrated_certainty(client_as_professional):
    from slim.core import classify

    response = client_as_professional.post(reverse("matching:statement"), {"text": WORK_STATEMENT, "domain": "werk"})
    figure = f"{round(classify(WORK_STATEMENT, 'werk').confidence * 100)}%"
    assert response.content.decode().count(figure) >= 2  # the badge and the explanation name the same figure


def test_intake_result_says_it_aloud_with_one_figure_and_details_behind_why(client_as_professional, professional):
    import re

    person = make_client(professional)
    response = post_intake(client_as_professional, person, werk__statements=WORK_STATEMENT)
    page = client_as_professional.get(response["Location"]).content.decode()
    werk = page.split('id="domein-werk"')[1].split("</section>")[0]
    spoken, why = werk.split('<details class="why">')[0], werk.split('<details class="why">')[1].split("</details>")[0]
    assert "Bij Werk past nu het best de aanpak" in spoken
    assert len(re.findall(r"\d+\s?%", spoken)) == 1  # one certainty figure where the professional reads aloud
    assert "score" in why  # scores, weights and word statistics only behind 'Waarom?'
    assert "<summary>Waarom?</summary>" in werk


def test_intake_result_in_english_names_the_decided_logic_in_english(client_as_professional, professional):
    """The whole page switches: the decision line used the model's Dutch choice label ('Besloten: Sturing')."""
    person = make_client(professional)
    post_intake(client_as_professional, person, werk__statements=WORK_STATEMENT)
    intake = Intake.objects.get()
    client_as_professional.post(reverse("matching:decide", args=[intake.pk]), {"domain": "werk", "chosen_logic": "sturing", "reason": "Schulden eerst"})
    client_as_professional.cookies["django_language"] = "en"  # the language switch's remembered choice
    html = client_as_professional.get(reverse("matching:result", args=[intake.pk])).content.decode()
    assert "Decided: Steering" in html
    for dutch in ("Kansen", "Competenties", "Sturing", "Ondernemen", "Besloten"):
        assert dutch not in html, dutch
