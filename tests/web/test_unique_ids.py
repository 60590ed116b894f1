"""Every id on a page is unique: a label, an error link or aria-describedby pointing at a duplicate id
leads a screen reader to the wrong field (WCAG 4.1.1 in 2.1, and the ARIA references of 1.3.1).

The pages are fetched with the Django test client, as the user who would see them, and parsed with the
same small HTML parser the form-error tests use. Forms in an error state are included: they add ids.
"""

from collections import Counter

import pytest

from slim.accounts.models import User
from slim.interventions.models import Intervention
from slim.matching.models import Intake
from slim.mirror.models import Round, Team
from tests.factories import demo_world
from tests.helpers import Elements


def duplicate_ids(html):
    counts = Counter(element["attrs"]["id"] for element in Elements(html).elements if element["attrs"].get("id"))
    return sorted(element_id for element_id, count in counts.items() if count > 1)


@pytest.fixture
def world(knowledge):
    return demo_world(clients=5)


def test_the_check_finds_a_duplicate():
    assert duplicate_ids('<p id="a"></p><select id="b"></select><select id="b"></select>') == ["b"]


@pytest.mark.django_db
def test_no_page_has_a_duplicate_id(client, world):
    anna, case = world
    intake = Intake.objects.filter(client=case.client).first()
    team = Team.objects.get(name="Wijkteam Noord")
    closed = Round.objects.filter(team=team, closed_at__isnull=False).first()
    slug = Intervention.objects.order_by("slug").values_list("slug", flat=True).first()
    base = f"/casussen/{case.pk}/"
    pages = {
        "/", "/kennis/", "/kennis/logicas/", "/kennis/logicas/kansen/", "/interventies/", "/interventies/?q=schulden",
        f"/interventies/{slug}/", "/account/inloggen/", "/toegankelijkheid/",
    }
    problems = {}

    def check(label, response):
        assert response.status_code == 200, f"{label} gaf {response.status_code}"
        found = duplicate_ids(response.content.decode())
        if found:
            problems[label] = found

    for path in sorted(pages):
        check(path, client.get(path))
    client.force_login(anna)
    for path in (
        "/", "/matching/", "/matching/uitspraak/", f"/matching/clienten/{case.client.pk}/",
        f"/matching/clienten/{case.client.pk}/intake/", f"/matching/intakes/{intake.pk}/",
        "/casussen/", "/casussen/nieuw/", base, base + "plan/", base + "contacten/", base + "casusverhaal/",
        base + "mijn-plan/", base + "tijdlijn/", f"/privacy/clienten/{case.client.pk}/",
        base + "?wijzig=team", base + "?wijzig=toestemming", base + "?wijzig=status",  # the case page's forms, opened
        "/spiegel/", f"/spiegel/teams/{team.pk}/", f"/spiegel/rondes/{closed.pk}/", "/account/beveiliging/",
    ):
        check(path, client.get(path))
    # Forms in their error state.
    check("/matching/ (fout)", client.post("/matching/", {"name": ""}))
    check("/casussen/nieuw/ (fout)", client.post("/casussen/nieuw/", {"name": ""}))
    check(base + "contacten/ (fout)", client.post(base + "contacten/", {"held_on": ""}))
    check(f"/matching/clienten/{case.client.pk}/intake/ (fout)", client.post(f"/matching/clienten/{case.client.pk}/intake/", {}))
    domain = intake.domain_results()[0]
    other = next(logic for logic in ("kansen", "competenties", "sturing", "ondernemen") if logic != domain["logic"])
    check(
        f"/matching/intakes/{intake.pk}/ (andere logica zonder reden)",
        client.post(f"/matching/intakes/{intake.pk}/besluit/", {"domain": domain["domain"], "chosen_logic": other}),
    )
    client.force_login(User.objects.get(username="chantal"))
    check("/inzicht/", client.get("/inzicht/"))

    assert not problems, f"dubbele ids: {problems}"
