"""Stored match/clash: the current decision flag, the case alignment and the contact alignment."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from slim.cases import operations
from slim.cases.models import Alignment, Case, CaseMember, CaseRole, Client, Contact, MemberApproach
from slim.matching.models import Decision
from tests import factories
from tests.conftest import make_user

NOW = timezone.now()


@pytest.fixture
def anna(db):
    return make_user("anna")


@pytest.fixture
def case(anna):
    client = Client.objects.create(name="Testcliënt", created_by=anna)
    case = Case.objects.create(client=client, created_by=anna)
    CaseMember.objects.create(case=case, user=anna, role=CaseRole.DIRECTOR, added_by=anna)
    return case


def decide(case, domain, logic, days_ago=0):
    return factories.decide(case.client, case.created_by, domain, logic, decided_at=NOW - datetime.timedelta(days=days_ago))


def approach(case, user, domain, logic):
    """The logic `user` works from in `domain` (empty: none), through the operation the plan page calls."""
    version = Case.objects.get(pk=case.pk).version
    operations.change_approach(case, case.created_by, version, user, domain, logic)
    return MemberApproach.objects.filter(case=case, user=user, domain=domain).first()


def contact(case, user):
    return operations.log_contact(case, user, user, timezone.localdate(), 1, True)


def stored(case):
    return Case.objects.get(pk=case.pk).alignment


def test_only_the_latest_decision_per_domain_is_current(case):
    old = decide(case, "werk", "sturing", days_ago=30)
    new = decide(case, "werk", "kansen", days_ago=1)
    late_entry_of_an_older_view = decide(case, "werk", "competenties", days_ago=10)
    other_domain = decide(case, "wonen", "sturing", days_ago=20)
    current = set(Decision.objects.filter(is_current=True).values_list("pk", flat=True))
    assert current == {new.pk, other_domain.pk}
    assert not late_entry_of_an_older_view.is_current and new.pk != old.pk


def test_case_alignment_follows_decisions_and_approaches(case, anna):
    assert stored(case) == Alignment.UNKNOWN
    approach(case, anna, "werk", "kansen")
    assert stored(case) == Alignment.UNKNOWN  # no decision in werk yet: nothing to compare
    decide(case, "werk", "kansen")
    assert stored(case) == Alignment.MATCH
    decide(case, "werk", "sturing")
    assert stored(case) == Alignment.CLASH
    approach(case, anna, "werk", "sturing")
    assert stored(case) == Alignment.MATCH
    approach(case, anna, "werk", "")
    assert stored(case) == Alignment.UNKNOWN


def test_one_clash_anywhere_makes_the_case_clash(case, anna):
    bram = make_user("bram", organisation="Schuldhulp")
    decide(case, "werk", "kansen")
    decide(case, "wonen", "sturing")
    approach(case, anna, "werk", "kansen")
    approach(case, bram, "wonen", "ondernemen")
    assert stored(case) == Alignment.CLASH


def test_a_contact_keeps_the_alignment_of_its_moment(case, anna):
    decide(case, "werk", "kansen")
    approach(case, anna, "werk", "kansen")
    before = contact(case, anna)
    decide(case, "werk", "competenties")
    after = contact(case, anna)
    assert Contact.objects.get(pk=before.pk).alignment == Alignment.MATCH
    assert Contact.objects.get(pk=after.pk).alignment == Alignment.CLASH


def test_a_contact_by_someone_without_an_approach_is_not_comparable(case, anna):
    decide(case, "werk", "kansen")
    approach(case, anna, "werk", "kansen")
    carla = make_user("carla")
    assert contact(case, carla).alignment == Alignment.UNKNOWN


def test_a_closed_case_keeps_the_alignment_it_closed_with(case, anna):
    decide(case, "werk", "kansen")
    approach(case, anna, "werk", "sturing")
    stale = Case.objects.get(pk=case.pk)
    operations.set_status(stale, anna, True, "Afgehaakt", Case.Outcome.DROPPED_OUT)
    assert stored(case) == Alignment.CLASH
    decide(case, "werk", "sturing")  # the client's view changes after the case closed
    assert stored(case) == Alignment.CLASH
    stale.save()  # a later save of an old instance does not rewrite history
    assert stored(case) == Alignment.CLASH
    operations.set_status(stale, anna, False, "Weer open")
    assert stored(case) == Alignment.MATCH


def test_a_stale_instance_does_not_undo_a_refresh(case, anna):
    stale = Case.objects.get(pk=case.pk)
    decide(case, "werk", "kansen")
    approach(case, anna, "werk", "kansen")
    operations.change_goal(stale, anna, Case.objects.get(pk=case.pk).version, shared_goal="Werk vinden")
    assert stored(case) == Alignment.MATCH


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_stored_fields_from_existing_rows():
    executor = MigrationExecutor(connection)
    before = [("cases", "0003_outcome"), ("matching", "0001_initial")]
    executor.migrate(before)
    accounts = [node for node in executor.loader.graph.leaf_nodes() if node[0] == "accounts"]
    apps = executor.loader.project_state(before + accounts).apps
    User = apps.get_model("accounts", "User")
    OldClient, OldCase = apps.get_model("cases", "Client"), apps.get_model("cases", "Case")
    OldDecision = apps.get_model("matching", "Decision")
    OldApproach, OldContact = apps.get_model("cases", "MemberApproach"), apps.get_model("cases", "Contact")
    anna = User.objects.create(username="anna")
    client = OldClient.objects.create(name="Oud", created_by=anna)
    case = OldCase.objects.create(client=client, created_by=anna)
    for logic, days in (("sturing", 30), ("kansen", 1)):
        OldDecision.objects.create(
            client=client, domain="werk", chosen_logic=logic, decided_by=anna, decided_at=NOW - datetime.timedelta(days=days)
        )
    OldApproach.objects.create(case=case, user=anna, domain="werk", logic="kansen")
    OldContact.objects.create(
        case=case, held_on=timezone.localdate(), user=anna, conversation_type=1, flowed=True, recorded_by=anna
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert list(Decision.objects.filter(is_current=True).values_list("chosen_logic", flat=True)) == ["kansen"]
    assert Case.objects.get(pk=case.pk).alignment == Alignment.MATCH
    assert Contact.objects.get().alignment == Alignment.MATCH
