"""`slim backup` and `slim restore`: one portable file, the same data back, the audit chain intact.

Runs on SQLite and on PostgreSQL (SLIM_DATABASE_URL). The database is emptied with Django's
flush, the way a fresh database looks after `slim migrate`.
"""

import json
import os
import re
import stat
import zipfile

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from slim.accounts.models import User
from slim.audit.chain import record, verify
from slim.audit.models import AuditEvent
from slim.cases.models import Case, Contact
from slim.operations.backup import DATA_MEMBER, MANIFEST_MEMBER, backup_models

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_world(knowledge, settings, client):
    """The data `slim setup` loads (knowledge, interventions, demo users, team and case) plus audit events."""
    settings.PRODUCTION = False
    call_command("import_interventions", verbosity=0)
    call_command("load_demo", verbosity=0)
    case = Case.objects.get(client__name="Mevrouw Jansen (demo)")
    client.force_login(User.objects.get(username="anna"))
    for name in ("cases:detail", "cases:contacts", "cases:plan", "cases:timeline"):
        client.get(reverse(name, args=[case.pk]), REMOTE_ADDR="10.0.0.7")
    client.post(
        reverse("cases:contacts", args=[case.pk]),
        {"held_on": timezone.localdate().isoformat(), "user": case.director.pk, "conversation_type": 3, "flowed": "ja", "note": "ëën – ☂"},
    )
    return case


def empty_database():
    """What `slim migrate` leaves in a new database: the tables, content types and permissions."""
    if connection.vendor == "postgresql":  # TRUNCATE needs the deferred checks of this test's writes done
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True))
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)


def row_counts():
    return {model._meta.label_lower: model._base_manager.count() for model in backup_models()}


def data_bytes(path):
    with zipfile.ZipFile(path) as archive:
        return archive.read(DATA_MEMBER)


def manifest_of(path):
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read(MANIFEST_MEMBER))


def rewrite(source, target, manifest=None, data=None):
    """A copy of a backup with another manifest or data member."""
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    if manifest is not None:
        members[MANIFEST_MEMBER] = json.dumps(manifest).encode()
    if data is not None:
        members[DATA_MEMBER] = data
    with zipfile.ZipFile(target, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)


def search_results(word):
    """Links to interventions on the search page: the full-text index lives in tables no model dumps."""
    from django.test import Client

    page = Client().get(reverse("interventions:search"), {"q": word}).content.decode()
    return sorted(set(re.findall(r'href="(/interventies/[a-z0-9-]+/)"', page)))


def test_round_trip_gives_identical_data_and_a_verifying_audit_chain(demo_world, tmp_path):
    found = search_results("schulden")
    assert found
    before = row_counts()
    audit_before = verify()
    assert audit_before[0] and audit_before[1] >= 5
    assert before["cases.contact"] == 3 and before["interventions.intervention"] > 0

    first = tmp_path / "eerste.zip"
    call_command("backup", str(first), verbosity=0)
    assert stat.S_IMODE(os.stat(first).st_mode) == 0o600  # personal data: owner only
    manifest = manifest_of(first)
    assert {entry["model"]: entry["rows"] for entry in manifest["models"]} == before
    assert manifest["migrations"] and manifest["format"] == "slim-backup"

    empty_database()
    assert User.objects.count() == 0 and AuditEvent.objects.count() == 0
    call_command("restore", str(first), verbosity=0)

    assert row_counts() == before
    assert verify() == audit_before
    assert search_results("schulden") == found  # triggers rebuilt the search index while restoring
    second = tmp_path / "tweede.zip"
    call_command("backup", str(second), verbosity=0)
    assert data_bytes(second) == data_bytes(first)
    assert manifest_of(second)["data_sha256"] == manifest["data_sha256"]
    assert manifest_of(second)["models"] == manifest["models"]
    call_command("verify_audit", verbosity=0)  # after the second backup: each check is stored (AuditCheck)

    # Details a lossy format would get wrong: microseconds, non-ASCII text, JSON columns, passwords.
    contact = Contact.objects.get(note="ëën – ☂")
    assert contact.recorded_at.microsecond == Contact.objects.get(pk=contact.pk).recorded_at.microsecond
    assert User.objects.get(username="anna").check_password("slim-demo-2026")

    # New rows after a restore get fresh keys (PostgreSQL sequences were reset) and extend the chain.
    largest = Contact.objects.order_by("-pk").first().pk
    case = Case.objects.get(client__name="Mevrouw Jansen (demo)")
    new = Contact.objects.create(
        case=case, held_on=timezone.localdate(), user=case.director, conversation_type=1, flowed=True, recorded_by=case.director
    )
    assert new.pk > largest
    record(user=case.director, action="lezen", view="test", path="/test/", method="GET", status=200)
    ok, checked, _ = verify()
    assert ok and checked == audit_before[1] + 1
    assert User.objects.create_user(username="nieuw", password="een-lang-wachtwoord").pk > User.objects.get(username="beheer").pk


def test_restore_refuses_a_database_with_data_unless_forced(demo_world, tmp_path):
    backup = tmp_path / "backup.zip"
    call_command("backup", str(backup), verbosity=0)
    before = row_counts()
    Contact.objects.filter(note="ëën – ☂").delete()
    with pytest.raises(CommandError, match="niet leeg.*--force"):
        call_command("restore", str(backup), verbosity=0)
    assert row_counts()["cases.contact"] == before["cases.contact"] - 1  # nothing changed

    call_command("restore", str(backup), force=True, verbosity=0)
    assert row_counts() == before
    assert verify()[0]


def test_restore_refuses_another_migration_state(demo_world, tmp_path):
    backup, older = tmp_path / "backup.zip", tmp_path / "ouder.zip"
    call_command("backup", str(backup), verbosity=0)
    manifest = manifest_of(backup)
    manifest["migrations"] = [name for name in manifest["migrations"] if name != "audit.0002_append_only_triggers"]
    manifest["migrations"].append("cases.9999_uit_de_toekomst")
    rewrite(backup, older, manifest=manifest)
    empty_database()
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(older), verbosity=0)
    message = str(refused.value)
    assert "andere migratiestand" in message
    assert "alleen in de backup: cases.9999_uit_de_toekomst" in message
    assert "alleen in de database: audit.0002_append_only_triggers" in message
    assert User.objects.count() == 0


def test_restore_refuses_a_damaged_file_before_writing(demo_world, tmp_path):
    backup, damaged = tmp_path / "backup.zip", tmp_path / "beschadigd.zip"
    call_command("backup", str(backup), verbosity=0)
    data = data_bytes(backup).replace(b'"anna"', b'"anne"', 1)
    rewrite(backup, damaged, data=data)
    with pytest.raises(CommandError, match="beschadigd"):
        call_command("restore", str(damaged), force=True, verbosity=0)
    assert User.objects.filter(username="anna").exists()
    with pytest.raises(CommandError, match="geen backup van SLIM"):
        (tmp_path / "leeg.zip").write_bytes(b"niets")
        call_command("restore", str(tmp_path / "leeg.zip"), verbosity=0)


def test_check_only_reads(demo_world, tmp_path, capsys):
    backup = tmp_path / "backup.zip"
    call_command("backup", str(backup), verbosity=0)
    before = row_counts()
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("restore", str(backup), check=True)
    call_command("restore", str(backup), check=True, force=True)
    assert "Backup in orde" in capsys.readouterr().out
    assert row_counts() == before


def test_every_table_is_in_the_backup_in_dependency_order():
    ordered = [model._meta.label_lower for model in backup_models()]
    assert "audit.auditevent" in ordered and "accounts.user_groups" in ordered
    position = {label: index for index, label in enumerate(ordered)}
    for model in backup_models():
        for field in model._meta.concrete_fields:
            target = field.remote_field.model._meta.label_lower if field.remote_field else None
            if target and target != model._meta.label_lower:
                assert position[target] < position[model._meta.label_lower], (model, field)
    managed = {m._meta.label_lower for m in apps.get_models(include_auto_created=True) if m._meta.managed and not m._meta.proxy}
    assert managed == set(ordered)
