"""What of a request's address goes into the audit trail: the path and only harmless query values.

A query string can hold free text: a search in the admin (`?q=`), or anything someone types behind
an address, such as a client's name or BSN. The audit trail must not become a second copy of that.
So the trail keeps the path, the names of known query parameters (which filter or search was used),
and a value only for the parameters below, and only when the value has the expected form: a page
number, an ordering, a life domain or logic, a yes/no switch. Everything else is left out.
"""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from slim.core.knowledge import life_domain_codes
from slim.core.model import Logic

PAGE = re.compile(r"\d{1,4}")  # a BSN has nine digits: never a page number
ORDERING = re.compile(r"-?\d{1,2}(\.-?\d{1,2}){0,9}")  # the admin's column ordering, e.g. 1.-2
SWITCH = re.compile(r"[01]")
# Parameter names kept as they are: SLIM's own and the admin's (its filters have '__', its own
# switches start with '_'). Any other name could be typed text ('?Jansen') and becomes '_'.
KNOWN_NAMES = {"q", "next", "e", "all", "sort", "fit", "ids", "vergelijk", "status", "role", "action"}
ADMIN_NAME = re.compile(r"(_[a-z_]{1,40}|[a-z][a-z0-9_]{0,40}__[a-z_]{1,20})")


def _domain(value):
    return value in life_domain_codes()


def _logic(value):
    return value in {logic.value for logic in Logic}


KEPT_VALUES = {
    "pagina": PAGE.fullmatch,
    "page": PAGE.fullmatch,
    "p": PAGE.fullmatch,  # admin lists
    "o": ORDERING.fullmatch,
    "per": re.compile(r"maand|kwartaal").fullmatch,
    "print": SWITCH.fullmatch,
    "besproken": SWITCH.fullmatch,
    "domain": _domain,
    "opgeslagen": _domain,
    "logic": _logic,
}


def audit_path(full_path: str) -> str:
    """'/beheer/accounts/user/?q=Jansen&p=2' -> '/beheer/accounts/user/?q&p=2'."""
    parts = urlsplit(full_path)
    if not parts.query:
        return parts.path
    kept = []
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name not in KEPT_VALUES and name not in KNOWN_NAMES and not ADMIN_NAME.fullmatch(name):
            name = "_"
        check = KEPT_VALUES.get(name)
        item = urlencode([(name, value)]) if check and check(value) else name
        if item not in kept:
            kept.append(item)
    return f"{parts.path}?{'&'.join(kept)}"
