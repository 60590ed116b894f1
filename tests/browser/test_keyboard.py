"""Keyboard only: the skip link, a visible focus on everything that gets it, no traps, and a whole flow
(log in, register a client, fill in an intake, see the proposal) without a single mouse click.
Also: after a form with errors, the focus lands on the error summary and its links lead to the fields."""

import re

import pytest

from tests.browser.conftest import login
from tests.conftest import PASSWORD

FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  return {
    tag: element.tagName.toLowerCase(),
    id: element.id,
    name: element.getAttribute('name'),
    type: element.getAttribute('type'),
    text: (element.innerText || element.value || '').trim().slice(0, 80),
    label: element.labels && element.labels.length ? element.labels[0].innerText.trim() : '',
    visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
  };
}"""


def focused(page):
    return page.evaluate(FOCUSED)


def tab_to(page, wanted, limit=80, key="Tab"):
    """Press Tab until the focused element matches; every element on the way must show its focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        element = focused(page)
        if element is None:
            continue
        assert element["visible"], f"geen zichtbare focus op {element}"
        if wanted(element):
            return element
    raise AssertionError(f"niet bereikt met {limit} keer {key}")


@pytest.mark.django_db(transaction=True)
def test_log_in_and_do_an_intake_with_the_keyboard_only(page, professional, knowledge):
    page.goto("/account/inloggen/")

    # The first Tab reaches the skip link; Enter moves on to the main content.
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Naar de inhoud" and skip["visible"]
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"

    tab_to(page, lambda element: element["id"] == "id_username")
    page.keyboard.type("anna")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"^http://[^/]+/start/(#inhoud)?$"))  # the browser keeps the skip link's fragment

    tab_to(page, lambda element: element["text"] == "Intake en matching")
    page.keyboard.press("Enter")
    page.wait_for_url("**/matching/")

    tab_to(page, lambda element: element["label"].startswith("Naam of initialen"))
    page.keyboard.type("Meneer T.")
    tab_to(page, lambda element: element["text"] == "Cliënt aanmaken")
    page.keyboard.press("Space")
    page.wait_for_url("**/intake/")

    # The first life domain is open: answer a question with the arrow keys and type what the client said.
    tab_to(page, lambda element: element["type"] == "radio")
    page.keyboard.press("ArrowRight")  # moves to and selects the next option in the group
    chosen = focused(page)
    assert page.locator(f"#{chosen['id']}").is_checked()
    tab_to(page, lambda element: element["tag"] == "textarea")
    page.keyboard.type("Ik wil het zelf regelen, maar ik weet niet waar ik moet beginnen.")
    tab_to(page, lambda element: element["text"] == "Bekijk het voorstel")
    page.keyboard.press("Enter")
    page.wait_for_url("**/intakes/*/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Voorstel voor Meneer T.")

    # No trap: Tab goes through the whole page and comes back round to the skip link.
    page.keyboard.press("Tab")
    tab_to(page, lambda element: element["text"] == "Naar de inhoud", limit=400)


@pytest.mark.django_db(transaction=True)
def test_the_error_summary_gets_the_focus_and_leads_to_the_field(page, professional):
    login(page, "anna")
    page.goto("/matching/")
    page.get_by_role("button", name="Cliënt aanmaken").press("Enter")

    summary = page.get_by_role("alert")
    assert "Controleer wat je hebt ingevuld" in summary.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    page.keyboard.press("Tab")
    link = focused(page)
    assert link["tag"] == "a" and link["visible"] and "Naam of initialen" in link["text"]
    page.keyboard.press("Enter")
    field = focused(page)
    assert field["id"] == "id_name"
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_name").get_attribute("aria-describedby").endswith("id_name_error")


@pytest.mark.django_db(transaction=True)
def test_another_logic_without_a_reason_moves_the_focus_to_the_error(page, professional, knowledge):
    from slim.cases.demo import demo as demo_case
    from slim.matching.models import Intake
    from tests.conftest import make_user

    make_user("bram", organisation="Schuldhulp Stad")
    case, _ = demo_case()
    intake = Intake.objects.filter(client=case.client).first()
    domain = intake.domain_results()[0]["domain"]
    login(page, "anna")
    page.goto(f"/matching/intakes/{intake.pk}/")

    # Keyboard only: Tab to a button for another logic in the first domain, leave the reason empty, press Enter.
    section = page.locator(f"#domein-{domain}")
    others = section.locator(".override-form button")
    wanted = others.first.inner_text().strip()
    tab_to(page, lambda element: element["tag"] == "button" and element["text"] == wanted, limit=200)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # The focus is on the error summary inside that domain, not on the body or far above.
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.evaluate("document.activeElement.closest('section').id") == f"domein-{domain}"
    assert "Geef een korte reden" in page.get_by_role("alert").inner_text()
    page.keyboard.press("Tab")
    link = focused(page)
    assert link["tag"] == "a" and link["visible"] and "reden" in link["text"]
    page.keyboard.press("Enter")
    field = focused(page)
    assert field["tag"] == "textarea" and field["id"] == f"id_{domain}_reason"
    reason = page.locator(f"#id_{domain}_reason")
    assert reason.get_attribute("aria-invalid") == "true"
    assert reason.get_attribute("aria-describedby").endswith(f"id_{domain}_reason_error")

    # With a reason the decision is recorded.
    page.keyboard.type("Cliënt wil eerst zelf iets proberen")
    tab_to(page, lambda element: element["tag"] == "button" and element["text"] == wanted)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/matching/intakes/{intake.pk}/#besluit-{domain}")
    assert focused(page)["id"] == f"besluit-{domain}"  # the message is where the user is: it has the focus
    assert intake.decisions.filter(domain=domain, reason="Cliënt wil eerst zelf iets proberen").exists()
