"""The accessibility statement: the official parts, figures from the browser tests, a link in every footer."""

import pytest
from django.test import override_settings

from slim.project.accessibility import results


@pytest.mark.django_db
def test_the_statement_has_the_official_parts_and_the_test_figures(client):
    response = client.get("/toegankelijkheid/")
    assert response.status_code == 200
    page = response.content.decode()
    for heading in ("Toegankelijkheidsverklaring", "Organisatie", "Over welke website gaat dit?", "Status",
                    "Wat hebben we getest?", "Hoe hebben we getest?", "Wanneer?", "Resultaat",
                    "Wat is nog niet goed? En wat gaan we doen?", "Contact en feedback", "Klacht"):
        assert heading in page, heading
    data = results()
    assert f"Status {data['status']}" in page
    assert f"axe-core {data['axe']['version']}" in page and "wcag21aa" in page
    assert f"{len(data['axe']['pages'])} pagina&#x27;s en toestanden" in page or f"{len(data['axe']['pages'])} pagina's en toestanden" in page
    assert "/api/v1/docs/" in page and "andere logica zonder reden" in page
    assert f"{data['reflow']['width']} pixels breed" in page
    assert "0 ernstige of kritieke problemen" in page


@pytest.mark.django_db
@override_settings(SLIM_ORGANISATION="Gemeente Voorbeeld", SLIM_ACCESSIBILITY_CONTACT="toegankelijk@voorbeeld.nl")
def test_the_organisation_fills_in_its_name_and_contact(client):
    page = client.get("/toegankelijkheid/").content.decode()
    assert "Gemeente Voorbeeld wil dat iedereen SLIM kan gebruiken" in page
    assert 'href="mailto:toegankelijk@voorbeeld.nl"' in page


@pytest.mark.django_db
def test_every_page_links_to_the_statement_in_its_footer(client):
    page = client.get("/kennis/").content.decode()
    footer = page.split('class="site-footer"')[1]
    assert 'href="/toegankelijkheid/"' in footer and 'href="/api/v1/docs/"' in footer
    menu = page.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]
    assert "/api/v1/docs/" not in menu, "de API staat niet meer in het hoofdmenu"
