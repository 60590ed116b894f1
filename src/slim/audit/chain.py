"""Writing to and checking the hash chain of the audit trail."""

import hashlib
import json

from django.db import transaction
from django.utils import timezone

from .models import AuditEvent, AuditHead

GENESIS = "0" * 64
FIELDS = ("at", "username", "action", "view", "path", "method", "status", "client_id", "objects_ref", "ip_address")


def event_hash(previous_hash: str, values: dict) -> str:
    canonical = json.dumps(
        {name: values[name] for name in FIELDS}, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":")
    )
    return hashlib.sha256(f"{previous_hash}|{canonical}".encode()).hexdigest()


def record(*, user, action, view, path, method, status, client_id=None, objects_ref=None, ip_address=None):
    values = {
        "at": timezone.now().replace(microsecond=0),
        "username": user.get_username() if user else "",
        "action": action,
        "view": view,
        "path": path[:500],
        "method": method,
        "status": status,
        "client_id": client_id,
        "objects_ref": objects_ref or {},
        "ip_address": ip_address,
    }
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1, defaults={"last_hash": GENESIS})
        values["hash"] = event_hash(head.last_hash, values)
        event = AuditEvent.objects.create(user=user, previous_hash=head.last_hash, **values)
        AuditHead.objects.filter(pk=1).update(last_hash=event.hash)
    return event


def verify():
    """Return (ok, number of events checked, id of the first broken event or None)."""
    previous = GENESIS
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator():
        values = {name: getattr(event, name) for name in FIELDS}
        if event.previous_hash != previous or event.hash != event_hash(previous, values):
            return False, checked, event.id
        previous = event.hash
        checked += 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != previous:
        return False, checked, None
    return True, checked, None
