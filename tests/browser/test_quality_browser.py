"""A team leader reads the agreement page and runs a labelling study end to end with the demo data (issue 19)."""

import pytest

from slim.accounts.models import Role
from tests.browser.conftest import login
from tests.conftest import make_user


def label_everything(page, logic_name):
    forms = page.locator("ol.study-items > li")
    for index in range(forms.count()):
        item = page.locator("ol.study-items > li").nth(index)
        item.get_by_label(logic_name, exact=True).check()
        item.get_by_role("button").click()
        page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
def test_agreement_page_and_a_labelling_study(page, browser, live_server, knowledge):
    from slim.quality.demo import demo

    make_user("anna")
    make_user("chantal", role=Role.TEAM_LEAD)
    demo()

    login(page, "chantal")
    page.get_by_role("link", name="Kwaliteit van het advies").click()
    assert page.get_by_role("heading", name="Overeenstemming in de praktijk", level=1).is_visible()
    assert page.locator("#acceptatie").text_content().endswith("%")
    assert page.get_by_text("Nog geen zelfbeoordelingen.").is_visible()

    page.get_by_role("link", name="Labelonderzoek").first.click()
    page.get_by_role("link", name="Nieuw onderzoek").click()
    page.get_by_label("Titel").fill("Browseronderzoek")
    page.get_by_label("Aantal uitspraken").fill("3")
    page.get_by_label("anna").check()
    page.get_by_label("chantal").check()
    page.get_by_role("button", name="Onderzoek starten").click()
    page.wait_for_url("**/kwaliteit/onderzoek/*/")
    study_url = page.url
    assert page.get_by_role("heading", name="Browseronderzoek").is_visible()
    text = page.locator("ol.study-items").text_content()
    assert "Cliënt Q" not in text and "Sandra" not in text and "06-12345678" not in text
    label_everything(page, "Sturing")
    assert page.locator("input[type=radio]:checked").count() == 3

    other = browser.new_context(locale="nl-NL", base_url=live_server.url)
    anna = other.new_page()
    login(anna, "anna")
    anna.goto(study_url)
    assert anna.locator("input[type=radio]:checked").count() == 0  # blind: chantal's labels are not shown
    assert "Labelaar" not in anna.content()
    label_everything(anna, "Sturing")
    other.close()

    page.goto(study_url)
    page.get_by_role("button", name="Onderzoek sluiten").click()
    assert page.get_by_text("Dit onderzoek is gesloten.").is_visible()
    assert page.locator("#fleiss").is_visible()
    assert page.get_by_role("table", name="Cohens kappa per paar labelaars").get_by_role("rowheader", name="Labelaar 1 – Labelaar 2").is_visible()
    assert page.get_by_role("table", name="Elke labelaar tegen SLIM").is_visible()
