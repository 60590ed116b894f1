"""WCAG 2.1 AA: axe-core checks every main page, as the user who would see it, with and without form errors.

The pages, the axe-core version and rules and the number of findings per page are the figures of the
accessibility statement (/toegankelijkheid/): see tests/browser/statement.py.

axe is read from tests/browser/vendor/axe.min.js and run with page.evaluate: a <script> tag with the
file's contents would be an inline script, which our Content-Security-Policy rightly blocks. The test
fails on any finding with impact 'serious' or 'critical' and prints all of them, page by page.
"""

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from slim.cases.models import Case
from slim.interventions.models import Intervention
from slim.matching.models import Intake
from slim.mirror.models import Round, Team
from tests.browser.conftest import login
from tests.browser.statement import page_label, record
from tests.conftest import PASSWORD, make_user

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
IMPACTS = ("critical", "serious", "moderate", "minor")
AXE_VERSION = re.search(r"axe v([0-9.]+)", AXE[:200]).group(1)
# SLIM_AXE_IMPACTS=minor,moderate,serious,critical shows everything axe finds.
BLOCKING = set(os.environ.get("SLIM_AXE_IMPACTS", "serious,critical").split(","))


def axe_run(page):
    """All axe findings on the current page."""
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE)
    return page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]


def axe_violations(page):
    """The serious and critical axe findings on the current page."""
    return [violation for violation in axe_run(page) if violation["impact"] in BLOCKING]


def describe(path, violations):
    lines = [f"{path}:"]
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            lines.append(f"      {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
            lines.append(f"      {node['html'][:160]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"      ... en nog {len(violation['nodes']) - 5}")
    return "\n".join(lines)


class Checker:
    def __init__(self, page):
        self.page = page
        self.checked = []
        self.problems = []

    def check(self, label=None):
        path = label or self.page.url.split("//", 1)[-1].split("/", 1)[-1]
        path = "/" + path.lstrip("/")
        violations = axe_run(self.page)
        found = [violation for violation in violations if violation["impact"] in BLOCKING]
        counts = {impact: 0 for impact in IMPACTS}
        for violation in violations:
            counts[violation["impact"]] += len(violation["nodes"])
        self.checked.append({"page": page_label(path), **counts})
        if found:
            self.problems.append(describe(path, found))

    def visit(self, *paths):
        for path in paths:
            response = self.page.goto(path)
            assert response.status == 200, f"{path} gaf {response.status}"
            self.check(path)


def logout(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/")


@pytest.mark.django_db(transaction=True)
def test_axe_runs_under_our_content_security_policy_and_finds_problems(page):
    page.goto("/")
    assert axe_violations(page) == []
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/static/x.png\">')")
    assert "image-alt" in [violation["id"] for violation in axe_violations(page)]


@pytest.mark.django_db(transaction=True)
def test_every_main_page_has_no_serious_accessibility_violations(page, world):
    axe = Checker(page)
    case = Case.objects.get(client__name="Mevrouw Jansen (demo)")
    client = case.client
    intake = Intake.objects.filter(client=client).first()
    team = Team.objects.get(name="Wijkteam Noord")
    closed = Round.objects.filter(team=team, closed_at__isnull=False).order_by("-closed_at").first()
    slugs = list(Intervention.objects.order_by("slug").values_list("slug", flat=True)[:3])

    # Anyone: public pages, login (also with an error), 404.
    axe.visit("/", "/kennis/", "/kennis/logicas/", "/kennis/logicas/kansen/", "/kennis/werkzame-elementen/normaliseren/")
    axe.visit("/interventies/", "/interventies/?q=schulden", f"/interventies/{slugs[0]}/", f"/interventies/{slugs[0]}/?print=1")
    axe.visit(f"/interventies/vergelijk/?ids={slugs[0]}&ids={slugs[1]}&ids={slugs[2]}", "/toegankelijkheid/")
    for path in ("/interventies/vergelijk/?ids=x", "/bestaat-niet/"):
        page.goto(path)
        axe.check(f"{path} (foutpagina)")
    axe.visit("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("anna")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    axe.check("/account/inloggen/ (fout wachtwoord)")

    # Anna, professional and casusregisseur of the demo case.
    login(page, "anna")
    axe.visit("/", "/interventies/?q=schulden&fit=inkomen_schulden:sturing")
    axe.visit("/matching/", "/matching/uitspraak/", f"/matching/clienten/{client.pk}/", f"/matching/clienten/{client.pk}/intake/")
    axe.visit(f"/matching/intakes/{intake.pk}/")
    # Another logic than suggested, without a reason: the error at the reason field.
    section = page.locator(f"#domein-{intake.domain_results()[0]['domain']}")
    section.locator(".override-form button").first.click()
    page.get_by_role("alert").wait_for()
    axe.check(f"/matching/intakes/{intake.pk}/ (andere logica zonder reden)")
    page.goto("/matching/uitspraak/")
    page.get_by_label("Uitspraak van de cliënt").fill("Ik wil graag zelf weer aan het werk, maar ik weet niet hoe.")
    page.get_by_role("button", name="Duiden").click()
    axe.check("/matching/uitspraak/ (uitkomst)")
    page.goto(f"/matching/clienten/{client.pk}/intake/")
    page.get_by_role("button", name="Bekijk het voorstel").click()
    axe.check("/matching/clienten/…/intake/ (leeg verstuurd)")

    axe.visit("/casussen/", "/casussen/nieuw/")
    page.get_by_role("button", name="Casus aanmaken").click()
    axe.check("/casussen/nieuw/ (leeg verstuurd)")
    base = f"/casussen/{case.pk}/"
    axe.visit(base, base + "advies/", base + "plan/", base + "contacten/", base + "casusverhaal/", base + "mijn-plan/", base + "tijdlijn/")
    axe.visit(*(base + f"plan/?wijzig={part}" for part in ("doel", "leefgebieden", "aanpak")))  # the plan's change forms
    # The case page's forms open one part at a time (?wijzig=<part>); each is checked opened, and closing empty.
    for part in ("team", "toestemming", "status"):
        axe.visit(f"{base}?wijzig={part}")
        assert page.locator(f"#{part}-wijzigen form").count(), part
    page.get_by_role("button", name="Casus sluiten").click()
    page.get_by_role("alert").wait_for()
    axe.check(base + "?wijzig=status (leeg verstuurd)")
    axe.visit("/start/")
    page.goto(base + "contacten/")
    page.get_by_role("button", name="Contact opslaan").click()
    axe.check(base + "contacten/ (leeg verstuurd)")
    axe.visit(f"/privacy/clienten/{client.pk}/", f"/audit/clienten/{client.pk}/")
    page.goto(f"/privacy/clienten/{client.pk}/")
    page.get_by_role("button", name="Anonimiseer deze cliënt").click()
    axe.check(f"/privacy/clienten/{client.pk}/ (leeg verstuurd)")

    axe.visit("/spiegel/", f"/spiegel/teams/{team.pk}/", f"/spiegel/rondes/{closed.pk}/", f"/spiegel/teams/{team.pk}/focus/normaliseren/")
    axe.visit("/account/beveiliging/", "/account/tweede-stap/instellen/", "/toegankelijkheid/")

    # The API documentation (Swagger UI), also with an operation opened and tried out.
    page.goto("/api/v1/docs/")
    page.get_by_text("/api/v1/classify").first.wait_for(state="visible")
    axe.check("/api/v1/docs/")
    page.locator(".opblock-summary-control").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    page.locator(".live-responses-table").first.wait_for()
    axe.check("/api/v1/docs/ (vraag uitgeprobeerd)")
    page.get_by_role("link", name="Terug naar SLIM").click()
    logout(page)

    # Chantal, team lead: opens a round, scores it, sees the dashboard.
    login(page, "chantal")
    page.goto(f"/spiegel/teams/{team.pk}/")
    page.get_by_role("button", name="Nieuwe ronde openen").click()
    axe.check(f"/spiegel/teams/{team.pk}/ (titel ontbreekt)")
    page.get_by_label("Titel van de ronde").fill("Voorjaar 2027")
    page.get_by_role("button", name="Nieuwe ronde openen").click()
    opened = Round.objects.get(title="Voorjaar 2027")
    axe.visit(f"/spiegel/rondes/{opened.pk}/invullen/", f"/spiegel/rondes/{opened.pk}/sluiten/", "/inzicht/")
    axe.visit(  # the quality of the advice (menu item for team leads)
        "/kwaliteit/overeenstemming/", "/kwaliteit/drift/", "/kwaliteit/publicatie/", "/kwaliteit/onderzoek/",
        "/kwaliteit/onderzoek/nieuw/", "/kwaliteit/toestemming/",
    )
    logout(page)

    # Dirk, policy maker; the auditor; the admin who must set up the second step first.
    login(page, "dirk")
    axe.visit("/inzicht/", "/kwaliteit/overeenstemming/")
    logout(page)
    login(page, "auditor")
    axe.visit("/audit/")
    logout(page)
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("beheer")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/tweede-stap/instellen/")
    axe.check("/account/tweede-stap/instellen/ (beheerder)")
    page.get_by_role("button", name="Tweede stap aanzetten").click()
    axe.check("/account/tweede-stap/instellen/ (lege code)")
    # The second step done, the beheer index links to the import screen; a tab-separated file gets the hint.
    device = TOTPDevice.objects.get(user__username="beheer", confirmed=False)
    device.throttling_failure_count = 0  # the empty code above slowed the next try down; skip the wait
    device.save()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.locator("input[name=code]").fill(f"{totp.token():06d}")
    page.get_by_role("button", name="Tweede stap aanzetten").click()
    page.wait_for_url(lambda url: "tweede-stap" not in url)
    page.goto("/beheer/")
    page.get_by_role("link", name="Interventies importeren").click()
    page.wait_for_url("**/beheer/interventies-importeren/")
    axe.check()
    header = "slug\tname\tsummary\n"
    page.get_by_label("Bestand").set_input_files({"name": "interventies.csv", "mimeType": "text/csv", "buffer": header.encode()})
    page.get_by_role("button", name="Importeren").click()
    page.get_by_role("alert").wait_for()
    assert "puntkomma" in page.get_by_role("alert").inner_text()
    axe.check("/beheer/interventies-importeren/ (bestand met tabs)")

    print(f"axe: {len(axe.checked)} pagina's gecontroleerd")
    assert not axe.problems, "Ernstige toegankelijkheidsproblemen (axe-core):\n" + "\n".join(axe.problems)
    record(
        "axe",
        {"version": AXE_VERSION, "tags": AXE_TAGS, "pages": axe.checked},
        lambda stored, now: (stored["version"], stored["tags"], [p["page"] for p in stored["pages"]])
        == (now["version"], now["tags"], [p["page"] for p in now["pages"]])
        and all(p["critical"] == p["serious"] == 0 for p in stored["pages"]),
    )


@pytest.mark.django_db(transaction=True)
def test_client_pages_on_a_phone(browser, live_server, knowledge):
    """Issue 16 on a phone-sized screen: code → plan → own action done → self-assessment → "klopt niet"
    with a reason → the professional sees it side by side. axe-core on every client page."""
    import datetime

    from slim.cases.models import Action
    from tests.factories import decide
    from slim.portal import operations
    from slim.portal.models import PlanCheck, SelfAssessment
    from tests.factories import open_case

    anna = make_user("anna")
    case = open_case(anna, goal="Weer rust in de financiën")
    decide(case.client, anna, "werk", "competenties", suggested_logic="kansen")
    own_action = _client_action(case, anna, datetime.date.today())
    code = operations.grouped(operations.create_code(case, anna)[1])

    context = browser.new_context(locale="nl-NL", base_url=live_server.url, viewport={"width": 320, "height": 640},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    axe = PhoneChecker(page)
    axe.visit("/mijn/")
    page.get_by_label("Je code").fill("FOUT-FOUT")
    page.get_by_role("button", name="Naar mijn plan").click()
    axe.check("/mijn/ (foute code)")
    page.get_by_label("Je code").fill(code)
    page.get_by_role("button", name="Naar mijn plan").click()
    page.wait_for_url("**/mijn/pincode/")
    axe.check()
    page.get_by_role("link", name="Nu niet. Ga naar mijn plan.").click()
    page.wait_for_url("**/mijn/plan/")
    assert page.get_by_role("button", name="Lees voor").is_visible()  # Chromium has speechSynthesis
    axe.check()
    if own_action is not None:
        page.get_by_role("button", name="Dit heb ik gedaan").click()
        page.wait_for_url("**/mijn/plan/")
        own_action.refresh_from_db()
        assert own_action.done_on is not None
    page.get_by_role("link", name="Hoe gaat het?").click()
    axe.check()
    werk = page.locator("#werk")
    werk.get_by_label("Ik wil het op mijn eigen manier.").check()
    werk.get_by_label("Ja, dat kan ik zelf.").check()
    werk.get_by_label("Zeg het in je eigen woorden (mag leeg blijven)").fill("Ik wil een eigen zaak")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/mijn/klopt-dit/")
    axe.check()
    form = page.locator("form#werk")
    form.get_by_label("Klopt niet").check()
    form.get_by_label("Waarom? (mag leeg blijven)").fill("Ik kan het al zelf")
    form.get_by_role("button", name="Stuur mijn antwoord").click()
    page.get_by_role("status").wait_for()
    axe.check("/mijn/klopt-dit/ (opgeslagen)")
    assert SelfAssessment.objects.get().logic == "ondernemen"
    assert PlanCheck.objects.get().reason == "Ik kan het al zelf"
    context.close()

    context = browser.new_context(locale="nl-NL", base_url=live_server.url)
    page = axe.page = context.new_page()
    login(page, "anna")
    page.goto(f"/mijn/team/{case.pk}/naast-elkaar/")
    row = page.locator("tr", has_text="Ik wil een eigen zaak")
    assert "verschil" in row.inner_text() and "Ik kan het al zelf" in row.inner_text()
    axe.check()
    page.goto(f"/casussen/{case.pk}/plan/")
    page.get_by_role("link", name="Toegang voor de cliënt (code)").click()
    page.get_by_role("button", name="Nieuwe code maken (30 dagen geldig)").click()
    assert page.locator("svg.qr").is_visible()
    axe.check()
    context.close()
    print(f"axe: {len(axe.checked)} pagina's van Mijn plan gecontroleerd")
    assert not axe.problems, "Ernstige toegankelijkheidsproblemen (axe-core):\n" + "\n".join(axe.problems)


class PhoneChecker(Checker):
    """axe-core, and no sideways scrolling at 320 px (WCAG 1.4.10) while the viewport is a phone's."""

    def check(self, label=None):
        super().check(label)
        width = self.page.evaluate("document.documentElement.scrollWidth")
        if self.page.viewport_size["width"] == 320 and width > 320:
            self.problems.append(f"{self.page.url}: {width} px breed bij 320 px")


def _client_action(case, director, due_on):
    """A plan action the client owns themself."""
    from slim.cases.models import Action

    return Action.objects.create(case=case, description="Zelf de post openen", owner_kind=Action.OwnerKind.CLIENT,
                                 due_on=due_on, created_by=director)
