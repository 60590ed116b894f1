"""Indexes for the policy dashboards on tables of other apps.

'Latest decision per client and domain' is answered from the index on
matching_decision (client_id, domain, decided_at, id): the anti-join in
queries.current_decisions() then never has to sort the decisions. Plain
CREATE INDEX works on SQLite and PostgreSQL alike.
"""

from django.db import migrations

INDEXES = {
    "insights_decision_latest": "matching_decision (client_id, domain, decided_at DESC, id DESC)",
}


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0001_initial"),
        ("cases", "0003_outcome"),
    ]

    operations = [
        migrations.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON {target}", f"DROP INDEX IF EXISTS {name}")
        for name, target in INDEXES.items()
    ]
