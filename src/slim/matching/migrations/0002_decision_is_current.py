"""Decision.is_current: the latest decision per client and domain, flagged once instead of found per query."""

from django.db import migrations, models
from django.db.models import Exists, OuterRef, Q


def flag_latest(apps, schema_editor):
    Decision = apps.get_model("matching", "Decision")
    newer = Decision.objects.filter(client=OuterRef("client"), domain=OuterRef("domain")).filter(
        Q(decided_at__gt=OuterRef("decided_at")) | Q(decided_at=OuterRef("decided_at"), pk__gt=OuterRef("pk"))
    )
    Decision.objects.filter(~Exists(newer)).update(is_current=True)


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="decision",
            name="is_current",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.RunPython(flag_latest, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_current", True)), fields=("client", "domain"), name="matching_one_current_decision"
            ),
        ),
        migrations.AddIndex(
            model_name="decision",
            index=models.Index(
                condition=models.Q(("is_current", True)), fields=["domain", "chosen_logic"], name="matching_current_domain"
            ),
        ),
        migrations.AddIndex(
            model_name="decision",
            index=models.Index(
                condition=models.Q(("is_current", True)), fields=["chosen_logic", "client"], name="matching_current_logic"
            ),
        ),
    ]
