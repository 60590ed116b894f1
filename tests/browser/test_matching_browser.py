import pytest

from tests.browser.conftest import login


@pytest.mark.django_db(transaction=True)
def test_professional_runs_an_intake_and_overrides_one_domain(page, professional):
    login(page, "anna")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Intake en matching").click()
    page.get_by_label("Naam of initialen").fill("Mevrouw K.")
    page.get_by_role("button", name="Cliënt aanmaken").click()

    werk = page.locator("#blok-werk")
    werk.get_by_label("Wat zegt de cliënt zelf? (één uitspraak per regel)").fill(
        "Ik wil graag werken en ik kan het ook, maar niemand geeft me een kans."
    )
    page.locator("#blok-inkomen_schulden summary").click()
    page.locator("#blok-inkomen_schulden").get_by_label("Wat zegt de cliënt zelf? (één uitspraak per regel)").fill(
        "Ik zie door de brieven en rekeningen niets meer, het is me allemaal te veel."
    )
    page.get_by_role("button", name="Bekijk het voorstel").click()

    work_result = page.locator("#domein-werk")
    assert "Kansen" in work_result.locator(".badge-logic").first.inner_text()
    assert work_result.locator("mark.signal").count() >= 1
    work_result.get_by_role("button", name="Neem voorstel over: Kansen").click()
    assert "Besloten: Kansen" in page.locator("#domein-werk").inner_text()

    money = page.locator("#domein-inkomen_schulden")
    money.get_by_label("Andere logica kiezen: reden").fill("Cliënt wil eerst zelf leren budgetteren")
    money.get_by_role("button", name="Competenties").click()
    assert "Besloten: Competenties" in page.locator("#domein-inkomen_schulden").inner_text()

    page.get_by_role("link", name="Mevrouw K.").click()
    history = page.locator("table").nth(1).inner_text()
    assert "Cliënt wil eerst zelf leren budgetteren" in history
