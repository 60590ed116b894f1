"""Issue 15 point 7: the professional's working day as one flow, in a real browser.

login → start page → intake → decision → principle and next conversation → fitting interventions for this client →
add to plan → a client-owned action → a conversation report → the B1 plan PDF with the client's own action and the
professional's contact details. The clicks from the decision to a plan action with an intervention are counted.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from pdfminer.high_level import extract_text

from slim.cases.models import Case
from tests.browser.conftest import login

MAX_CLICKS_AFTER_DECISION = 5


@pytest.mark.django_db(transaction=True)
def test_from_the_clients_words_to_a_plan_action_and_the_b1_plan(page, professional):
    call_command("import_interventions", stdout=io.StringIO())
    login(page, "anna")
    assert page.url.endswith(reverse("start"))
    assert "Wat vandaag je aandacht vraagt" in page.content()

    # Contact details for clients, on the security page.
    page.goto(reverse("accounts:security"))
    page.get_by_label("Telefoon voor cliënten").fill("06 1234 5678")
    page.get_by_label("E-mail voor cliënten").fill("anna@wijkteam.example")
    page.get_by_role("button", name="Contactgegevens opslaan").click()

    page.goto(reverse("cases:list"))
    page.get_by_role("link", name="Nieuwe casus").click()
    page.get_by_label("Naam of initialen van de nieuwe cliënt").fill("Mevrouw K.")
    page.get_by_label("Gezamenlijk doel (kan ook later)").fill("Weer overzicht over geld en post")
    page.get_by_role("button", name="Casus aanmaken").click()
    case = Case.objects.get()

    page.get_by_role("link", name="Intake doen: hoe ziet de cliënt zichzelf per leefgebied?").click()
    page.locator("#blok-werk").evaluate("element => { element.open = true; }")
    page.locator("#blok-werk").get_by_label("Wat zegt de cliënt zelf? (één uitspraak per regel)").fill(
        "Ik wil wel werken maar ik weet niet hoe ik moet solliciteren, dat wil ik leren."
    )
    page.get_by_role("button", name="Bekijk het voorstel").click()
    werk = page.locator("#domein-werk")
    assert "Bij Werk past nu het best de aanpak" in werk.locator(".say-aloud").inner_text()
    werk.get_by_role("button", name=re.compile("^Neem voorstel over")).click()  # the decision

    clicks = 0
    page.locator("#domein-werk").get_by_role("link", name=re.compile("^Naar advies en plan")).click()
    clicks += 1
    advice = page.locator("#advies-werk")
    text = advice.inner_text()
    assert "Werkzaam principe" in text and "Wat je doet" in text and "Volgend gesprek" in text
    first = advice.locator(".advice-interventions li").first
    intervention = first.get_by_role("link").first.inner_text()
    first.get_by_role("button", name=re.compile("^Aan plan toevoegen")).click()
    clicks += 1
    assert clicks <= MAX_CLICKS_AFTER_DECISION
    action = case.actions.get()
    assert (action.domain, action.logic, action.intervention.name) == ("werk", "competenties", intervention)
    assert intervention in page.locator("#acties").inner_text()

    # All fitting interventions in the databank, this client carried along: fit reasons for werk, and warnings
    # only on werk (the only decided domain) and only for interventions about werk.
    plan_url = page.url
    page.go_back()
    page.get_by_role("link", name="Alle passende interventies in de databank").click()
    assert "fit=werk%3Acompetenties" in page.url or "fit=werk:competenties" in page.url
    assert "Gaat uit van competenties, net als de cliënt op werk." in page.content()
    page.goto(page.url + "&page_size=100")  # also the interventions that do not fit, further down
    warnings = page.locator("article.hit .warning strong").all_inner_texts()
    assert warnings and set(warnings) == {"Let op bij werk"}
    not_fitting = page.locator("article.hit").filter(has_not=page.locator(".fit-reasons")).count()
    assert len(warnings) < not_fitting  # interventions not about werk carry no warning about the client's logic there
    page.goto(plan_url)

    # The client owns an action too.
    page.get_by_label("Wat gebeurt er").fill("Zelf twee vacatures uitzoeken")
    page.get_by_label("Wie doet het?").select_option(label="de cliënt zelf")
    page.get_by_label("Klaar op").fill(action.due_on.isoformat())
    page.get_by_role("button", name="Actie toevoegen").click()
    assert "de cliënt zelf" in page.locator("#acties").inner_text()

    # A conversation report, with the next appointment.
    page.goto(reverse("cases:contacts", args=[case.pk]))
    page.get_by_label("Gesprekstype").select_option(index=2)
    page.get_by_text("het gesprek stroomde").click()
    page.get_by_label("Werk", exact=True).check()
    page.get_by_label("Verslag van het gesprek (optioneel)").fill("We spraken over werk.\n\nVolgende keer de vacatures.")
    page.get_by_label("Volgende afspraak (optioneel)").fill(action.due_on.isoformat())
    page.get_by_role("button", name="Contact opslaan").click()
    assert "Het contact is vastgelegd" in page.locator(".messages").inner_text()
    assert "Volgend gesprek per leefgebied" in page.content()

    # The B1 plan reads left-aligned: no centred or justified text anywhere in it.
    page.goto(reverse("cases:client-plan", args=[case.pk]))
    aligned = page.evaluate(
        "() => [...document.querySelectorAll('main p, main li, main h1, main h2, main h3, main dd')]"
        ".map(element => getComputedStyle(element).textAlign)"
    )
    assert aligned and set(aligned) <= {"left", "start"}, set(aligned)

    response = page.request.get(reverse("cases:client-plan-pdf", args=[case.pk]))
    assert response.headers["content-type"] == "application/pdf"
    pdf = extract_text(io.BytesIO(response.body()))
    assert "Wat doe ik zelf?" in pdf and "Zelf twee vacatures uitzoeken" in pdf
    assert "06 1234 5678" in pdf and "anna@wijkteam.example" in pdf
    assert "Wanneer is de volgende afspraak?" in pdf
