"""Every change of the client portal, with its audit record, in one transaction.

Access: a code of 20 characters from a 32-letter alphabet (100 bits), shown in groups of
four. Only an HMAC of it is stored, and a code is found by that hash alone, so codes cannot
be listed or guessed one character at a time. Failed entries are throttled per IP address
and overall. Once the client has set a PIN, the code alone no longer opens the plan.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone

from slim.audit import chain
from slim.core import match_intake

from .models import AccessCode, EntryAttempt, PlanCheck, SelfAssessment

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 signs, no 0/O or 1/I
CODE_LENGTH = 20
DEFAULT_DAYS = 30
WINDOW = timedelta(minutes=15)
MAX_PER_IP = 10
MAX_OVERALL = 200


class Refused(Exception):
    """Entry refused; `throttled` says whether it was the throttle."""

    def __init__(self, throttled=False):
        super().__init__("refused")
        self.throttled = throttled


def normalise(code: str) -> str:
    return "".join(sign for sign in str(code).upper() if sign in ALPHABET)[:64]


def grouped(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def code_hash(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), normalise(code).encode(), hashlib.sha256).hexdigest()


def _audit(view, access, status=200, ip=None, **ref):
    chain.record(
        user=None, action="schrijven" if ref.pop("write", False) else "lezen", view=f"portal:{view}",
        path=f"/mijn/{view}/", method="POST", status=status, client_id=access.client_id if access else None,
        objects_ref={"toegang": str(access.pk) if access else "", "door": "cliënt", **{k: str(v) for k, v in ref.items()}},
        ip_address=ip,
    )


def audit_action(access, action, done, ip):
    _audit("actie", access, ip=ip, write=True, actie=action.pk, klaar="ja" if done else "nee")


def audit_read(view, access, path, ip):
    chain.record(user=None, action="lezen", view=f"portal:{view}", path=path, method="GET", status=200,
                 client_id=access.client_id, objects_ref={"toegang": str(access.pk), "door": "cliënt"}, ip_address=ip)


@transaction.atomic
def create_code(case, actor, days=DEFAULT_DAYS):
    """A new code for the client of `case`; earlier codes of that client stop working. Returns (access, code)."""
    code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    now = timezone.now()
    AccessCode.objects.filter(client_id=case.client_id, revoked_at__isnull=True).update(revoked_at=now, revoked_by=actor)
    access = AccessCode.objects.create(
        client_id=case.client_id, case=case, code_hash=code_hash(code), created_by=actor, expires_at=now + timedelta(days=days)
    )
    chain.record(user=actor, action="schrijven", view="portal:code-new", path=f"/mijn/code/{case.pk}/", method="POST",
                 status=200, client_id=case.client_id, objects_ref={"toegang": str(access.pk)})
    return access, code


@transaction.atomic
def revoke(case, actor):
    count = AccessCode.objects.filter(client_id=case.client_id, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=actor
    )
    chain.record(user=actor, action="schrijven", view="portal:code-revoke", path=f"/mijn/code/{case.pk}/", method="POST",
                 status=200, client_id=case.client_id, objects_ref={"ingetrokken": str(count)})
    return count


def throttled(ip) -> bool:
    since = timezone.now() - WINDOW
    recent = EntryAttempt.objects.filter(at__gte=since)
    return recent.count() >= MAX_OVERALL or recent.filter(ip_address=ip).count() >= MAX_PER_IP


def _fail(ip, access=None):
    EntryAttempt.objects.create(ip_address=ip)
    _audit("enter", access, status=403, ip=ip, uitkomst="geweigerd")
    raise Refused()


def enter(code, pin, ip):
    """The access for a valid code (and PIN, once set), or Refused. Every attempt is audited.

    Not one transaction: a refused attempt must stay recorded (throttle and audit) when Refused is raised."""
    if throttled(ip):
        _audit("enter", None, status=429, ip=ip, uitkomst="te vaak")
        raise Refused(throttled=True)
    access = AccessCode.objects.filter(code_hash=code_hash(code)).first() if len(normalise(code)) == CODE_LENGTH else None
    if access is None or not access.is_valid():
        _fail(ip, access)
    if access.pin_hash and not check_password(str(pin or ""), access.pin_hash):
        _fail(ip, access)
    access.last_used_at = timezone.now()
    access.save(update_fields=["last_used_at"])
    _audit("enter", access, ip=ip, uitkomst="binnen")
    return access


def current(access_id):
    """The access behind a client session, if still valid."""
    access = AccessCode.objects.select_related("client", "case", "case__next_appointment_with").filter(pk=access_id).first()
    return access if access is not None and access.is_valid() else None


@transaction.atomic
def set_pin(access, pin, ip=None):
    access.pin_hash = make_password(pin)
    access.save(update_fields=["pin_hash"])
    _audit("pin", access, ip=ip, write=True)


def engine_logic(domain, richting, kunnen):
    """How the engine reads the client's two answers, exactly as it reads a professional's intake."""
    result = match_intake({"domains": [{"domain": domain, "answers": {"richting": richting, "kunnen": kunnen}}]})
    logic = result.domains[0].logic
    return logic.value if logic else ""


@transaction.atomic
def save_self_assessment(access, answers, ip=None):
    """answers: {domain: (richting, kunnen, own_words)}; one new row per domain, older rows kept."""
    rows = [
        SelfAssessment(client_id=access.client_id, domain=domain, richting=r, kunnen=k, own_words=words,
                       logic=engine_logic(domain, r, k))
        for domain, (r, k, words) in answers.items()
    ]
    SelfAssessment.objects.bulk_create(rows)
    _audit("zelf", access, ip=ip, write=True, leefgebieden=len(rows))
    return rows


@transaction.atomic
def save_check(access, domain, logic, answer, reason="", ip=None):
    check = PlanCheck.objects.create(client_id=access.client_id, domain=domain, logic=logic, answer=answer, reason=reason)
    _audit("klopt", access, ip=ip, write=True, leefgebied=domain, antwoord=answer)
    return check
