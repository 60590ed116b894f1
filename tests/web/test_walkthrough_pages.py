"""Issue 15, polish from the walkthrough, over the main pages at once: labels instead of raw keys
(`sociaal_netwerk`), dates in Dutch ("7 december 2026"), and one form of address (je or u) on every
page a client reads. The pages are rendered with the demo case, the demo team, the databank and
synthetic policy data, as each role sees them."""

import re
from html.parser import HTMLParser

import pytest

from slim.interventions.models import Intervention
from slim.matching.models import Intake
from slim.mirror.models import Round, Team
from slim.portal import operations as portal
from tests.factories import as_user, demo_world

pytestmark = pytest.mark.django_db

# A code with an underscore in running text is a key the reader should never see.
RAW_KEY = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
# Dates the reader should not get: ISO, numeric Dutch, English month names.
NOT_DUTCH_DATE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}-\d{1,2}-\d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
DUTCH_DATE = re.compile(r"\b\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}\b")
JE = re.compile(r"\b(?:je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
U = re.compile(r"\b(?:u|uw|uzelf)\b", re.IGNORECASE)


class VisibleText(HTMLParser):
    """The text a reader sees in <main>: no attributes, scripts, styles or <code> (commands are shown as typed);
    with pre=False also no <pre> (a draft document shown as it will be published, such as the Algoritmeregister text)."""

    SKIP = {"script", "style", "code", "template"}

    def __init__(self, html, pre=True):
        super().__init__()
        self.main, self.skip, self.parts = 0, 0, []
        self.SKIP = self.SKIP if pre else self.SKIP | {"pre"}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.main += 1
        if tag in self.SKIP:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.main -= 1
        if tag in self.SKIP:
            self.skip -= 1

    def handle_data(self, data):
        if self.main and not self.skip:
            self.parts.append(data)

    @property
    def text(self):
        return " ".join(" ".join(self.parts).split())


def visible(response, pre=True):
    assert response.status_code == 200, response
    return VisibleText(response.content.decode(), pre).text


@pytest.fixture
def world(knowledge):
    from slim.quality.demo import demo as demo_quality

    _anna, case = demo_world(clients=30)
    demo_quality()
    return case


def main_pages(client, case):
    """{page: visible text} of the main pages, for a professional, a team lead and a policy maker."""
    from slim.accounts.models import User

    users = {user.username: user for user in User.objects.all()}
    intake = Intake.objects.filter(client=case.client).first()
    team = Team.objects.get(name="Wijkteam Noord")
    closed = Round.objects.filter(team=team, closed_at__isnull=False).first()
    slug = Intervention.objects.order_by("slug").values_list("slug", flat=True).first()
    fit = "&".join(f"fit={d.domain}:{d.chosen_logic}" for d in case.client.decisions.filter(is_current=True))
    base = f"/casussen/{case.pk}/"
    pages = {}
    as_user(client, users["anna"])
    for path in (
        "/start/", "/casussen/", base, base + "advies/", base + "plan/", base + "contacten/", base + "casusverhaal/",
        base + "mijn-plan/", base + "tijdlijn/", "/matching/", f"/matching/clienten/{case.client.pk}/",
        f"/matching/intakes/{intake.pk}/", f"/interventies/?{fit}", f"/interventies/{slug}/?{fit}",
        f"/mijn/team/{case.pk}/naast-elkaar/", f"/privacy/clienten/{case.client.pk}/", "/spiegel/",
        f"/spiegel/teams/{team.pk}/", f"/spiegel/rondes/{closed.pk}/", "/kennis/leefgebieden/",
    ):
        response = client.get(path)
        pages[f"anna {path}"], pages[f"anna {path} (zonder pre)"] = visible(response), visible(response, pre=False)
    as_user(client, users["chantal"])
    from slim.quality.models import Study

    studies = [f"/kwaliteit/onderzoek/{study.pk}/" for study in Study.objects.all()]  # one open (labelling), one closed
    for path in ("/start/", "/inzicht/", "/kwaliteit/overeenstemming/", "/kwaliteit/drift/", "/kwaliteit/publicatie/", *studies):
        response = client.get(path)
        pages[f"chantal {path}"], pages[f"chantal {path} (zonder pre)"] = visible(response), visible(response, pre=False)
    as_user(client, users["dirk"])
    for path in ("/start/", "/inzicht/"):
        response = client.get(path)
        pages[f"dirk {path}"], pages[f"dirk {path} (zonder pre)"] = visible(response), visible(response, pre=False)
    return pages


def client_pages(client, case):
    """{page: visible text} of every page the client reads: the portal after the code, and the B1 plan."""
    from slim.accounts.models import User

    anna = User.objects.get(username="anna")
    code = portal.create_code(case, anna)[1]
    pages = {"/mijn/": visible(client.get("/mijn/"))}
    client.post("/mijn/", {"code": code})
    for path in ("/mijn/plan/", "/mijn/zelf/", "/mijn/klopt-dit/"):
        pages[path] = visible(client.get(path))
    client.get("/mijn/uit/")
    as_user(client, anna)
    pages["mijn-plan (B1, met de professional)"] = visible(client.get(f"/casussen/{case.pk}/mijn-plan/"))
    return pages


def test_no_raw_keys_and_dates_in_dutch_on_the_main_pages(client, world):
    pages = main_pages(client, world)
    raw = {page: sorted(set(RAW_KEY.findall(text))) for page, text in pages.items() if RAW_KEY.search(text)}
    assert not raw, raw
    wrong = {page: sorted(set(NOT_DUTCH_DATE.findall(text))) for page, text in pages.items() if NOT_DUTCH_DATE.search(text)}
    assert not wrong, wrong
    dated = [page for page, text in pages.items() if DUTCH_DATE.search(text)]
    assert {"anna /start/", f"anna /casussen/{world.pk}/tijdlijn/"} <= set(dated), dated  # the check reads real dates


def test_the_professionals_pages_use_one_form_of_address(client, world):
    """'je' on the pages; a draft shown as the document it will be (<pre>, addressed to citizens) may say 'u'."""
    pages = {page: text for page, text in main_pages(client, world).items() if page.endswith("(zonder pre)")}
    both = {page: U.findall(text)[:3] for page, text in pages.items() if JE.search(text) and U.search(text)}
    assert not both, both


def test_client_pages_use_one_form_of_address(client, world):
    pages = client_pages(client, world)
    both = {page: (JE.findall(text)[:3], U.findall(text)[:3]) for page, text in pages.items() if JE.search(text) and U.search(text)}
    assert not both, both
    assert all(JE.search(text) for text in pages.values()), "every client page says 'je' (B1, informal)"
    raw = {page: RAW_KEY.findall(text) for page, text in pages.items() if RAW_KEY.search(text)}
    assert not raw, raw
