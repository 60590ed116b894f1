import pytest

from slim.accounts.models import Role
from slim.mirror.models import Membership, Team
from tests.browser.conftest import login
from tests.conftest import make_user


def logout(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/")


def score(page, element, current, importance, remark=None):
    block = page.get_by_role("group", name=element, exact=True)
    block.get_by_role("group", name="Hoe goed doen we dit nu?").get_by_label(current).check()
    block.get_by_role("group", name="Hoe belangrijk is dit voor ons?").get_by_label(importance).check()
    if remark:
        block.get_by_label("Opmerking (optioneel, wordt zonder naam getoond)").fill(remark)


@pytest.mark.django_db(transaction=True)
def test_team_runs_a_round_picks_a_focus_and_records_an_action(page, knowledge):
    team = Team.objects.create(name="Wijkteam Noord")
    for user in (make_user("anna"), make_user("bram"), make_user("chantal", role=Role.TEAM_LEAD)):
        Membership.objects.create(team=team, user=user)

    login(page, "chantal")
    page.goto("/spiegel/")
    page.get_by_role("link", name="Wijkteam Noord").click()
    page.get_by_label("Titel van de ronde").fill("Voorjaar 2027")
    page.get_by_role("button", name="Nieuwe ronde openen").click()
    assert "De ronde is geopend" in page.get_by_role("status").inner_text()
    logout(page)

    login(page, "anna")
    page.goto("/spiegel/")
    page.get_by_role("link", name="Voorjaar 2027: vul je scores in").click()
    score(page, "Basishouding", "4 – meestal", "5 – heel belangrijk")
    score(page, "Normaliseren", "2 – soms", "5 – heel belangrijk", remark="We verwijzen te snel door")
    page.get_by_role("button", name="Scores bewaren").click()
    assert "Jij hebt 2 van de 15 elementen ingevuld" in page.locator("main").inner_text()
    page.get_by_role("link", name="Scores invullen of aanpassen").click()  # come back and change one score
    score(page, "Basishouding", "3 – regelmatig", "5 – heel belangrijk")
    page.get_by_role("button", name="Scores bewaren").click()
    logout(page)

    login(page, "bram")
    page.goto("/spiegel/")
    page.get_by_role("link", name="Voorjaar 2027: vul je scores in").click()
    score(page, "Basishouding", "5 – (bijna) altijd", "4 – belangrijk")
    score(page, "Normaliseren", "1 – (bijna) nooit", "4 – belangrijk")
    page.get_by_role("button", name="Scores bewaren").click()
    assert "2 van de 3 teamleden hebben al (een deel) ingevuld" in page.locator("main").inner_text()
    logout(page)

    login(page, "chantal")  # a third respondent: below 3 no per-element figures are shown (issue 15)
    page.goto("/spiegel/")
    page.get_by_role("link", name="Voorjaar 2027: vul je scores in").click()
    score(page, "Basishouding", "4 – meestal", "5 – heel belangrijk")
    score(page, "Normaliseren", "2 – soms", "5 – heel belangrijk")
    page.get_by_role("button", name="Scores bewaren").click()
    page.goto("/spiegel/")
    page.get_by_role("link", name="Wijkteam Noord").click()
    page.get_by_role("link", name="Ronde sluiten en resultaten tonen").click()
    page.get_by_role("button", name="Ja, ronde sluiten").click()  # closing asks for confirmation
    page.get_by_role("heading", name="Resultaten: Voorjaar 2027").wait_for()
    radar = page.get_by_role("img", name="Teamspiegel Wijkteam Noord, Voorjaar 2027")
    assert radar.is_visible() and radar.locator(".radar-series polygon").count() == 2  # practice and importance
    table = page.get_by_role("table", name="Teamscores per werkzaam element")
    normalising = table.get_by_role("row", name="Normaliseren")
    assert normalising.get_by_role("cell").all_inner_texts()[:5] == ["1,7", "1–2 (sd 0,5)", "4,7", "4–5 (sd 0,5)", "+3,0 verbeterpunt"]
    assert table.get_by_role("row", name="Basishouding").get_by_role("cell").first.inner_text() == "4,0"
    assert "We verwijzen te snel door" in page.locator("#opmerkingen").locator("..").inner_text()
    assert "Normaliseren" in page.locator("#verbeterpunten").locator("..").inner_text()

    page.get_by_label("Werkzaam element om aan te werken").select_option(label="Normaliseren")
    page.get_by_role("button", name="Kies als focuselement").click()
    assert "Focuselement gekozen" in page.get_by_role("status").inner_text()
    page.locator(".focus-list").get_by_role("link", name="Normaliseren").click()
    page.get_by_role("heading", name="Focus: Normaliseren").wait_for()
    assert page.get_by_role("heading", name="Punten om mee aan de slag te gaan").is_visible()
    logout(page)

    login(page, "bram")
    page.goto("/spiegel/")
    page.get_by_role("link", name="Wijkteam Noord").click()
    page.get_by_role("link", name="Normaliseren").click()
    page.get_by_label("Wat gaan we doen").fill("Startbijeenkomst met partners uit de sociale basis")
    page.get_by_label("Wie").select_option(label="anna")
    page.get_by_label("Klaar op").fill("2027-02-15")
    page.get_by_role("button", name="Actie vastleggen").click()
    actions = page.get_by_role("table", name="Overzicht van de acties van het team")
    row = actions.get_by_role("row", name="Startbijeenkomst met partners uit de sociale basis")
    assert row.get_by_role("cell").all_inner_texts()[:3] == ["anna", "15 februari 2027", "open"]
    row.get_by_role("button", name="Markeer als klaar").click()
    assert actions.get_by_role("row", name="Startbijeenkomst").get_by_role("cell").nth(2).inner_text() == "klaar"
