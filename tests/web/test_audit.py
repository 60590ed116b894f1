import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from slim.accounts.models import Role
from slim.audit.chain import verify
from slim.audit.models import AppendOnlyError, AuditEvent
from slim.cases.models import Client
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_reading_and_writing_client_data_is_recorded(client_as_professional, professional):
    person = Client.objects.create(name="Mevrouw K.", created_by=professional)
    client_as_professional.get(reverse("matching:client", args=[person.pk]), REMOTE_ADDR="10.1.2.3")
    client_as_professional.post(reverse("matching:intake-new", args=[person.pk]), {"werk__kunnen": "overloaded"})
    events = list(AuditEvent.objects.order_by("id"))
    assert [(e.username, e.action, e.client_id) for e in events] == [
        ("anna", "lezen", person.pk),
        ("anna", "schrijven", person.pk),
    ]
    assert events[0].ip_address == "10.1.2.3"
    assert events[0].view == "matching:client"


def test_denied_attempts_are_recorded_too(client, professional, other_professional):
    person = Client.objects.create(name="Mevrouw K.", created_by=professional)
    client.force_login(other_professional)
    client.get(reverse("matching:client", args=[person.pk]))
    event = AuditEvent.objects.get()
    assert event.username == "bram" and event.status == 404


def test_chain_verifies_and_detects_tampering(client_as_professional, professional):
    person = Client.objects.create(name="Mevrouw K.", created_by=professional)
    for _ in range(3):
        client_as_professional.get(reverse("matching:client", args=[person.pk]))
    assert verify() == (True, 3, None)
    call_command("verify_audit")
    first = AuditEvent.objects.order_by("id").first()
    with pytest.raises(AppendOnlyError):
        first.save()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET username = 'iemand' WHERE id = %s", [first.id])
    with connection.cursor() as cursor:  # someone who drops the trigger still breaks the chain (rolled back after the test)
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER audit_event_no_update")
        else:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only")
        cursor.execute("UPDATE audit_auditevent SET username = 'iemand' WHERE id = %s", [first.id])
    ok, _, broken = verify()
    assert not ok and broken == first.id


def test_only_auditors_read_the_trail(client, professional):
    client.force_login(professional)
    assert client.get(reverse("audit:trail")).status_code == 403
    auditor = make_user("audrey", role=Role.AUDITOR)
    client.force_login(auditor)
    response = client.get(reverse("audit:trail"))
    assert response.status_code == 200 and "hashketen is in orde" in response.content.decode()


def test_case_director_sees_who_touched_their_client(client, professional, other_professional):
    from slim.cases.models import Case, CaseMember, CaseRole

    person = Client.objects.create(name="Mevrouw K.", created_by=professional)
    case = Case.objects.create(client=person, created_by=professional)
    CaseMember.objects.create(case=case, user=professional, role=CaseRole.DIRECTOR, added_by=professional)
    client.force_login(other_professional)
    client.get(reverse("matching:client", args=[person.pk]))
    assert client.get(reverse("audit:client", args=[person.pk])).status_code == 404
    client.force_login(professional)
    html = client.get(reverse("audit:client", args=[person.pk])).content.decode()
    assert "bram" in html and "404" in html
