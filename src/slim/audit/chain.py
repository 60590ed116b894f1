"""Writing to and checking the hash chain of the audit trail.

Every event carries an HMAC-SHA256, keyed with a secret outside the database
(slim.audit.key), over the previous event's hash and its own fields. Rewriting a row
and recomputing the chain needs that key; without it `verify` finds the first row
that does not match.

Chains written before the key existed used plain SHA-256. Migration 0003 sealed such a
chain once: it appended one event with action 'verzegelen' whose HMAC covers the
last plain hash. Events before the first seal are checked with SHA-256, the seal and
everything after it with the HMAC, so a rewrite of the old part breaks the seal.

A rewrite is detected; cutting off the newest events and moving the head back is
detected by checkpoints: `slim verify-audit --checkpoints FILE` checks the heads it
wrote to FILE earlier, and appends the current one (keep FILE outside the database
server, e.g. on the log host).
"""

import hashlib
import hmac
import json

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .key import load_key
from .models import AuditEvent, AuditHead
from .paths import audit_path

GENESIS = "0" * 64
FIELDS = ("at", "username", "action", "view", "path", "method", "status", "client_id", "objects_ref", "ip_address")
SEAL_ACTION = "verzegelen"
SEAL_VIEW = "audit.seal"


def audit_key() -> bytes:
    return load_key(create=not settings.PRODUCTION)


def _message(previous_hash: str, values: dict) -> bytes:
    canonical = json.dumps(
        {name: values[name] for name in FIELDS}, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":")
    )
    return f"{previous_hash}|{canonical}".encode()


def legacy_hash(previous_hash: str, values: dict) -> str:
    """The unkeyed SHA-256 of chains written before the audit key existed."""
    return hashlib.sha256(_message(previous_hash, values)).hexdigest()


def event_hash(previous_hash: str, values: dict, key: bytes | None = None) -> str:
    return hmac.new(key or audit_key(), _message(previous_hash, values), hashlib.sha256).hexdigest()


def _append(user, values):
    key = audit_key()
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1, defaults={"last_hash": GENESIS})
        values["hash"] = event_hash(head.last_hash, values, key)
        event = AuditEvent.objects.create(user=user, previous_hash=head.last_hash, **values)
        AuditHead.objects.filter(pk=1).update(last_hash=event.hash)
    return event


def record(*, user, action, view, path, method, status, client_id=None, objects_ref=None, ip_address=None):
    values = {
        "at": timezone.now().replace(microsecond=0),
        "username": user.get_username() if user else "",
        "action": action,
        "view": view,
        "path": audit_path(path)[:500],  # never free-text query values (paths.py)
        "method": method,
        "status": status,
        "client_id": client_id,
        "objects_ref": objects_ref or {},
        "ip_address": ip_address,
    }
    return _append(user, values)


def seal_values(legacy_events: int, legacy_head: str) -> dict:
    """The fields of the one event that seals a chain of plain SHA-256 hashes with the key."""
    return {
        "at": timezone.now().replace(microsecond=0),
        "username": "",
        "action": SEAL_ACTION,
        "view": SEAL_VIEW,
        "path": "",
        "method": "-",
        "status": 0,
        "client_id": None,
        "objects_ref": {"legacy_events": legacy_events, "legacy_head": legacy_head},
        "ip_address": None,
    }


def verify():
    """Return (ok, number of events checked, id of the first broken event or None)."""
    key = audit_key()
    seal = AuditEvent.objects.filter(action=SEAL_ACTION, view=SEAL_VIEW).order_by("id").values_list("id", flat=True).first()
    previous = GENESIS
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator():
        values = {name: getattr(event, name) for name in FIELDS}
        legacy = seal is not None and event.id < seal
        expected = legacy_hash(previous, values) if legacy else event_hash(previous, values, key)
        if event.previous_hash != previous or not hmac.compare_digest(event.hash, expected):
            return False, checked, event.id
        previous = event.hash
        checked += 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != previous:
        return False, checked, None
    return True, checked, None


def head():
    """(id, hash) of the newest event, or (0, GENESIS) for an empty trail: what a checkpoint records."""
    last = AuditEvent.objects.order_by("-id").values_list("id", "hash").first()
    return last or (0, GENESIS)


def check_checkpoint(event_id: int, event_hash_: str) -> bool:
    """Is this earlier head still in the chain, at the same place?"""
    if event_id == 0:
        return event_hash_ == GENESIS
    return AuditEvent.objects.filter(pk=event_id, hash=event_hash_).exists()
