"""Issue 15 point 2: advice that leads to action, from the decided logic per domain to a plan action."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from slim.cases.advice import principles_for
from tests.factories import decide


@pytest.fixture
def decided_case(case, professional):
    call_command("import_interventions", stdout=None)
    decide(case.client, professional, "inkomen_schulden", "competenties")
    decide(case.client, professional, "werk", "kansen")
    return case


def test_principles_come_from_the_knowledge_data():
    titles = [principle["title"]["nl"] for principle in principles_for("kansen")]
    assert "Normaliseren" in titles
    assert all(principle["does"] and principle["avoids"] for principle in principles_for("kansen"))


def test_advice_per_domain_and_one_click_to_the_plan(client_as_professional, decided_case, professional):
    page = client_as_professional.get(reverse("cases:advice", args=[decided_case.pk])).content.decode()
    for text in ("Werkzaam principe: Normaliseren", "Wat je doet", "Wat je laat", "Volgend gesprek", "Interventies die passen",
                 "fit=werk%3Akansen&amp;fit=inkomen_schulden%3Acompetenties"):
        assert text in page, text
    section = page.split('id="advies-werk"')[1]
    slug = section.split('name="intervention" value="')[1].split('"')[0]
    form = section.split("<form")[1].split("</form>")[0]
    fields = dict(__import__("re").findall(r'name="([a-z_]+)" value="([^"]*)"', form))
    response = client_as_professional.post(reverse("cases:plan-action", args=[decided_case.pk]), fields)
    assert response.status_code == 302
    action = decided_case.actions.get()
    assert (action.domain, action.logic, action.intervention.slug, action.owner) == ("werk", "kansen", slug, professional)


def test_without_decision_the_advice_points_to_the_intake(client_as_professional, case):
    page = client_as_professional.get(reverse("cases:advice", args=[case.pk])).content.decode()
    assert "Er is nog geen besluit over een leefgebied" in page


def test_from_the_intake_result_to_the_advice_of_the_open_case(client_as_professional, decided_case):
    response = client_as_professional.get(reverse("cases:client-advice", args=[decided_case.client.pk]))
    assert response["Location"] == reverse("cases:advice", args=[decided_case.pk])


def test_case_page_reflects_an_intake_that_exists(client_as_professional, case):
    url = reverse("cases:detail", args=[case.pk])
    assert "Intake doen" in client_as_professional.get(url).content.decode()
    client_as_professional.post(reverse("matching:intake-new", args=[case.client.pk]), {"werk__statements": "Ik wil werken."})
    page = client_as_professional.get(url).content.decode()
    assert "Intake doen" not in page and "bekijk het voorstel en de besluiten" in page


def test_next_conversation_is_per_domain_and_urgent_trouble_brings_regelen_there_only(client_as_professional, case, professional):
    """Debts at the door (the intake heard an urgent call for help there) put 'regelen' (gesprek 4) alongside in
    that domain; the work domain of the same client keeps its own next conversation."""
    client_as_professional.post(reverse("matching:intake-new", args=[case.client.pk]), {
        "inkomen_schulden__statements": "De deurwaarder staat morgen voor de deur, er moet nu echt iemand komen helpen alsjeblieft.",
        "werk__statements": "Ik wil wel werken maar ik weet niet hoe ik moet solliciteren, dat wil ik leren.",
    })
    decide(case.client, professional, "inkomen_schulden", "sturing")
    decide(case.client, professional, "werk", "competenties")
    page = client_as_professional.get(reverse("cases:advice", args=[case.pk])).content.decode()
    debts = page.split('id="advies-inkomen_schulden"')[1].split("</section>")[0]
    work = page.split('id="advies-werk"')[1].split("</section>")[0]
    assert "Er is dringend iets te regelen in dit leefgebied." in debts and "gesprek 4" in debts
    assert "Er is dringend iets te regelen" not in work and "gesprek 4" not in work
    next_debts = debts.split("Volgend gesprek")[1].split("</p>")[0]
    next_work = work.split("Volgend gesprek")[1].split("</p>")[0]
    assert next_debts != next_work
