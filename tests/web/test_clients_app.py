"""The clients app: its model moved out of cases without losing a row."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from slim.cases.models import Case
from slim.clients.models import Client
from slim.matching.models import Intake


@pytest.mark.django_db(transaction=True)
def test_moving_client_to_its_own_app_keeps_clients_and_their_links():
    executor = MigrationExecutor(connection)
    before = [("cases", "0005_contacttally"), ("matching", "0002_decision_is_current")]
    executor.migrate(before)
    accounts = [node for node in executor.loader.graph.leaf_nodes() if node[0] == "accounts"]
    apps = executor.loader.project_state(before + accounts).apps
    User = apps.get_model("accounts", "User")
    OldClient, OldCase = apps.get_model("cases", "Client"), apps.get_model("cases", "Case")
    OldIntake = apps.get_model("matching", "Intake")
    anna = User.objects.create(username="anna")
    client = OldClient.objects.create(name="Oud", bsn="111222333", created_by=anna)
    case = OldCase.objects.create(client=client, created_by=anna)
    OldIntake.objects.create(client=client, created_by=anna, payload={}, result={})

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    moved = Client.objects.get(pk=client.pk)
    assert (moved.name, moved.bsn) == ("Oud", "111222333")
    assert Case.objects.get(pk=case.pk).client == moved
    assert Intake.objects.get().client == moved
