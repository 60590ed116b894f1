# Events keep what happened as data and are put into words when shown (cases/events.py).
# Existing events: what can be read back from their text becomes data; the old text stays,
# in `detail` or in data["legacy_detail"], so nothing is lost. The rest shows its text as before.

from django.db import migrations, models

from slim.core import Logic
from slim.core.knowledge import conversation_title, conversation_types, life_domains, logic_title

STALL_REASONS = {"afspraken niet nagekomen": "afspraken", "cliënt wil iets anders": "andere_wens", "anders": "anders"}


def _titles():
    logics = {}
    for logic in Logic:
        title = logic_title(logic)
        logics[title.nl] = logics[title.en] = logic.value
    domains = {title.nl: code for code, title in life_domains().items()}
    domains.update({title.en: code for code, title in life_domains().items()})
    conversations = {}
    for number in conversation_types():
        title = conversation_title(number)
        conversations[title.nl] = conversations[title.en] = number
    return logics, domains, conversations


def parse(kind, detail, logics, domains, conversations):
    """(data, detail) read back from an old event's text, or None when it cannot be read."""
    if kind == "strategie":
        if detail in ("geen", "none"):
            return {"logic": ""}, detail
        return ({"logic": logics[detail]}, detail) if detail in logics else None
    if kind == "doel_leefgebied":
        for title, code in domains.items():
            if detail.startswith(f"{title}: "):
                text = detail[len(title) + 2:]
                text = "" if text in ("geen doel meer", "no goal any more") else text
                return {"domain": code, "legacy_detail": detail}, text
        return None
    if kind == "contact":
        title, _sep, how = detail.partition(" – ")
        if title not in conversations:
            return None
        if how == "stroomde":
            return {"conversation_type": conversations[title], "flowed": True, "stall_reason": ""}, detail
        reason = how.removeprefix("haperde: ")
        if how.startswith("haperde: ") and reason in STALL_REASONS:
            return {"conversation_type": conversations[title], "flowed": False, "stall_reason": STALL_REASONS[reason]}, detail
    return None


def to_data(apps, schema_editor):
    Event = apps.get_model("cases", "Event")
    titles = _titles()
    for event in Event.objects.filter(kind__in=["strategie", "doel_leefgebied", "contact"], data={}).iterator():
        parsed = parse(event.kind, event.detail, *titles)
        if parsed:
            event.data, event.detail = parsed
            event.save(update_fields=["data", "detail"])


def back_to_text(apps, schema_editor):
    Event = apps.get_model("cases", "Event")
    for event in Event.objects.exclude(data={}).filter(data__has_key="legacy_detail").iterator():
        event.detail = event.data["legacy_detail"]
        event.save(update_fields=["detail"])


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_client_to_clients_app"),
    ]

    operations = [
        migrations.AddField(model_name="event", name="data", field=models.JSONField(blank=True, default=dict)),
        migrations.RunPython(to_data, back_to_text),
    ]
