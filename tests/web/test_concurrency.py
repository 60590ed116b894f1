"""Many professionals writing at once, through the views, on real database connections.

Each thread is one professional with their own test client and so their own database
connection (Django's connections are per thread). On SQLite the test database is a file
(tests/conftest.py), so this exercises WAL, the busy timeout and IMMEDIATE transactions of
settings.py; on PostgreSQL the normal test database.
"""

import re
import threading

import pytest
from django.db import connections
from django.db.models import Count, Q, Sum
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from slim.cases.models import Case, Contact, ContactTally, Event, EventKind
from tests.conftest import make_user
from tests.factories import add_member, open_case

pytestmark = pytest.mark.django_db(transaction=True)

WRITERS = 16
CONTACTS_EACH = 10
CONFLICT = "Iemand anders heeft het plan intussen gewijzigd"


def run_all(work):
    """Run work(i) in WRITERS threads that start together; return the exceptions they raised."""
    start = threading.Barrier(WRITERS)
    errors = []

    def thread(i):
        try:
            start.wait()
            work(i)
        except Exception as error:  # noqa: BLE001 - every failure is reported by the test
            errors.append(repr(error))
        finally:
            connections.close_all()  # this thread's connections only

    threads = [threading.Thread(target=thread, args=(i,)) for i in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a writer hangs"
    return errors


@pytest.fixture
def team(professional):
    """A case led by anna with sixteen colleagues of her own team as members, each logged in on their own client."""
    case = open_case(professional, goal="Begin")
    users = [make_user(f"collega{i:02d}") for i in range(WRITERS)]
    http = []
    for user in users:
        add_member(case, user)
        client = HttpClient()
        client.force_login(user)
        http.append(client)
    return case, users, http


def test_sixteen_professionals_log_contacts_at_once_nothing_is_lost(team):
    case, users, http = team
    acknowledged = [[] for _ in range(WRITERS)]
    url = reverse("cases:contacts", args=[case.pk])

    def work(i):
        for n in range(CONTACTS_EACH):
            note = f"schrijver {i} contact {n}"
            flowed = (i + n) % 3 != 0
            response = http[i].post(url, {
                "held_on": timezone.localdate().isoformat(), "user": users[i].pk, "conversation_type": 1 + n % 7,
                "flowed": "ja" if flowed else "nee", "stall_reason": "" if flowed else "anders", "note": note,
            })
            assert response.status_code == 302 and response["Location"] == url, response.status_code
            acknowledged[i].append(note)

    errors = run_all(work)

    assert errors == []
    sent = {note for notes in acknowledged for note in notes}
    assert len(sent) == WRITERS * CONTACTS_EACH
    assert set(Contact.objects.filter(case=case).values_list("note", flat=True)) == sent
    assert Event.objects.filter(case=case, kind=EventKind.CONTACT).count() == len(sent)
    # The running tallies equal a recount of the contacts, per alignment.
    recount = {
        row["alignment"]: (row["contacts"], row["flowed"])
        for row in Contact.objects.filter(case=case).values("alignment").annotate(
            contacts=Count("id"), flowed=Count("id", filter=Q(flowed=True))
        )
    }
    tallies = {
        row.alignment: (row.contacts, row.flowed) for row in ContactTally.objects.filter(client=case.client)
    }
    assert tallies == recount
    assert ContactTally.objects.filter(client=case.client).aggregate(n=Sum("contacts"))["n"] == len(sent)


def test_sixteen_professionals_edit_one_plan_every_lost_race_is_reported(team):
    case, users, http = team
    start_version = case.version
    plan_url = reverse("cases:plan", args=[case.pk])
    goal_url = reverse("cases:plan-goal", args=[case.pk])
    first_round = [None] * WRITERS
    conflicts = [0] * WRITERS
    saved = [None] * WRITERS
    all_have_read = threading.Barrier(WRITERS)

    def version_on(page):
        return int(re.search(r'name="version" value="(\d+)"', page).group(1))

    def work(i):
        goal = f"Doel volgens collega {i}"
        version = version_on(http[i].get(plan_url).content.decode())
        all_have_read.wait(timeout=60)
        for attempt in range(4 * WRITERS):
            response = http[i].post(goal_url, {"version": version, "shared_goal": goal, "client_words": ""})
            if attempt == 0:
                first_round[i] = response.status_code
            if response.status_code == 302:
                saved[i] = goal
                return
            page = response.content.decode()
            assert response.status_code == 200 and CONFLICT in page, response.status_code
            assert f"{goal}</textarea>" in page  # the lost race keeps the user's input
            conflicts[i] += 1
            version = version_on(page)  # the form now carries the current version: saving again is a choice
        raise AssertionError(f"writer {i} never got through")

    errors = run_all(work)

    assert errors == []
    assert all(saved), "every writer got through in the end"
    case.refresh_from_db()
    # Every acknowledged save moved the plan one version on: none overwrote another unseen.
    assert case.version == start_version + WRITERS
    events = list(Event.objects.filter(case=case, kind=EventKind.GOAL).order_by("id"))
    assert sorted(event.detail for event in events) == sorted(saved)
    assert case.shared_goal == events[-1].detail
    # Everyone read the same version before the first round, so exactly one won it and fifteen were told.
    assert first_round.count(302) == 1 and first_round.count(200) == WRITERS - 1
    assert sum(conflicts) >= WRITERS - 1
