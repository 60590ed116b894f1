"""Every write of slim.quality: the change and its QualityEvent in one transaction."""

import random

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from slim.core import classify
from slim.core.errors import InputError
from slim.core.masking import mask

from . import sources
from .models import Label, QualityEvent, ResearchConsent, Study, StudyItem


class QualityError(Exception):
    """A refusal with a Dutch message for the page."""


def active_consent_client_ids():
    today = sources.today()
    consents = ResearchConsent.objects.filter(given_on__lte=today)
    active = consents.filter(withdrawn_on__isnull=True) | consents.filter(withdrawn_on__gt=today)
    return set(active.values_list("client_id", flat=True))


@transaction.atomic
def record_consent(client, user, given_on):
    consent = ResearchConsent.objects.create(client=client, recorded_by=user, given_on=given_on)
    QualityEvent.objects.create(kind=QualityEvent.Kind.CONSENT_GIVEN, actor=user, client_id=client.pk)
    return consent


@transaction.atomic
def withdraw_consent(client, user):
    """Withdraw every active consent of the client; its statements leave open studies."""
    today = sources.today()
    changed = ResearchConsent.objects.filter(client=client, withdrawn_on__isnull=True).update(withdrawn_on=today)
    removed, _ = StudyItem.objects.filter(client=client, study__closed_at__isnull=True).delete()
    QualityEvent.objects.create(
        kind=QualityEvent.Kind.CONSENT_WITHDRAWN, actor=user, client_id=client.pk, detail=f"{removed} uitspraken uit open onderzoek"
    )
    return changed


@transaction.atomic
def create_study(user, title, labellers, size, seed=None):
    """A study of up to `size` masked statements of consenting clients of the lead's team, numbered 1..n."""
    title = (title or "").strip()
    if not title:
        raise QualityError(_("Geef het onderzoek een titel."))
    if len(labellers) < 2:
        raise QualityError(_("Kies minstens twee professionals die labelen."))
    found = sources.consented_statements(user.organisation, active_consent_client_ids())
    if not found:
        raise QualityError(_("Er zijn nog geen uitspraken van cliënten die toestemming gaven."))
    sample = random.Random(seed).sample(found, min(size, len(found)))
    study = Study.objects.create(title=title[:120], organisation=user.organisation, created_by=user)
    study.labellers.set(labellers)
    for number, (client_id, domain, statement) in enumerate(sample, start=1):
        try:
            reading = classify(statement, domain or None)
            logic, confidence = (reading.logic.value if reading.logic else ""), reading.confidence
        except InputError:
            logic, confidence = "", None
        StudyItem.objects.create(
            study=study, number=number, client_id=client_id, text=mask(statement), domain=domain,
            engine_logic=logic, engine_confidence=confidence,
        )
    QualityEvent.objects.create(kind=QualityEvent.Kind.STUDY_CREATED, actor=user, study=study, detail=f"{len(sample)} uitspraken")
    return study


@transaction.atomic
def label(study, item, user, logic):
    if not study.is_open:
        raise QualityError(_("Dit onderzoek is gesloten; labelen kan niet meer."))
    if item.study_id != study.pk:
        raise QualityError(_("Deze uitspraak hoort niet bij dit onderzoek."))
    Label.objects.update_or_create(item=item, labeller=user, defaults={"logic": logic, "labelled_at": timezone.now()})
    QualityEvent.objects.create(kind=QualityEvent.Kind.LABELLED, actor=user, study=study, detail=f"uitspraak {item.number}")


@transaction.atomic
def close_study(study, user):
    if not study.is_open:
        raise QualityError(_("Dit onderzoek is al gesloten."))
    study.closed_at = timezone.now()
    study.save(update_fields=["closed_at"])
    QualityEvent.objects.create(kind=QualityEvent.Kind.STUDY_CLOSED, actor=user, study=study)
