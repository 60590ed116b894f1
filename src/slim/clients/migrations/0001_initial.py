# The Client model moves from cases to this app. Its table (cases_client) stays as it is,
# with its rows: only Django's idea of which app owns it changes.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import slim.clients.bsn


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="clients", model="client").exists():
        ContentType.objects.filter(app_label="cases", model="client").update(app_label="clients")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="cases", model="client").exists():
        ContentType.objects.filter(app_label="clients", model="client").update(app_label="cases")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("cases", "0005_contacttally"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Client",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(help_text="Zoveel als nodig om de cliënt te herkennen, niet meer.", max_length=120, verbose_name="naam of initialen")),
                        ("bsn", models.CharField(blank=True, max_length=9, validators=[slim.clients.bsn.validate_bsn], verbose_name="BSN (optioneel)")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("created_by", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "cliënt",
                        "verbose_name_plural": "cliënten",
                        "ordering": ["name", "id"],
                        "db_table": "cases_client",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
