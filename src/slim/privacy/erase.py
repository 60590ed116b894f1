"""Anonymising a client: on request (AVG) or when the retention period has passed.

What identifies the person goes: name, BSN, free texts, statements and notes.
What remains are the structured facts the dashboards count (logics per life
domain, conversation types, flowed or stalled), tied to a number only.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from slim.cases.models import Case, Event, EventKind
from slim.clients.models import Client
from slim.matching.models import Decision, Intake

from .models import Anonymisation

REMOVED = "[verwijderd]"


def is_anonymised(client):
    return Anonymisation.objects.filter(client_id=client.pk).exists()


@transaction.atomic
def anonymise(client, by, reason):
    Client.objects.filter(pk=client.pk).update(name=f"Geanonimiseerd {client.pk}", bsn="")
    cases = Case.objects.filter(client=client)
    cases.update(shared_goal="", client_words="")
    for model_name, field in (("domaingoal", "text"), ("action", "description"), ("contact", "note"), ("event", "detail")):
        related = Case._meta.apps.get_model("cases", model_name)
        related.objects.filter(case__in=cases).update(**{field: REMOVED if field == "description" else ""})
    Intake.objects.filter(client=client).delete()  # statements in the client's own words
    Decision.objects.filter(client=client).update(reason="")
    return Anonymisation.objects.create(client_id=client.pk, by=by, reason=reason[:300])


def due_for_retention(now=None):
    """Clients without an open case whose last case closed longer ago than SLIM_RETENTION_YEARS."""
    cutoff = (now or timezone.now()) - timedelta(days=365 * settings.SLIM_RETENTION_YEARS)
    last_closed = Event.objects.filter(case__client=OuterRef("pk"), kind=EventKind.CLOSED)
    return (
        Client.objects.filter(cases__isnull=False)
        .exclude(Exists(Case.objects.filter(client=OuterRef("pk"), status=Case.Status.OPEN)))
        .exclude(pk__in=Anonymisation.objects.values("client_id"))
        .annotate(last_closed=Max("cases__events__at", filter=Q(cases__events__kind=EventKind.CLOSED)))
        .filter(Exists(last_closed), last_closed__lt=cutoff)
        .distinct()
    )


def apply_retention(now=None):
    reason = f"bewaartermijn van {settings.SLIM_RETENTION_YEARS} jaar verstreken"
    clients = list(due_for_retention(now))
    for client in clients:
        anonymise(client, None, reason)
    return len(clients)
