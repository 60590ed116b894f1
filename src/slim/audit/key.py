"""The secret that seals the audit trail: never stored in the database.

Without it, whoever can write to the database could rewrite a row, recompute every
hash and the head, and `slim verify-audit` would find nothing wrong. With it, each
hash is an HMAC-SHA256 that only a holder of the key can recompute.

Where the key comes from, in this order:

1. SLIM_AUDIT_KEY: the key itself (at least 32 characters), e.g. from a secret store.
2. SLIM_AUDIT_KEY_FILE, default <SLIM_DATA_DIR>/audit.key: a file holding the key.
   Outside production SLIM creates this file on first use (random, mode 0600).
   In production it never does: `slim serve --production` refuses to start, and
   writing to the audit trail fails, until the key is set or the file exists.

Keep a copy of the key with the backups (not inside them): a restored audit trail
verifies only with the key it was written with.
"""

import os
import secrets
from pathlib import Path

MIN_LENGTH = 32


class MissingAuditKey(RuntimeError):
    pass


def key_file() -> Path:
    data_dir = Path(os.environ.get("SLIM_DATA_DIR", Path.cwd() / "var"))
    return Path(os.environ.get("SLIM_AUDIT_KEY_FILE", data_dir / "audit.key")).resolve()


def key_configured() -> bool:
    """For the production start check: a key in the environment, or an existing key file."""
    return bool(os.environ.get("SLIM_AUDIT_KEY")) or key_file().is_file()


def load_key(*, create: bool) -> bytes:
    value = os.environ.get("SLIM_AUDIT_KEY", "")
    source = "SLIM_AUDIT_KEY"
    if not value:
        path = key_file()
        source = str(path)
        if not path.exists() and create:
            _create(path)
        try:
            value = path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            raise MissingAuditKey(
                f"De sleutel van het audittrail ontbreekt: zet SLIM_AUDIT_KEY of maak {path} aan "
                "(zie SECURITY.md)."
            ) from None
    if len(value) < MIN_LENGTH:
        raise MissingAuditKey(f"De sleutel van het audittrail in {source} is te kort (minstens {MIN_LENGTH} tekens).")
    return value.encode()


def _create(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process was first
        return
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_hex(32) + "\n")
