"""Backup and restore of every table of SLIM in one portable file.

The file is a zip archive with two members:

- data.jsonl: for every model, in dependency order (a table after the tables it points to),
  one header line {"model": ..., "fields": [...]} and then one JSON array per row, ordered
  by primary key. Values are stored losslessly (timestamps with microseconds, decimals as
  text, JSON columns with sorted keys), so the same data always gives the same bytes,
  whichever database it came from.
- manifest.json: format version, the migrations applied in the source database, per model
  the row count and the SHA-256 of its part of data.jsonl, and the SHA-256 of all of it.

The same file restores into SQLite and PostgreSQL. Restore refuses a database at another
migration state, refuses a database that already holds data unless asked to empty it
first, checks every checksum before it writes anything, and runs in one transaction:
it either restores everything or changes nothing.

The audit trail is restored row for row, hash and previous_hash included, so
`slim verify-audit` checks the same chain afterwards. Emptying uses Django's flush SQL:
TRUNCATE on PostgreSQL (which the append-only row triggers do not see) and DELETE on
SQLite (where the trigger only refuses UPDATE).
"""

import base64
import datetime
import decimal
import hashlib
import io
import json
import os
import uuid
import zipfile
from importlib import metadata

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connections, models, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import sql
from django.utils import timezone
from django.utils.duration import duration_string

FORMAT = "slim-backup"
FORMAT_VERSION = 1
DATA_MEMBER = "data.jsonl"
MANIFEST_MEMBER = "manifest.json"
# A fixed date inside the zip keeps the data member byte for byte the same for the same data.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# Rows that `migrate` itself creates; a database holding only these counts as empty.
CREATED_BY_MIGRATE = {"contenttypes.contenttype", "auth.permission"}
BATCH = 500


class BackupError(Exception):
    """Something the person running the command must fix; the message says what."""


# -- which tables, in which order ----------------------------------------------------------


def backup_models():
    """Every concrete table Django manages (M2M link tables too), parents before children."""
    candidates = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]
    by_label = {model._meta.label_lower: model for model in candidates}
    needs = {}
    for label, model in by_label.items():
        targets = set()
        for field in model._meta.concrete_fields:
            if field.remote_field is not None:
                target = field.remote_field.model._meta.concrete_model._meta.label_lower
                if target != label and target in by_label:
                    targets.add(target)
        needs[label] = targets
    ordered, done = [], set()
    remaining = sorted(by_label)
    while remaining:
        ready = [label for label in remaining if needs[label] <= done]
        if not ready:  # a cycle: foreign keys are deferred, so any order still loads
            ready = remaining[:1]
        for label in ready:
            ordered.append(by_label[label])
            done.add(label)
        remaining = [label for label in remaining if label not in done]
    return ordered


def stored_fields(model):
    return [field for field in model._meta.concrete_fields if not getattr(field, "generated", False)]


# -- values ------------------------------------------------------------------------------------


def encode(field, value):
    if value is None or isinstance(field, models.JSONField):
        return value
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return duration_string(value)
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise BackupError(f"Onbekend type {type(value).__name__} in {field.model._meta.label}.{field.name}")


def decode(field, value):
    if value is None or isinstance(field, models.JSONField):
        return value
    return field.to_python(value)


def _line(value):
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


# -- the database state --------------------------------------------------------------------


def applied_migrations(connection):
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return None
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def pending_migrations(connection):
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def rows_present(connection):
    """Models holding rows that `migrate` did not put there: {label: count}."""
    present = {}
    for model in backup_models():
        label = model._meta.label_lower
        if label in CREATED_BY_MIGRATE:
            continue
        count = model._base_manager.using(connection.alias).count()
        if count:
            present[label] = count
    return present


# -- backup --------------------------------------------------------------------------------


def write_backup(path, using="default"):
    """Write every table to `path` (a zip file, readable by the owner only); returns the manifest."""
    connection = connections[using]
    migrations = applied_migrations(connection)
    if migrations is None:
        raise BackupError("Deze database is nog niet aangemaakt: er is niets om te bewaren.")
    # Outside a transaction we can ask PostgreSQL for one snapshot for all tables.
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    temporary = f"{path}.tmp-{os.getpid()}"
    total = hashlib.sha256()
    entries = []
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            member = zipfile.ZipInfo(DATA_MEMBER, date_time=ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            with transaction.atomic(using=using), archive.open(member, "w", force_zip64=True) as out:
                if snapshot:
                    # One snapshot for all tables, even while the application keeps writing.
                    with connection.cursor() as cursor:
                        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                for model in backup_models():
                    entries.append(_dump_model(model, using, out, total))
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": timezone.now().isoformat(),
                "slim_version": _version("slim"),
                "django_version": _version("django"),
                "source_database": connection.vendor,
                "migrations": migrations,
                "models": entries,
                "rows": sum(entry["rows"] for entry in entries),
                "data_sha256": total.hexdigest(),
            }
            info = zipfile.ZipInfo(MANIFEST_MEMBER, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return manifest


def _dump_model(model, using, out, total):
    fields = stored_fields(model)
    digest = hashlib.sha256()

    def emit(chunk):
        out.write(chunk)
        digest.update(chunk)
        total.update(chunk)

    emit(_line({"model": model._meta.label_lower, "fields": [field.attname for field in fields]}))
    rows = 0
    queryset = model._base_manager.using(using).order_by("pk").values_list(*[field.attname for field in fields])
    for row in queryset.iterator(chunk_size=2000):
        emit(_line([encode(field, value) for field, value in zip(fields, row)]))
        rows += 1
    return {"model": model._meta.label_lower, "table": model._meta.db_table, "rows": rows, "sha256": digest.hexdigest()}


def _version(package):
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "onbekend"


# -- reading a backup ----------------------------------------------------------------------


def read_manifest(path):
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(MANIFEST_MEMBER))
    except FileNotFoundError as error:
        raise BackupError(f"Bestand niet gevonden: {path}") from error
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError) as error:
        raise BackupError(f"{path} is geen backup van SLIM (geen leesbaar manifest).") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is geen backup van SLIM.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"Backupformaat {manifest.get('format_version')} wordt niet ondersteund (deze versie leest formaat {FORMAT_VERSION})."
        )
    return manifest


def _sections(path):
    """Yield (header, list of raw row lines, raw header line) per model, streaming."""
    with zipfile.ZipFile(path) as archive, archive.open(DATA_MEMBER) as raw:
        header, header_line, rows = None, None, []
        for line in io.BufferedReader(raw, buffer_size=1 << 20):
            if line.startswith(b"{"):
                if header is not None:
                    yield header, header_line, rows
                header, header_line, rows = json.loads(line), line, []
            else:
                rows.append(line)
                if len(rows) >= BATCH:
                    yield header, header_line, rows
                    header_line, rows = None, []
        if header is not None:
            yield header, header_line, rows


def verify_file(path):
    """Check the manifest and every checksum without touching a database; returns the manifest."""
    manifest = read_manifest(path)
    expected = {entry["model"]: entry for entry in manifest["models"]}
    total = hashlib.sha256()
    digests, counts, order = {}, {}, []
    for header, header_line, rows in _sections(path):
        label = header["model"]
        if header_line is not None:
            if label not in digests:
                order.append(label)
            digests.setdefault(label, hashlib.sha256())
            counts.setdefault(label, 0)
            digests[label].update(header_line)
            total.update(header_line)
        for row in rows:
            digests[label].update(row)
            total.update(row)
        counts[label] += len(rows)
    if total.hexdigest() != manifest["data_sha256"] or order != list(expected):
        raise BackupError("De backup is beschadigd: de controlesom klopt niet.")
    for label, entry in expected.items():
        if counts[label] != entry["rows"] or digests[label].hexdigest() != entry["sha256"]:
            raise BackupError(f"De backup is beschadigd: de controlesom van {label} klopt niet.")
    return manifest


# -- restore -------------------------------------------------------------------------------


def check_target(manifest, using="default", force=False):
    """Refuse a database that is not ready for this backup; returns nothing or raises BackupError."""
    connection = connections[using]
    migrations = applied_migrations(connection)
    if migrations is None:
        raise BackupError("De database heeft nog geen tabellen. Voer eerst `slim migrate` uit en daarna `slim restore`.")
    pending = pending_migrations(connection)
    if pending:
        raise BackupError(
            f"De database loopt achter op deze versie van SLIM ({len(pending)} migraties niet uitgevoerd, "
            f"bijvoorbeeld {pending[0]}). Voer eerst `slim migrate` uit."
        )
    if migrations != manifest["migrations"]:
        only_backup = sorted(set(manifest["migrations"]) - set(migrations))
        only_database = sorted(set(migrations) - set(manifest["migrations"]))
        details = []
        if only_backup:
            details.append(f"alleen in de backup: {', '.join(only_backup)}")
        if only_database:
            details.append(f"alleen in de database: {', '.join(only_database)}")
        raise BackupError(
            "De backup komt van een andere migratiestand dan deze database ("
            + "; ".join(details)
            + f"). De backup is gemaakt met SLIM {manifest.get('slim_version')}: zet hem terug met die versie "
            "en voer daarna `slim migrate` uit met de nieuwe versie."
        )
    current = [model._meta.label_lower for model in backup_models()]
    if current != [entry["model"] for entry in manifest["models"]]:
        raise BackupError("De tabellen in de backup passen niet bij deze versie van SLIM.")
    if not force:
        present = rows_present(connection)
        if present:
            example = ", ".join(f"{label} ({count})" for label, count in sorted(present.items())[:3])
            raise BackupError(
                f"De database is niet leeg ({example}, ...). Terugzetten vervangt alles: "
                "gebruik --force als dat de bedoeling is."
            )


def restore_backup(path, using="default", force=False):
    """Replace the whole content of the database by the backup at `path`; returns the manifest."""
    manifest = verify_file(path)
    check_target(manifest, using=using, force=force)
    connection = connections[using]
    ordered = backup_models()
    by_label = {model._meta.label_lower: model for model in ordered}
    with transaction.atomic(using=using):
        tables = [model._meta.db_table for model in ordered]
        statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
        if connection.vendor == "postgresql":
            # TRUNCATE refuses tables with deferred foreign-key checks still pending, which happens
            # when the caller already wrote in this transaction: run those checks first.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        connection.ops.execute_sql_flush(statements)
        for header, _header_line, rows in _sections(path):
            model = by_label[header["model"]]
            fields = stored_fields(model)
            if header["fields"] != [field.attname for field in fields]:
                raise BackupError(f"De kolommen van {header['model']} in de backup passen niet bij deze versie van SLIM.")
            _insert(model, fields, rows, using)
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), ordered):
                cursor.execute(statement)
    ContentType.objects.clear_cache()
    return manifest


def _insert(model, fields, rows, using):
    if not rows:
        return
    objects = []
    for line in rows:
        values = json.loads(line)
        instance = model.__new__(model)
        instance._state = models.base.ModelState()
        instance.__dict__.update({field.attname: decode(field, value) for field, value in zip(fields, values)})
        objects.append(instance)
    connection = connections[using]
    size = max(1, connection.ops.bulk_batch_size(fields, objects) or len(objects))
    for start in range(0, len(objects), size):
        query = sql.InsertQuery(model)
        # raw=True: store the values as they are; auto_now_add and friends must not fill in 'now'.
        query.insert_values(fields, objects[start : start + size], raw=True)
        query.get_compiler(using=using).execute_sql(returning_fields=None)
