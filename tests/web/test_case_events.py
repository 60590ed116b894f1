"""Case events keep data and are put into words in the reader's language."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from slim.cases import operations
from slim.cases.events import describe
from slim.cases.models import Event, EventKind
from tests.conftest import make_user


def test_a_contact_event_is_data_shown_in_the_readers_language(client_as_professional, professional):
    case = operations.open_case(professional, "Rust in de geldzaken", client_name="Mevrouw K.")
    operations.log_contact(case, professional, professional, timezone.localdate(), 2, False, "andere_wens")
    event = case.events.get(kind=EventKind.CONTACT)
    assert event.data["flowed"] is False and event.data["stall_reason"] == "andere_wens" and event.detail == ""
    dutch = client_as_professional.get(reverse("cases:timeline", args=[case.pk])).content.decode()
    client_as_professional.cookies["django_language"] = "en"  # the language switch's remembered choice
    english = client_as_professional.get(reverse("cases:timeline", args=[case.pk]))
    assert "haperde: cliënt wil iets anders" in dutch
    assert "haperde" not in english.content.decode() and "stalled" in english.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_migration_reads_old_event_texts_back_into_data_and_keeps_the_rest():
    executor = MigrationExecutor(connection)
    before = [("cases", "0006_client_to_clients_app")]
    executor.migrate(before)
    accounts = [node for node in executor.loader.graph.leaf_nodes() if node[0] == "accounts"]
    apps = executor.loader.project_state(before + accounts).apps
    User, Client = apps.get_model("accounts", "User"), apps.get_model("clients", "Client")
    Case, OldEvent = apps.get_model("cases", "Case"), apps.get_model("cases", "Event")
    anna = User.objects.create(username="anna")
    case = Case.objects.create(client=Client.objects.create(name="Oud", created_by=anna), created_by=anna)
    old = {
        "strategie": "Sturing",
        "doel_leefgebied": "Werk: Een baan van 20 uur",
        "gesloten": "Doel bereikt",
        "lid_toegevoegd": "Bram (Schuldhulp): lid",
    }
    for kind, detail in old.items():
        OldEvent.objects.create(case=case, kind=kind, actor=anna, detail=detail, at=timezone.now() - datetime.timedelta(days=1))

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    events = {event.kind: event for event in Event.objects.filter(case_id=case.pk)}
    assert events["strategie"].data == {"logic": "sturing"}
    assert events["doel_leefgebied"].data["domain"] == "werk" and events["doel_leefgebied"].detail == "Een baan van 20 uur"
    assert events["doel_leefgebied"].data["legacy_detail"] == old["doel_leefgebied"]
    for kind in ("gesloten", "lid_toegevoegd"):  # free text, or text that cannot be read back: shown as it was
        assert events[kind].data == {} and describe(events[kind]) == old[kind]


def test_a_decision_on_the_timeline_names_the_logic_in_the_readers_language(client_as_professional, professional):
    from tests.factories import decide

    case = operations.open_case(professional, "Rust in de geldzaken", client_name="Mevrouw K.")
    decide(case.client, professional, "werk", "ondernemen")
    client_as_professional.cookies["django_language"] = "en"
    english = client_as_professional.get(reverse("cases:timeline", args=[case.pk])).content.decode()
    assert "Work: Enterprising" in english and "Ondernemen" not in english
