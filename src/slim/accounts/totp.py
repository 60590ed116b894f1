"""Time-based one-time passwords (RFC 6238) for the second login step.

Small enough to write with the standard library, so no extra dependency holds
the most sensitive part of logging in.
"""

import base64
import hashlib
import hmac
import secrets
import struct
import time
from urllib.parse import quote

STEP_SECONDS = 30
DIGITS = 6


def new_secret() -> str:
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def code_at(secret: str, counter: int) -> str:
    key = base64.b32decode(secret, casefold=True)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**DIGITS).zfill(DIGITS)


def verify(secret: str, code: str, now: float | None = None, window: int = 1) -> bool:
    """Accept the current code and one step either side, for clocks that drift a little."""
    code = (code or "").strip().replace(" ", "")
    if not secret or len(code) != DIGITS or not code.isdigit():
        return False
    counter = int((time.time() if now is None else now) // STEP_SECONDS)
    return any(hmac.compare_digest(code_at(secret, counter + delta), code) for delta in range(-window, window + 1))


def provisioning_uri(secret: str, username: str, issuer: str = "SLIM") -> str:
    return f"otpauth://totp/{quote(issuer)}:{quote(username)}?secret={secret}&issuer={quote(issuer)}"
