"""The field data set: masked statements of closed studies with their majority label (see studies.EXPORT_RULE)."""

import datetime
import json

from .models import Study
from .operations import active_consent_client_ids
from .studies import EXPORT_RULE, label_table, majority


def field_items(version=None):
    """One dict per exported statement, in the format of slim/data/eval/statements_*.json plus style 'field'."""
    now = datetime.datetime.now(datetime.timezone.utc)
    version = version or now.strftime("field-%Y%m%d-%H%M%S")
    consenting = active_consent_client_ids()
    items = []
    for study in Study.objects.filter(closed_at__isnull=False).order_by("pk"):
        statements, _, table = label_table(study)
        for index, item in enumerate(statements):
            if item.client_id not in consenting:
                continue  # consent withdrawn after the study closed: no longer exported
            labels = [table[name][index] for name in table]
            logic = majority(labels)
            if logic is None:
                continue
            agreeing = sum(label == logic for label in labels)
            items.append(
                {
                    "id": f"s{study.pk}-{item.number}",
                    "text": item.text,
                    "logic": logic,
                    "domain": item.domain or None,
                    "kind": "field",
                    "style": "field",
                    "note": f"{agreeing} of {sum(label is not None for label in labels)} labellers; {EXPORT_RULE}.",
                    "version": version,
                    "date": now.date().isoformat(),
                }
            )
    return items


def write(path, version=None):
    items = field_items(version)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(items, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return items
