"""Stored dashboard figures: the page answers from the latest snapshot instead of aggregating per visit.

Policy figures do not need to be live to the second. Taking a snapshot runs every
aggregate query once (queries.py, all in SQL) and stores the plain numbers; the
page, its charts and every CSV download then read the same numbers, so what a
policy maker downloads always equals what they saw. A snapshot older than
SLIM_INSIGHTS_MAX_AGE_MINUTES is replaced on the next visit; `slim refresh-insights`
(from cron) keeps it fresh so nobody waits for it.
"""

import datetime
import time

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEEP = 5  # older snapshots are removed; they hold only counts, but nothing needs them


class Snapshot(models.Model):
    taken_at = models.DateTimeField(_("berekend op"), default=timezone.now, db_index=True)
    seconds = models.FloatField(_("rekentijd in seconden"))
    figures = models.JSONField()

    class Meta:
        ordering = ["-taken_at", "-id"]
        verbose_name = _("momentopname van de cijfers")
        verbose_name_plural = _("momentopnamen van de cijfers")

    @classmethod
    def take(cls):
        """Run every dashboard query now, store the numbers, and drop all but the newest few snapshots."""
        from .queries import Figures

        started = time.perf_counter()
        figures = Figures().compute_all()
        snapshot = cls.objects.create(seconds=time.perf_counter() - started, figures=figures)
        old = cls.objects.values_list("pk", flat=True)[KEEP:]
        cls.objects.filter(pk__in=list(old)).delete()
        return snapshot

    @classmethod
    def fresh(cls):
        """The newest snapshot if it is young enough, otherwise a new one."""
        latest = cls.objects.first()
        max_age = datetime.timedelta(minutes=settings.SLIM_INSIGHTS_MAX_AGE_MINUTES)
        if latest is not None and latest.taken_at >= timezone.now() - max_age:
            return latest
        return cls.take()
