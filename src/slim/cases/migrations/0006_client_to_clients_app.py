# Client moved to the clients app; its table cases_client and its rows stay. State only.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_contacttally"),
        ("clients", "0001_initial"),
        ("matching", "0003_client_in_clients_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="case",
                    name="client",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="cases", to="clients.client", verbose_name="cliënt"),
                ),
                migrations.AlterField(
                    model_name="contacttally",
                    name="client",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="clients.client"),
                ),
                migrations.DeleteModel(name="Client"),
            ],
            database_operations=[],
        ),
    ]
