import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

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


# The chain is keyed (issue 13, finding 6) ------------------------------------------------------

def _unlock_trail():
    """What an attacker with database rights does first (rolled back after the test)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER audit_event_no_update")
        else:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only")


def _rewrite(hash_function, username="iemand"):
    """Change the first row, then recompute every hash and the head with `hash_function`."""
    from slim.audit.chain import FIELDS, GENESIS

    previous = GENESIS
    with connection.cursor() as cursor:
        for number, event in enumerate(AuditEvent.objects.order_by("id")):
            values = {name: getattr(event, name) for name in FIELDS}
            if number == 0:
                values["username"] = username
            new_hash = hash_function(previous, values)
            cursor.execute(
                "UPDATE audit_auditevent SET username = %s, previous_hash = %s, hash = %s WHERE id = %s",
                [values["username"], previous, new_hash, event.id],
            )
            previous = new_hash
        cursor.execute("UPDATE audit_audithead SET last_hash = %s WHERE id = 1", [previous])


def _some_events(client_as_professional, professional, count=3):
    person = Client.objects.create(name="Mevrouw K.", created_by=professional)
    for _ in range(count):
        client_as_professional.get(reverse("matching:client", args=[person.pk]))


def test_a_full_rewrite_without_the_key_is_detected(client_as_professional, professional):
    import hashlib
    import hmac

    from slim.audit.chain import legacy_hash

    _some_events(client_as_professional, professional)
    first = AuditEvent.objects.order_by("id").first()
    _unlock_trail()
    _rewrite(legacy_hash)  # plain SHA-256, as the chain was before the key
    assert verify() == (False, 0, first.id)
    _rewrite(lambda previous, values: hmac.new(b"a guessed key " * 3, f"{previous}".encode(), hashlib.sha256).hexdigest())
    assert verify()[0] is False
    with pytest.raises(CommandError, match="aangetast"):
        call_command("verify_audit")


def test_rewriting_with_the_key_verifies(client_as_professional, professional):
    """The other side of the test above: the check really is the key, not something else that changed."""
    from slim.audit.chain import event_hash

    _some_events(client_as_professional, professional)
    _unlock_trail()
    _rewrite(event_hash)
    assert verify() == (True, 3, None)


def test_an_old_unkeyed_chain_is_sealed_once_by_the_migration(db, professional):
    import importlib

    from django.apps import apps

    from slim.audit.chain import FIELDS, GENESIS, SEAL_ACTION, legacy_hash, record
    from slim.audit.models import AuditHead

    previous = GENESIS
    for number in range(3):  # a trail as the code before the key wrote it
        values = {name: None for name in FIELDS} | {
            "at": timezone.now().replace(microsecond=0), "username": "anna", "action": "lezen", "view": "v",
            "path": f"/p/{number}", "method": "GET", "status": 200, "objects_ref": {},
        }
        values["hash"] = legacy_hash(previous, values)
        AuditEvent.objects.create(user=professional, previous_hash=previous, **values)
        previous = values["hash"]
    AuditHead.objects.update_or_create(pk=1, defaults={"last_hash": previous})
    assert verify()[0] is False  # unkeyed and unsealed: not accepted as it is

    migration = importlib.import_module("slim.audit.migrations.0003_seal_with_key")
    migration.seal(apps, type("Editor", (), {"connection": connection})())
    seal = AuditEvent.objects.get(action=SEAL_ACTION)
    assert seal.objects_ref == {"legacy_events": 3, "legacy_head": previous} and seal.previous_hash == previous
    record(user=professional, action="lezen", view="v", path="/na", method="GET", status=200)
    assert verify() == (True, 5, None)

    _unlock_trail()  # rewriting the old, unkeyed part now breaks the seal
    from slim.audit.chain import legacy_hash as plain

    old = list(AuditEvent.objects.filter(id__lt=seal.id).order_by("id"))
    with connection.cursor() as cursor:
        previous = GENESIS
        for number, event in enumerate(old):
            values = {name: getattr(event, name) for name in FIELDS}
            if number == 0:
                values["username"] = "iemand"
            new_hash = plain(previous, values)
            cursor.execute(
                "UPDATE audit_auditevent SET username = %s, previous_hash = %s, hash = %s WHERE id = %s",
                [values["username"], previous, new_hash, event.id],
            )
            previous = new_hash
    assert verify() == (False, 3, seal.id)


def test_checkpoints_outside_the_database_catch_a_cut_off_tail(client_as_professional, professional, tmp_path):
    from slim.audit.models import AuditHead

    checkpoints = tmp_path / "audit-koppen.txt"
    _some_events(client_as_professional, professional, count=2)
    call_command("verify_audit", checkpoints=str(checkpoints), verbosity=0)
    _some_events(client_as_professional, professional, count=2)
    call_command("verify_audit", checkpoints=str(checkpoints), verbosity=0)
    assert len(checkpoints.read_text().splitlines()) == 2

    _unlock_trail()  # cut off the two newest events and move the head back: the chain itself still verifies
    newest = list(AuditEvent.objects.order_by("-id")[:2])
    keep = AuditEvent.objects.order_by("-id")[2]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("DELETE FROM audit_auditevent WHERE id IN (%s, %s)", [newest[0].id, newest[1].id])
    AuditHead.objects.filter(pk=1).update(last_hash=keep.hash)
    assert verify()[0] is True
    with pytest.raises(CommandError, match="staat er niet meer in"):
        call_command("verify_audit", checkpoints=str(checkpoints), verbosity=0)


def test_the_key_file_is_made_once_with_mode_0600(db, tmp_path, monkeypatch):
    from slim.audit.chain import audit_key

    monkeypatch.delenv("SLIM_AUDIT_KEY", raising=False)
    monkeypatch.setenv("SLIM_AUDIT_KEY_FILE", str(tmp_path / "sub" / "audit.key"))
    key = audit_key()
    path = tmp_path / "sub" / "audit.key"
    assert path.stat().st_mode & 0o777 == 0o600 and len(key) == 64
    assert audit_key() == key


def test_production_never_makes_a_key(db, tmp_path, monkeypatch, settings):
    from slim.audit.chain import audit_key
    from slim.audit.key import MissingAuditKey

    settings.PRODUCTION = True
    monkeypatch.delenv("SLIM_AUDIT_KEY", raising=False)
    monkeypatch.setenv("SLIM_AUDIT_KEY_FILE", str(tmp_path / "audit.key"))
    with pytest.raises(MissingAuditKey, match="SLIM_AUDIT_KEY"):
        audit_key()
    assert not (tmp_path / "audit.key").exists()
    monkeypatch.setenv("SLIM_AUDIT_KEY", "te kort")
    with pytest.raises(MissingAuditKey, match="te kort"):
        audit_key()


def test_search_text_in_an_address_never_reaches_the_audit_trail(client_as_professional, professional, monkeypatch):
    """A BSN or a name in a query string is left out of every audit row; harmless values stay."""
    from slim.audit import chain
    from tests.factories import logged_in

    # A row written the old way, with the whole query string: it stays as it was and keeps verifying.
    with monkeypatch.context() as old_code:
        old_code.setattr(chain, "audit_path", lambda path: path)
        chain.record(user=professional, action="lezen", view="matching:client", path="/matching/1/?q=oud",
                     method="GET", status=200)
    assert AuditEvent.objects.filter(path="/matching/1/?q=oud").exists()

    person = Client.objects.create(name="Mevrouw K.", created_by=professional)
    client_as_professional.get(reverse("matching:client", args=[person.pk]) + "?q=123456782&naam=Piet+Jansen&pagina=2")
    admin = make_user("beheer", role=Role.ADMIN)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    browser = logged_in(admin)
    assert browser.get("/beheer/accounts/user/?q=123456782").status_code == 200
    assert browser.get("/beheer/accounts/user/?q=Piet+Jansen&p=1&o=1.-2&role__exact=beheerder").status_code == 200
    browser.get("/beheer/accounts/user/?Jansen&123456782")  # the admin answers ?e=1: unknown filter
    rows = list(AuditEvent.objects.order_by("id").values())
    assert len(rows) == 5
    for row in rows:
        for value in row.values():
            assert "123456782" not in str(value) and "Jansen" not in str(value), row
    paths = [row["path"] for row in rows]
    assert reverse("matching:client", args=[person.pk]) + "?q&_&pagina=2" in paths
    assert "/beheer/accounts/user/?q&p=1&o=1.-2&role__exact" in paths
    assert "/beheer/accounts/user/?_" in paths
    assert verify()[0]
    call_command("verify_audit")
