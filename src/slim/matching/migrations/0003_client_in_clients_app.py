# Client moved to the clients app (same table): only the state of these foreign keys changes.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0002_decision_is_current"),
        ("clients", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="intake",
                    name="client",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="intakes", to="clients.client"),
                ),
                migrations.AlterField(
                    model_name="decision",
                    name="client",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="decisions", to="clients.client"),
                ),
            ],
            database_operations=[],
        ),
    ]
