"""PostgreSQL: the Dutch text vectors move from a column of the wide intervention
table into a narrow table of their own, interventions_fts (rowid, interventions_fts),
named and shaped like SQLite's FTS5 table so one model (SearchEntry) joins both.

Why: ranking reads the vector of every match. In the wide table each vector sits
behind a dozen long text columns, and reaching it cost about 5 µs per row, which
made broad searches (thousands of matches) the slow 5%. From the narrow table
ranking all matches takes a fraction of that. Triggers keep the vectors in
step with search_text and remove them with their intervention, also on TRUNCATE.
No foreign key on purpose: Django's flush truncates the intervention table on its
own, which PostgreSQL refuses while another table references it.
SQLite keeps its FTS5 table.

Both databases: an index on (id, name, slug, recognition_rank, logic_mask), so the
order of a results page (fit, rank or recognition, then name and slug) is found
without reading the long texts of every match.
"""

from django.db import migrations, models

POSTGRES_FORWARD = [
    "CREATE TABLE interventions_fts ("
    " rowid bigint PRIMARY KEY,"
    " interventions_fts tsvector NOT NULL)",
    "CREATE FUNCTION interventions_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " INSERT INTO interventions_fts (rowid, interventions_fts)"
    " VALUES (NEW.id, to_tsvector('dutch'::regconfig, NEW.search_text))"
    " ON CONFLICT (rowid) DO UPDATE SET interventions_fts = EXCLUDED.interventions_fts;"
    " RETURN NULL; END $$",
    "CREATE TRIGGER interventions_fts_sync AFTER INSERT OR UPDATE OF search_text ON interventions_intervention"
    " FOR EACH ROW EXECUTE FUNCTION interventions_fts_sync()",
    "CREATE FUNCTION interventions_fts_remove() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " IF TG_OP = 'TRUNCATE' THEN TRUNCATE interventions_fts; ELSE DELETE FROM interventions_fts WHERE rowid = OLD.id; END IF;"
    " RETURN NULL; END $$",
    "CREATE TRIGGER interventions_fts_delete AFTER DELETE ON interventions_intervention"
    " FOR EACH ROW EXECUTE FUNCTION interventions_fts_remove()",
    "CREATE TRIGGER interventions_fts_truncate AFTER TRUNCATE ON interventions_intervention"
    " FOR EACH STATEMENT EXECUTE FUNCTION interventions_fts_remove()",
    "INSERT INTO interventions_fts (rowid, interventions_fts)"
    " SELECT id, to_tsvector('dutch'::regconfig, search_text) FROM interventions_intervention",
    "CREATE INDEX interventions_fts_gin ON interventions_fts USING GIN (interventions_fts)",
    "DROP INDEX IF EXISTS interventions_search_fts",
    "ALTER TABLE interventions_intervention DROP COLUMN IF EXISTS search_vector",
]
POSTGRES_BACKWARD = [
    "ALTER TABLE interventions_intervention ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, search_text)) STORED",
    "CREATE INDEX interventions_search_fts ON interventions_intervention USING GIN (search_vector)",
    "DROP TRIGGER IF EXISTS interventions_fts_sync ON interventions_intervention",
    "DROP TRIGGER IF EXISTS interventions_fts_delete ON interventions_intervention",
    "DROP TRIGGER IF EXISTS interventions_fts_truncate ON interventions_intervention",
    "DROP FUNCTION IF EXISTS interventions_fts_sync()",
    "DROP FUNCTION IF EXISTS interventions_fts_remove()",
    "DROP TABLE IF EXISTS interventions_fts",
]


def _run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("interventions", "0002_search_index")]

    operations = [
        migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD)),
        migrations.AddIndex(
            model_name="intervention",
            index=models.Index(fields=["id", "name", "slug", "recognition_rank", "logic_mask"], name="interventions_page_order"),
        ),
    ]
