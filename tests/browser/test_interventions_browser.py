import re

import pytest
from django.core.management import call_command

from tests.browser.conftest import login


@pytest.fixture
def databank():
    call_command("import_interventions", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_reader_searches_filters_opens_and_compares(page, databank):
    page.goto("/interventies/")
    page.get_by_label("Zoeken in de databank").fill("vrijwilligers")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    status = page.get_by_role("status")
    assert re.search(r"\d+ interventies gevonden voor 'vrijwilligers'", status.inner_text())
    before = int(status.inner_text().split()[0])

    page.get_by_role("checkbox", name=re.compile(r"^Ouderen \(\d+\)$")).first.check()
    page.get_by_role("button", name="Filters toepassen").click()
    after = int(page.get_by_role("status").inner_text().split()[0])
    assert 0 < after < before
    assert page.get_by_role("checkbox", name=re.compile(r"^Ouderen \(\d+\)$")).first.is_checked()

    results = page.locator("article.hit")
    first_name = results.nth(0).locator("h3").inner_text()
    second_name = results.nth(1).locator("h3").inner_text()
    results.nth(0).get_by_role("link", name=first_name).click()
    assert page.get_by_role("heading", level=1).inner_text() == first_name
    assert page.get_by_role("heading", name="Erkenning per regeling").is_visible()
    page.go_back()

    page.get_by_label(f"Vergelijken: {first_name}").check()
    page.get_by_label(f"Vergelijken: {second_name}").check()
    page.get_by_role("button", name="Vergelijk de gekozen interventies").click()
    table = page.get_by_role("table", name="Vergelijking van 2 interventies")
    assert table.is_visible()
    headers = table.locator("thead th").all_inner_texts()
    assert headers[1:] == [first_name, second_name]


@pytest.mark.django_db(transaction=True)
def test_professional_ranks_interventions_for_a_client(page, databank, professional):
    login(page, "anna")
    page.goto("/interventies/")
    page.get_by_label("Werk", exact=True).select_option("werk:competenties")
    page.get_by_role("button", name="Filters toepassen").click()
    first = page.locator("article.hit").first
    assert "Gaat uit van competenties, net als de cliënt op werk." in first.inner_text()
