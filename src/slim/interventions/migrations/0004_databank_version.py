"""DatabankVersion: a token that changes with the tags, so each process knows when to rebuild its
facet bitmaps (facetbits.py). Starts with a token, so existing databanks are cached too."""

import uuid

from django.db import migrations, models


def first_token(apps, schema_editor):
    apps.get_model("interventions", "DatabankVersion").objects.create(pk=1, token=uuid.uuid4().hex)


class Migration(migrations.Migration):

    dependencies = [
        ('interventions', '0003_postgres_search_table'),
    ]

    operations = [
        migrations.CreateModel(
            name='DatabankVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token', models.CharField(max_length=32)),
            ],
        ),
        migrations.RunPython(first_token, migrations.RunPython.noop),
    ]
