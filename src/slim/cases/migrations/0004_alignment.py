"""Case.alignment and Contact.alignment, stored for the dashboards (see cases/alignment.py).

Existing rows get the alignment of today: the client's current logic against
the recorded approaches. From now on a contact keeps the alignment of the moment
it was recorded and a closed case the one it closed with.
"""

from django.db import migrations, models
from django.db.models import Exists, OuterRef

CHOICES = [("match", "aanpak past bij de logica van de cliënt"), ("clash", "aanpak botst met de logica van de cliënt"),
           ("unknown", "niet te vergelijken")]


def _field():
    return models.CharField(choices=CHOICES, default="unknown", editable=False, max_length=10)


def backfill(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    Contact = apps.get_model("cases", "Contact")
    MemberApproach = apps.get_model("cases", "MemberApproach")
    Decision = apps.get_model("matching", "Decision")

    def compared(matching):
        current = Decision.objects.filter(client=OuterRef("case__client"), domain=OuterRef("domain"), is_current=True)
        same = current.filter(chosen_logic=OuterRef("logic"))
        return Exists(same) if matching else Exists(current.exclude(chosen_logic=OuterRef("logic")))

    for model, approaches in (
        (Case, MemberApproach.objects.filter(case=OuterRef("pk"))),
        (Contact, MemberApproach.objects.filter(case=OuterRef("case"), user=OuterRef("user"))),
    ):
        model.objects.filter(Exists(approaches.filter(compared(True)))).update(alignment="match")
        model.objects.filter(Exists(approaches.filter(compared(False)))).update(alignment="clash")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_outcome"),
        ("matching", "0002_decision_is_current"),
    ]

    operations = [
        migrations.AddField(model_name="case", name="alignment", field=_field()),
        migrations.AddField(model_name="contact", name="alignment", field=_field()),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
