"""Seal an existing audit chain once with the audit key (slim.audit.key).

Chains written before this migration carry plain SHA-256 hashes, which anyone with
write access to the database could recompute. This appends one event, action
'verzegelen', whose keyed HMAC covers the last of those hashes: from now on a rewrite
of the old events breaks the seal. An empty trail needs no seal.
"""

from django.db import migrations


def seal(apps, schema_editor):
    from slim.audit.chain import event_hash, seal_values

    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditHead = apps.get_model("audit", "AuditHead")
    using = schema_editor.connection.alias
    events = AuditEvent.objects.using(using)
    last = events.order_by("-id").values_list("hash", flat=True).first()
    if last is None:
        return
    values = seal_values(events.count(), last)
    values["hash"] = event_hash(last, values)
    events.create(user=None, previous_hash=last, **values)
    AuditHead.objects.using(using).update_or_create(pk=1, defaults={"last_hash": values["hash"]})


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]

    operations = [migrations.RunPython(seal, migrations.RunPython.noop)]
