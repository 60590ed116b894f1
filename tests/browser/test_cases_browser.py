import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from slim.cases.models import Case
from tests.browser.conftest import login


def open_case_with_partner(page):
    """Anna opens a case, adds Bram from another organisation and records consent for his organisation."""
    login(page, "anna")
    page.goto(reverse("cases:list"))
    page.get_by_role("link", name="Nieuwe casus").click()
    page.get_by_label("Naam of initialen van de nieuwe cliënt").fill("Mevrouw K.")
    page.get_by_label("Gezamenlijk doel (kan ook later)").fill("Weer overzicht over geld en post")
    page.get_by_role("button", name="Casus aanmaken").click()
    assert "Jij bent de casusregisseur" in page.locator(".messages").inner_text()

    # The overview shows no forms; each change is one link away and opens on the same page.
    assert page.get_by_label("Professional").count() == 0
    page.get_by_role("link", name="Team wijzigen").click()
    page.wait_for_url("**?wijzig=team#team-wijzigen")
    page.get_by_label("Professional").select_option(label="bram (Schuldhulp Stad)")
    page.get_by_role("button", name="Toevoegen").click()
    assert "Schuldhulp Stad ziet nog niets van deze cliënt" in page.locator(".messages").inner_text()

    page.get_by_role("link", name="Toestemming vastleggen of intrekken").click()
    page.get_by_label("Organisatie").select_option("Schuldhulp Stad")
    page.get_by_label("Mag zien").select_option(label="alles")
    page.get_by_label("toestemming van de cliënt").check()
    page.get_by_role("button", name="Toestemming vastleggen").click()
    assert "De toestemming is vastgelegd" in page.locator(".messages").inner_text()
    team = page.get_by_role("table").first.inner_text()
    assert "bram" in team and "alles" in team
    return Case.objects.get()


@pytest.mark.django_db(transaction=True)
def test_casusregie_from_new_case_to_printed_plan(page, professional, other_professional):
    case = open_case_with_partner(page)

    # Intake from the case: the matching app records how the client sees themselves.
    page.get_by_role("link", name="Intake doen: hoe ziet de cliënt zichzelf per leefgebied?").click()
    page.locator("#blok-inkomen_schulden summary").click()
    page.locator("#blok-inkomen_schulden").get_by_label("Wat zegt de cliënt zelf? (één uitspraak per regel)").fill(
        "Ik zie door de brieven en rekeningen niets meer, het is me allemaal te veel."
    )
    page.get_by_role("button", name="Bekijk het voorstel").click()
    page.locator("#domein-inkomen_schulden").get_by_role("button", name=re.compile("^Neem voorstel over")).click()

    # The plan: strategy, two professionals who work from different logics, and an action.
    page.goto(reverse("cases:plan", args=[case.pk]))
    page.get_by_role("link", name="Doel en strategie wijzigen").click()
    page.get_by_label("Overkoepelende strategie").select_option(label="Sturing")
    page.get_by_role("button", name="Doel opslaan").click()
    for person, logic in (("anna (Wijkteam Noord)", "Sturing"), ("bram (Schuldhulp Stad)", "Ondernemen")):
        page.get_by_role("link", name="Vastleggen vanuit welke logica een professional werkt").click()
        page.get_by_label("Professional").select_option(label=person)
        page.get_by_label("Leefgebied", exact=True).select_option(label="Inkomen en schulden")
        page.get_by_label("Werkt vanuit").select_option(label=logic)
        page.get_by_role("button", name="Aanpak opslaan").click()
        assert "Het plan is bijgewerkt" in page.locator(".messages").inner_text()
    warnings = page.locator(".warning").all_inner_texts()
    assert any("Geen gezamenlijke overkoepelende strategie" in text for text in warnings)
    assert any("de cliënt ziet zichzelf hier vanuit" in text for text in warnings)
    row = page.get_by_role("row", name=re.compile("Inkomen en schulden"))
    assert "nog niet besproken" not in row.inner_text()

    page.get_by_label("Wat gebeurt er").fill("Samen de post openen")
    page.get_by_label("Wie doet het?").select_option(label="bram (Schuldhulp Stad)")
    page.get_by_label("Klaar op").fill((timezone.localdate() + datetime.timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Actie toevoegen").click()
    assert "Samen de post openen" in page.locator("#acties table").inner_text()

    # Contact log: a stalled conversation sends you back to conversation 1.
    page.get_by_role("navigation", name="Onderdelen van de casus").get_by_role("link", name="Contactlog").click()
    page.get_by_label("Gesprekstype").select_option(label="6. Stabiliseren en bij de hand nemen")
    page.get_by_label("het gesprek haperde").check()
    page.get_by_label("Waarom haperde het?").select_option(label="afspraken niet nagekomen")
    page.get_by_role("button", name="Contact opslaan").click()
    suggestion = page.get_by_role("region", name="Voorstel voor het volgende gesprek").inner_text()
    assert "Ga terug naar gesprek 1" in suggestion
    assert "haperde" in page.get_by_role("table").last.inner_text()

    # The B1 plan for the client: a print page and a PDF.
    page.get_by_role("link", name="Plan voor de cliënt").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Jouw plan"
    assert "Samen de post openen. Klaar op" in page.locator("article").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als PDF").click()
    assert download.value.suggested_filename == f"plan-{case.pk}.pdf"
    response = page.request.get(reverse("cases:client-plan-pdf", args=[case.pk]))
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")

    page.get_by_role("link", name="Tijdlijn").click()
    timeline = page.get_by_role("table").inner_text()
    for event in ("Casus aangemaakt", "Teamlid toegevoegd", "Toestemming vastgelegd", "Besluit over de logica",
                  "Aanpak vastgelegd", "Actie toegevoegd", "Contact vastgelegd"):
        assert event in timeline, event


@pytest.mark.django_db(transaction=True)
def test_two_editors_do_not_overwrite_each_other(page, browser, live_server, professional, other_professional):
    case = open_case_with_partner(page)
    plan_url = reverse("cases:plan", args=[case.pk])
    page.goto(plan_url)
    page.get_by_role("link", name="Doel en strategie wijzigen").click()

    other = browser.new_context(locale="nl-NL", base_url=live_server.url).new_page()
    login(other, "bram")
    other.goto(plan_url + "?wijzig=doel")
    other.get_by_label("Gezamenlijk doel", exact=True).fill("Versie van Bram")
    other.get_by_role("button", name="Doel opslaan").click()
    assert "Het plan is bijgewerkt" in other.locator(".messages").inner_text()

    page.get_by_label("Gezamenlijk doel", exact=True).fill("Versie van Anna")
    page.get_by_role("button", name="Doel opslaan").click()
    assert "Iemand anders heeft het plan intussen gewijzigd" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Gezamenlijk doel", exact=True).input_value() == "Versie van Anna"
    assert "Versie van Bram" in page.locator("#doel dl").inner_text()
    other.context.close()
