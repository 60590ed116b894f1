"""Advice that measures itself (issue 19): research consent, labelling studies and their events.

A study shows professionals masked statements of consenting clients under a study-local number;
they label them blind. Every change goes through slim.quality.operations, which records a
QualityEvent in the same transaction.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from slim.matching.models import LOGIC_CHOICES


class ResearchConsent(models.Model):
    """The client agreed that masked statements may be used to measure and improve the advice."""

    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    given_on = models.DateField(_("gegeven op"))
    withdrawn_on = models.DateField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = _("toestemming voor kwaliteitsonderzoek")
        verbose_name_plural = _("toestemmingen voor kwaliteitsonderzoek")

    @property
    def active(self):
        return self.withdrawn_on is None or self.withdrawn_on > timezone.localdate()


class Study(models.Model):
    title = models.CharField(_("titel"), max_length=120)
    organisation = models.CharField(_("team"), max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    labellers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="quality_studies", verbose_name=_("labelaars"))
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("labelonderzoek")
        verbose_name_plural = _("labelonderzoeken")

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.closed_at is None


class StudyItem(models.Model):
    """One masked statement in a study. The client link stays server-side (for withdrawn consent), never shown."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveIntegerField(_("nummer"))
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("uitspraak (gemaskeerd)"))
    domain = models.CharField(_("leefgebied"), max_length=40, blank=True)
    engine_logic = models.CharField(_("voorstel van SLIM"), max_length=20, blank=True)
    engine_confidence = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["study", "number"]
        constraints = [models.UniqueConstraint(fields=["study", "number"], name="quality_item_number")]


class Label(models.Model):
    item = models.ForeignKey(StudyItem, on_delete=models.CASCADE, related_name="labels")
    labeller = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    logic = models.CharField(_("logica"), max_length=20, choices=LOGIC_CHOICES)
    labelled_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "labeller"], name="quality_one_label_per_labeller")]


class QualityEvent(models.Model):
    """What happened in the quality app, written in the same transaction as the change."""

    class Kind(models.TextChoices):
        CONSENT_GIVEN = "toestemming", _("toestemming vastgelegd")
        CONSENT_WITHDRAWN = "ingetrokken", _("toestemming ingetrokken")
        STUDY_CREATED = "onderzoek", _("onderzoek gestart")
        LABELLED = "label", _("label gegeven")
        STUDY_CLOSED = "gesloten", _("onderzoek gesloten")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    study = models.ForeignKey(Study, on_delete=models.CASCADE, null=True, related_name="events")
    client_id = models.BigIntegerField(null=True)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
