"""Pseudonymised rows for research: a client becomes a keyed hash, dates become months.

HMAC-SHA256 with a secret key, not a plain hash: without the key nobody can
recompute the pseudonym from a client number, and with it the same client gets
the same pseudonym in every export, so exports can be linked by those allowed to.
The key comes from SLIM_PSEUDONYM_KEY (setting or environment variable); without
it, a key is derived from SECRET_KEY, so it is still secret but changes with it.
"""

import hashlib
import hmac
import os

from django.conf import settings
from django.utils import timezone

from .queries import current_decisions

HEADER = ["pseudoniem", "leefgebied", "logica", "besloten_in_maand"]


def pseudonym_key():
    key = getattr(settings, "SLIM_PSEUDONYM_KEY", None) or os.environ.get("SLIM_PSEUDONYM_KEY")
    if key:
        return key.encode()
    return hmac.new(settings.SECRET_KEY.encode(), b"slim.insights.pseudonym-key", hashlib.sha256).digest()


def pseudonym(client_id, key):
    return hmac.new(key, f"client:{client_id}".encode(), hashlib.sha256).hexdigest()


def pseudonymised_rows(key=None):
    """One row per client, life domain and latest decision; no name, no BSN, month instead of date."""
    key = key or pseudonym_key()
    decisions = current_decisions().order_by("client_id", "domain").values_list("client_id", "domain", "chosen_logic", "decided_at")
    for client_id, domain, logic, decided_at in decisions.iterator(chunk_size=5000):
        yield [pseudonym(client_id, key), domain, logic, timezone.localtime(decided_at).strftime("%Y-%m")]
