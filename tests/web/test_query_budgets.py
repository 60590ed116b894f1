"""Query budgets: every main page stays within BUDGET queries, whatever the number of contacts or members.

Each page is measured on a case with 1 and with 20 of everything that grows (members with an
approach, contacts, actions, events, consents): the count must be the same, so no query runs
per row. The count covers the whole request, middleware included: session and user (2) and the audit
trail (3: the chain head, the new line, the head again; the case pages name their client to it, slim.common.audited), so a case page has 7 of its own.
Not counted: transaction control, and the second-step device check (2, see SECOND_STEP_TABLES).
"""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from slim.accounts.models import Role
from slim.cases import operations
from slim.cases.models import Action, Category, Event, EventKind
from tests.conftest import make_user
from tests.factories import add_member, decide, give_consent, open_case, set_approach

pytestmark = pytest.mark.django_db

BUDGET = 12
DOMAINS = ["werk", "financien", "wonen", "gezondheid", "sociaal"]


def fill(director, size):
    """A case led by the director with `size` members, contacts, actions, approaches and events, and an intake."""
    case = open_case(director, name=f"Cliënt {size}", goal="Rust in de financiën")
    for i in range(size):
        member = make_user(f"lid{size}-{i}", organisation="Wijkteam Noord" if i % 2 else f"Partner {size}-{i}")
        add_member(case, member)
        if i % 2 == 0:
            give_consent(case, member.organisation, Category.ALL)
        set_approach(case, member, DOMAINS[i % len(DOMAINS)], "kansen")
        operations.log_contact(
            case, director, member, timezone.localdate(), 1 + i % 7, i % 3 != 0, "" if i % 3 else "anders", note=f"contact {i}"
        )
        Action.objects.create(
            case=case, description=f"actie {i}", owner=member, due_on=timezone.localdate() + datetime.timedelta(days=i),
            created_by=director,
        )
        Event.record(case, EventKind.CONTACT, director, f"contact {i}")
    return case


def advice_url(case):
    """The advice page, for a client with decisions on two domains (it reads the current ones)."""
    for domain in ("werk", "wonen"):
        decide(case.client, case.created_by, domain, "kansen")
    return reverse("cases:advice", args=[case.pk])


# Transaction control is not a query: the savepoints come from the test's own transaction and BEGIN
# from SQLite's IMMEDIATE mode, while PostgreSQL begins and commits without a statement.
TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT", "BEGIN")
# The second-step check (accounts/middleware.py, django-otp's user_has_device) asks both device tables
# on every request of a user without a device. Counted apart, and held to those two: it is the same on
# every page, and belongs to the login work, not to the pages (it could be remembered at login).
SECOND_STEP_TABLES = ('"otp_totp_totpdevice"', '"otp_static_staticdevice"')


def count(http, url):
    with CaptureQueriesContext(connection) as captured:
        response = http.get(url)
    assert response.status_code == 200, (url, response.status_code)
    queries = [q for q in captured if not q["sql"].lstrip().upper().startswith(TRANSACTION_CONTROL)]
    second_step = [q for q in queries if any(table in q["sql"] for table in SECOND_STEP_TABLES)]
    assert len(second_step) <= 2, [q["sql"][:120] for q in second_step]
    return len(queries) - len(second_step), [q for q in queries if q not in second_step]


def intake_url(http, case):
    response = http.post(
        reverse("matching:intake-new", args=[case.client.pk]),
        {"werk__statements": "Ik wil wel een vaste baan, maar ik kan het nog niet."},
    )
    assert response.status_code == 302
    return response["Location"]


@pytest.fixture
def director(db):
    return make_user("regisseur")


def opened(name, part):
    """The page `name` of a case with the forms of `part` open."""
    return lambda case: reverse(name, args=[case.pk]) + f"?wijzig={part}"


PAGES = {
    "casuslijst": lambda case: reverse("cases:list"),
    "casus": lambda case: reverse("cases:detail", args=[case.pk]),
    "plan": lambda case: reverse("cases:plan", args=[case.pk]),
    # The rare changes open on the same page (?wijzig=<part>): the opened forms stay within budget too.
    **{f"plan ?wijzig={part}": opened("cases:plan", part) for part in ("doel", "leefgebieden", "aanpak")},
    **{f"casus ?wijzig={part}": opened("cases:detail", part) for part in ("team", "toestemming", "status")},
    "advies": advice_url,
    "contactlog": lambda case: reverse("cases:contacts", args=[case.pk]),
    "tijdlijn": lambda case: reverse("cases:timeline", args=[case.pk]),
    "cliënt": lambda case: reverse("matching:client", args=[case.client.pk]),
    "naast-elkaar": lambda case: reverse("portal:side-by-side", args=[case.pk]),
    "toegang": lambda case: reverse("portal:code", args=[case.pk]),
}


@pytest.mark.parametrize("page", PAGES)
def test_case_pages_within_budget_whatever_the_size(client, director, page):
    client.force_login(director)
    counts = {}
    for size in (1, 20):
        case = fill(director, size)
        intake_url(client, case)
        url = PAGES[page](case)
        client.get(url)  # the first request after login also stamps the session
        counts[size], queries = count(client, url)
    detail = "\n".join(q["sql"][:160] for q in queries)
    assert counts[1] == counts[20], f"{page}: {counts} – a query per row\n{detail}"
    assert counts[20] <= BUDGET, f"{page}: {counts[20]} queries\n{detail}"


def test_intake_result_within_budget(client, director):
    client.force_login(director)
    counts = {}
    for size in (1, 20):
        case = fill(director, size)
        url = intake_url(client, case)
        client.get(url)
        counts[size], queries = count(client, url)
    assert counts[1] == counts[20] <= BUDGET, (counts, [q["sql"][:160] for q in queries])


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.TEAM_LEAD, Role.POLICY])  # the beheerder part is one count
def test_start_page_within_budget_whatever_the_size(client, director, role):
    """The personal start page (issue 15): a fixed number of queries per role, however many cases and actions."""
    director.role = role
    director.save()
    client.force_login(director)
    counts = {}
    for size in (1, 20):
        case = fill(director, size)
        advice_url(case)
        client.get(reverse("start"))
        counts[size], queries = count(client, reverse("start"))
    detail = "\n".join(q["sql"][:160] for q in queries)
    assert counts[1] == counts[20] <= BUDGET, f"{role}: {counts}\n{detail}"


def test_databank_search_page_within_budget(client, director):
    call_command("import_interventions", verbosity=0)
    client.force_login(director)
    url = reverse("interventions:search") + "?q=schulden"
    client.get(url)
    queries, captured = count(client, url)
    assert queries <= BUDGET, [q["sql"][:160] for q in captured]


def test_dashboard_within_budget(client):
    policy = make_user("beleid", role=Role.POLICY, organisation="Gemeente")
    client.force_login(policy)
    url = reverse("insights:dashboard")
    client.get(url)  # makes the snapshot the page reads from
    queries, captured = count(client, url)
    assert queries <= BUDGET, [q["sql"][:160] for q in captured]


def test_round_close_confirmation_and_import_page_within_budget(client):
    from slim.mirror.models import Membership, Round, Team
    from tests.conftest import verify_second_step

    lead = make_user("lea", role=Role.TEAM_LEAD)
    team = Team.objects.create(name="Wijkteam Noord")
    Membership.objects.create(team=team, user=lead, is_lead=True)
    round = Round.objects.create(team=team, title="Najaar", opened_by=lead)
    client.force_login(lead)
    url = reverse("mirror:round-close", args=[round.pk])
    client.get(url)
    queries, captured = count(client, url)
    assert queries <= BUDGET, [q["sql"][:160] for q in captured]
    admin = make_user("bea", role=Role.ADMIN, organisation="Gemeente")
    client.force_login(admin)
    verify_second_step(client, admin)
    url = reverse("interventions-import")
    client.get(url)
    queries, captured = count(client, url)
    assert queries <= BUDGET, [q["sql"][:160] for q in captured]
