"""The full-text index, which differs per database.

PostgreSQL: a stored column search_vector, generated as to_tsvector('dutch',
search_text), with a GIN index (fulltext.py explains why it is stored). The
model does not declare the column; changing search_text's type later means
dropping and re-adding it.
SQLite: an FTS5 table over stemmed_text (Dutch stems made in Python), kept in
sync by triggers. Note for later migrations: when Django rebuilds the
intervention table on SQLite (some AlterField operations do), the triggers go
with the old table; such a migration must run this one's SQLite SQL again.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "ALTER TABLE interventions_intervention ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, search_text)) STORED",
    "CREATE INDEX interventions_search_fts ON interventions_intervention USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS interventions_search_fts",
    "ALTER TABLE interventions_intervention DROP COLUMN IF EXISTS search_vector",
]

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE interventions_fts USING fts5("
    "stemmed_text, content='interventions_intervention', content_rowid='id')",
    "CREATE TRIGGER interventions_fts_insert AFTER INSERT ON interventions_intervention BEGIN "
    "INSERT INTO interventions_fts(rowid, stemmed_text) VALUES (new.id, new.stemmed_text); END",
    "CREATE TRIGGER interventions_fts_delete AFTER DELETE ON interventions_intervention BEGIN "
    "INSERT INTO interventions_fts(interventions_fts, rowid, stemmed_text) VALUES ('delete', old.id, old.stemmed_text); END",
    "CREATE TRIGGER interventions_fts_update AFTER UPDATE OF stemmed_text ON interventions_intervention BEGIN "
    "INSERT INTO interventions_fts(interventions_fts, rowid, stemmed_text) VALUES ('delete', old.id, old.stemmed_text); "
    "INSERT INTO interventions_fts(rowid, stemmed_text) VALUES (new.id, new.stemmed_text); END",
    "INSERT INTO interventions_fts(interventions_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS interventions_fts_insert",
    "DROP TRIGGER IF EXISTS interventions_fts_delete",
    "DROP TRIGGER IF EXISTS interventions_fts_update",
    "DROP TABLE IF EXISTS interventions_fts",
]
STATEMENTS = {"postgresql": (POSTGRES_FORWARD, POSTGRES_BACKWARD), "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD)}


def _run(schema_editor, backward):
    statements = STATEMENTS.get(schema_editor.connection.vendor)
    for sql in statements[backward] if statements else ():
        schema_editor.execute(sql)


def forward(apps, schema_editor):
    _run(schema_editor, backward=False)


def backward(apps, schema_editor):
    _run(schema_editor, backward=True)


class Migration(migrations.Migration):
    dependencies = [("interventions", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
