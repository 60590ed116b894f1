"""WCAG 1.4.10 Reflow: at 320 CSS pixels wide (1280 px at 400% zoom) no page scrolls sideways.

Wide tables may scroll inside their own container (a labelled region that the keyboard can reach);
the page itself must not. The caption of every table uses the page font, not the browser's serif.
"""

import pytest

from slim.cases.models import Case
from slim.interventions.models import Intervention
from slim.matching.models import Intake
from tests.browser.conftest import login
from tests.browser.statement import page_label, record

WIDTH = 320

PAGE_STATE = """() => ({
  width: document.documentElement.scrollWidth,
  wide: [...document.querySelectorAll('body *')]
    .filter(element => element.getBoundingClientRect().right > window.innerWidth + 1 && !element.closest('.table-scroll'))
    .slice(0, 3).map(element => element.outerHTML.slice(0, 120)),
  serif: [...document.querySelectorAll('caption')]
    .filter(caption => !getComputedStyle(caption).fontFamily.includes(getComputedStyle(document.body).fontFamily.split(',')[0]))
    .map(caption => caption.innerText.trim()),
  scrollers: [...document.querySelectorAll('.table-scroll')]
    .filter(box => box.getAttribute('tabindex') !== '0' || box.getAttribute('role') !== 'region' || !box.getAttribute('aria-labelledby'))
    .map(box => box.outerHTML.slice(0, 120)),
  bare: [...document.querySelectorAll('table')].filter(table => !table.closest('.table-scroll')).length,
})"""


@pytest.mark.django_db(transaction=True)
def test_pages_reflow_at_320_pixels(browser, live_server, world):  # noqa: F811
    case = Case.objects.get(client__name="Mevrouw Jansen (demo)")
    intake = Intake.objects.filter(client=case.client).first()
    slug = Intervention.objects.order_by("slug").values_list("slug", flat=True).first()
    context = browser.new_context(locale="nl-NL", base_url=live_server.url, viewport={"width": WIDTH, "height": 640})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems, checked = [], []

    def check(path):
        checked.append(page_label(path))
        response = page.goto(path)
        assert response.status == 200, f"{path} gaf {response.status}"
        state = page.evaluate(PAGE_STATE)
        if state["width"] > WIDTH:
            problems.append(f"{path}: {state['width']} px breed; te breed: {state['wide']}")
        if state["serif"]:
            problems.append(f"{path}: bijschrift in een ander lettertype: {state['serif']}")
        if state["scrollers"]:
            problems.append(f"{path}: scrollvak zonder naam of toetsenbordfocus: {state['scrollers']}")
        if state["bare"]:
            problems.append(f"{path}: {state['bare']} tabel(len) zonder scrollvak")

    try:
        for path in ("/", "/kennis/", "/kennis/logicas/kansen/", "/interventies/", f"/interventies/{slug}/", "/toegankelijkheid/"):
            check(path)
        login(page, "anna")
        base = f"/casussen/{case.pk}/"
        for path in (
            "/casussen/", base, base + "?wijzig=team", base + "?wijzig=toestemming", base + "?wijzig=status",
            base + "plan/", base + "plan/?wijzig=leefgebieden", base + "contacten/", base + "tijdlijn/", base + "casusverhaal/",
            base + "mijn-plan/", "/matching/", f"/matching/clienten/{case.client.pk}/", f"/matching/intakes/{intake.pk}/",
            f"/privacy/clienten/{case.client.pk}/", f"/audit/clienten/{case.client.pk}/", "/spiegel/",
        ):
            check(path)
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    record("reflow", {"width": WIDTH, "pages": checked}, lambda stored, now: stored == now)
