"""Policy dashboards: access, exact counts on a small fixture, suppression below 10 clients, CSV, commands."""

import csv
import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import include, path, reverse
from django.utils import timezone

from slim.accounts.models import Role, User
from slim.cases import operations
from slim.cases.models import Case, CaseMember, CaseRole, Client, Contact
from slim.insights import demo
from slim.insights.pseudonyms import pseudonymised_rows
from slim.common import safecsv
from slim.insights.queries import Figures
from slim.common.suppression import Cell, protect_parts
from slim.insights.tables import TABLES
from slim.interventions.models import Intervention, InterventionTag, Term
from slim.matching.models import Decision
from slim.project import urls as project_urls
from tests.conftest import make_user, verify_second_step
from tests.factories import decide, set_approach

# Until the project urls include the app, the tests mount it themselves.
urlpatterns = list(project_urls.urlpatterns)
if not any(getattr(pattern, "namespace", None) == "insights" for pattern in urlpatterns):
    urlpatterns.append(path("inzicht/", include("slim.insights.urls")))

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

NOW = timezone.now()


@pytest.fixture
def people(db):
    return {
        "anna": make_user("anna"),
        "bram": make_user("bram", organisation="Schuldhulp Stad"),
        "carla": make_user("carla"),
        "chantal": make_user("chantal", role=Role.TEAM_LEAD),
        "dirk": make_user("dirk", role=Role.POLICY, organisation="Gemeente"),
        "beheer": make_user("beheer", role=Role.ADMIN, organisation="Gemeente"),
        "audit": make_user("audit", role=Role.AUDITOR, organisation="Gemeente"),
    }


def _client(number, creator, logics, history=None):
    client = Client.objects.create(name=f"Testcliënt Jansen {number}", bsn="111222333", created_by=creator)
    for domain, logic in (history or {}).items():
        decide(client, creator, domain, logic, decided_at=NOW - datetime.timedelta(days=60))
    for domain, logic in logics.items():
        decide(client, creator, domain, logic, decided_at=NOW - datetime.timedelta(days=10))
    return client


def _case(client, members):
    case = Case.objects.create(client=client, created_by=members[0])
    for position, user in enumerate(members):
        role = CaseRole.DIRECTOR if position == 0 else CaseRole.MEMBER
        CaseMember.objects.create(case=case, user=user, role=role, added_by=members[0])
    return case


def _contact(case, user, flowed):
    operations.log_contact(case, user, user, timezone.localdate(), 1, flowed, "" if flowed else "anders")


@pytest.fixture
def municipality(people):
    """Group A: 12 clients now 'kansen' in werk (earlier 'sturing'); anna matches, bram clashes.
    Group B: 3 clients 'sturing' in werk; anna matches, carla has no approach (not comparable)."""
    anna, bram, carla = people["anna"], people["bram"], people["carla"]
    group_a = []
    for number in range(12):
        client = _client(number, anna, {"werk": "kansen"}, history={"werk": "sturing"})
        case = _case(client, [anna, bram])
        set_approach(case, anna, "werk", "kansen")
        set_approach(case, bram, "werk", "sturing")
        _contact(case, anna, True)
        _contact(case, anna, True)
        _contact(case, anna, False)
        _contact(case, bram, False)
        if number < 10:
            _contact(case, bram, True)
        group_a.append(case)
    for number in range(12, 15):
        client = _client(number, anna, {"werk": "sturing"})
        case = _case(client, [anna, carla])
        set_approach(case, anna, "werk", "sturing")
        _contact(case, anna, True)
        _contact(case, carla, False)
    first = Intervention.objects.create(slug="een", name="Een", summary="s", goal="g", approach="a", source_url="https://example.org/1")
    second = Intervention.objects.create(slug="twee", name="Twee", summary="s", goal="g", approach="a", source_url="https://example.org/2")
    for intervention, codes in ((first, ["kansen", "competenties"]), (second, ["sturing"])):
        for position, code in enumerate(codes):
            term, _ = Term.objects.get_or_create(facet="logic", code=code)
            InterventionTag.objects.create(intervention=intervention, term=term, position=position)
    return group_a


def rows(slug):
    table = TABLES[slug](Figures())
    return {row[0]: [str(safecsv.number(cell.csv())) for cell in row[1:]] for row in table.rows}


def login(client, user):
    client.force_login(user)
    if user.requires_second_factor:  # admins must pass the TOTP step; these tests are about what comes after
        verify_second_step(client, user)
    return client


# --- access ---------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("insights:dashboard"))
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


@pytest.mark.parametrize("name", ["anna", "beheer", "audit"])
def test_other_roles_get_403(client, people, name):
    login(client, people[name])
    assert client.get(reverse("insights:dashboard")).status_code == 403
    assert client.get(reverse("insights:csv", args=["kloof"])).status_code == 403


@pytest.mark.parametrize("name", ["dirk", "chantal"])
def test_policy_and_team_lead_see_the_dashboard(client, people, municipality, name):
    response = login(client, people[name]).get(reverse("insights:dashboard"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in page and "<desc" in page and "<caption" in page
    assert "style=" not in page and not re.search(r"<script(?![^>]*\bsrc=)", page)  # the CSP forbids inline ones
    assert "Testcliënt" not in page and "111222333" not in page


# --- counts and suppression -----------------------------------------------------------------------


def test_latest_decision_per_client_and_domain_counts(municipality):
    werk = rows("logica-per-leefgebied")["Werk"]
    # kansen, competenties, sturing, ondernemen, then the four shares, then the total
    assert werk[:4] == ["12", "<10", "<10", "<10"]
    assert werk[4] == "80,0" and werk[6] == "<10"
    assert werk[8] == "15"


def test_a_single_hidden_part_hides_the_smallest_other_part_too():
    parts = protect_parts([Cell(10, 10), Cell(11, 11), Cell(2, 2)], Cell(23, 23))
    assert [part.csv() for part in parts] == ["<10", 11, "<10"]
    assert Cell(0, 0).csv() == "<10" and Cell(0).csv() == 0


def test_contacts_when_approach_and_logic_match_or_clash(municipality):
    table = rows("contacten-past-botst")
    match, clash, unknown = table.values()
    # contacts, flowed, stalled, share stalled, clients
    assert match == ["39", "27", "12", "30,8", "15"]
    assert clash == ["22", "10", "12", "54,5", "12"]
    assert unknown == ["<10"] * 5


def test_dropout_when_approach_and_logic_match_or_clash(municipality):
    for number, case in enumerate(municipality[:11]):
        outcome = Case.Outcome.DROPPED_OUT if number < 10 else Case.Outcome.GOAL_REACHED
        operations.set_status(case, case.created_by, True, "Afgesloten", outcome)
    match, clash, unknown = rows("afhaken-past-botst").values()
    # cases, closed, dropped out, share of closed
    assert clash == ["12", "11", "10", "90,9"]
    assert match == ["<10", "<10", "<10", "<10"]


def test_offer_and_gap(municipality):
    offer = rows("aanbod-per-logica")
    assert offer["Kansen"] == ["1", "12", "12"]
    assert offer["Sturing"] == ["1", "15", "15"]
    assert offer["Competenties"] == ["1", "<10", "<10"]
    assert offer["Ondernemen"] == ["0", "<10", "<10"]
    gap = rows("kloof")
    # client share, interventions share, difference, approaches share, difference
    assert gap["Kansen"] == ["80,0", "33,3", "-46,7", "44,4", "-35,6"]
    assert gap["Sturing"][0] == "<10" and gap["Sturing"][2] == "<10"
    assert rows("aanpak-per-leefgebied")["Werk"] == ["12", "<10", "15", "<10"]


# --- CSV ------------------------------------------------------------------------------------------


def test_csv_has_the_same_suppression_as_the_page(client, people, municipality):
    response = login(client, people["dirk"]).get(reverse("insights:csv", args=["logica-per-leefgebied"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0][0] == "Leefgebied"
    werk = next(row for row in table if row[0] == "Werk")
    assert werk[1:5] == ["12", "<10", "<10", "<10"]
    page = client.get(reverse("insights:dashboard")).content.decode()
    assert "&lt;10" in page


def test_every_table_downloads(client, people, municipality):
    login(client, people["dirk"])
    for slug in TABLES:
        assert client.get(reverse("insights:csv", args=[slug])).status_code == 200


def test_unknown_table_gives_a_clear_404(client, people):
    response = login(client, people["dirk"]).get(reverse("insights:csv", args=["bestaat-niet"]))
    assert response.status_code == 404
    assert "Deze tabel bestaat niet" in response.content.decode()


def test_empty_database_renders(client, people):
    assert login(client, people["dirk"]).get(reverse("insights:dashboard")).status_code == 200


# --- commands -------------------------------------------------------------------------------------


def test_pseudonymised_export_has_no_names_bsn_or_days(municipality, tmp_path, settings):
    settings.SLIM_PSEUDONYM_KEY = "test-sleutel"
    target = tmp_path / "export.csv"
    call_command("export_pseudonymised", output=str(target))
    text = target.read_text(encoding="utf-8-sig")
    assert "Testcliënt" not in text and "Jansen" not in text and "111222333" not in text
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert table[0] == ["pseudoniem", "leefgebied", "logica", "besloten_in_maand"]
    body = table[1:]
    assert len(body) == 15  # one row per client and domain: history does not count
    assert all(re.fullmatch(r"[0-9a-f]{64}", row[0]) and re.fullmatch(r"\d{4}-\d{2}", row[3]) for row in body)
    assert sorted(row[2] for row in body) == ["kansen"] * 12 + ["sturing"] * 3
    ids = [str(pk) for pk in Client.objects.values_list("pk", flat=True)]
    assert not any(row[0] in ids for row in body)
    settings.SLIM_PSEUDONYM_KEY = "andere-sleutel"
    assert {row[0] for row in pseudonymised_rows()}.isdisjoint({row[0] for row in body})


def test_generate_demo_small_run_and_reset(client, people):
    out = io.StringIO()
    call_command("generate_demo", clients=40, stdout=out)
    owner = User.objects.get(username=demo.CREATOR)
    assert Client.objects.filter(created_by=owner).count() == 40
    assert Case.objects.filter(created_by=owner).count() == 40
    contacts = Contact.objects.filter(case__created_by=owner).count()
    assert 40 * 5 <= contacts <= 40 * 15
    assert Client.objects.filter(created_by=owner, name="Cliënt 000001").exists()
    assert not Case.objects.filter(created_by=owner, status=Case.Status.CLOSED, outcome="").exists()
    assert login(client, people["dirk"]).get(reverse("insights:dashboard")).status_code == 200
    call_command("generate_demo", reset=True, stdout=out)
    assert not Client.objects.filter(name__startswith="Cliënt 0").exists()
    assert not User.objects.filter(username__startswith="synthetisch").exists()
    assert User.objects.filter(username="anna").exists()


def test_generate_demo_refuses_bad_input():
    with pytest.raises(CommandError):
        call_command("generate_demo", clients=-5)
    with pytest.raises(CommandError):
        call_command("generate_demo")


def test_generated_rows_follow_the_products_own_rules(people):
    """The generator writes stored fields directly (COPY); they must equal what the product would store."""
    from slim.cases.alignment import case_alignment, member_alignment
    from slim.cases.models import ContactTally

    call_command("generate_demo", clients=30, stdout=io.StringIO())
    for case in Case.objects.filter(status=Case.Status.OPEN):
        assert case.alignment == case_alignment(case.pk, case.client_id)
    for contact in Contact.objects.all()[:200]:
        assert contact.alignment == member_alignment(contact.case_id, contact.user_id, contact.case.client_id)
    recount = {}
    for client_id, alignment, flowed in Contact.objects.values_list("case__client", "alignment", "flowed"):
        numbers = recount.setdefault((client_id, alignment), [0, 0])
        numbers[0] += 1
        numbers[1] += flowed
    stored = {(t.client_id, t.alignment): [t.contacts, t.flowed] for t in ContactTally.objects.all()}
    assert stored == recount
    current = Decision.objects.filter(is_current=True)
    assert current.count() == current.values("client", "domain").distinct().count()


# --- snapshots --------------------------------------------------------------------------------------


def test_a_snapshot_gives_the_same_tables_as_live_queries(municipality):
    from slim.insights.models import Snapshot

    stored = Figures(Snapshot.take().figures)
    for slug, build in TABLES.items():
        assert list(build(stored).csv_rows()) == list(build(Figures()).csv_rows()), slug


def test_the_page_answers_from_a_young_snapshot_and_recounts_on_request(client, people, municipality, settings):
    settings.SLIM_INSIGHTS_MAX_AGE_MINUTES = 60
    login(client, people["dirk"])
    assert "Cijfers geteld op" in client.get(reverse("insights:dashboard")).content.decode()
    csv_before = client.get(reverse("insights:csv", args=["logica-per-leefgebied"])).content
    for number in range(20, 32):
        _client(number, people["anna"], {"wonen": "ondernemen"})
    assert client.get(reverse("insights:csv", args=["logica-per-leefgebied"])).content == csv_before
    response = client.post(reverse("insights:refresh"), follow=True)
    assert "opnieuw geteld" in response.content.decode()
    csv_after = client.get(reverse("insights:csv", args=["logica-per-leefgebied"])).content.decode()
    wonen = next(row for row in csv.reader(io.StringIO(csv_after.removeprefix("\ufeff")), delimiter=";") if row[0] == "Wonen")
    assert wonen[4] == "12"  # ondernemen


def test_an_old_snapshot_is_replaced_on_the_next_visit(client, people, municipality, settings):
    from slim.insights.models import Snapshot

    settings.SLIM_INSIGHTS_MAX_AGE_MINUTES = 15
    old = Snapshot.take()
    Snapshot.objects.filter(pk=old.pk).update(taken_at=timezone.now() - datetime.timedelta(minutes=16))
    login(client, people["dirk"]).get(reverse("insights:dashboard"))
    assert Snapshot.objects.first().pk != old.pk


def test_refresh_needs_a_post_and_a_policy_role(client, people):
    assert login(client, people["dirk"]).get(reverse("insights:refresh")).status_code == 405
    assert login(client, people["anna"]).post(reverse("insights:refresh")).status_code == 403


def test_refresh_command_keeps_only_the_newest_snapshots(municipality):
    from slim.insights.models import KEEP, Snapshot

    out = io.StringIO()
    for _ in range(KEEP + 2):
        call_command("refresh_insights", stdout=out)
    assert "cijfers geteld op" in out.getvalue()
    assert Snapshot.objects.count() == KEEP
