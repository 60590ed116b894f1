"""Read-only reports from a PostgreSQL hot standby, with the primary as fallback.

When SLIM_REPLICA_DATABASE_URL is set, the settings add a database alias "replica"
and this router. Only code that runs inside `reports_from_replica()` (the policy
dashboards and their downloads, see insights/views.py) reads from the replica;
every other read and every write goes to the primary, so a user always sees what
they just saved.

The replica is used only while it is usable: it answers, it is a standby
(pg_is_in_recovery), and it has replayed everything it received or is less than
SLIM_REPLICA_MAX_LAG_SECONDS behind. Otherwise the report reads from the primary.
The check runs at most once per SLIM_REPLICA_CHECK_SECONDS per process, so a
report costs no extra query most of the time.
"""

import contextlib
import contextvars
import logging
import time

from django.conf import settings
from django.db import DatabaseError, connections

REPLICA = "replica"
PRIMARY = "default"

_reporting = contextvars.ContextVar("slim_reporting", default=False)
_checked = {"at": -1e9, "usable": False}
logger = logging.getLogger(__name__)

LAG_SQL = """
    SELECT pg_is_in_recovery(),
           CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
                ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END
"""


def configured():
    return REPLICA in settings.DATABASES


@contextlib.contextmanager
def reports_from_replica():
    """Reads inside this block go to the replica when it is usable."""
    token = _reporting.set(True)
    try:
        yield
    finally:
        _reporting.reset(token)


def replica_view(view):
    """Decorator for read-only report views."""

    def wrapper(request, *args, **kwargs):
        with reports_from_replica():
            return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    wrapper.__wrapped__ = view
    return wrapper


def replica_usable(now=None):
    """Whether the replica answers, is a standby, and is not too far behind (cached per process)."""
    now = time.monotonic() if now is None else now
    if now - _checked["at"] < settings.SLIM_REPLICA_CHECK_SECONDS:
        return _checked["usable"]
    usable = False
    try:
        connection = connections[REPLICA]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(LAG_SQL)
                in_recovery, lag = cursor.fetchone()
            usable = bool(in_recovery) and float(lag) <= settings.SLIM_REPLICA_MAX_LAG_SECONDS
            if not usable:
                logger.warning("replica not used: in_recovery=%s lag=%.1fs", in_recovery, float(lag))
    except DatabaseError as error:
        logger.warning("replica not used: %s", error.__class__.__name__)
        connections[REPLICA].close()
    _checked.update(at=now, usable=usable)
    return usable


def forget_check():
    """Check the replica again on the next report (tests, or after a fail-over)."""
    _checked.update(at=-1e9, usable=False)


class ReportRouter:
    """Reads inside reports_from_replica() go to a usable replica; everything else to the primary."""

    def db_for_read(self, model, **hints):
        if _reporting.get() and replica_usable():
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: same rows, same ids

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY
