"""Intakes and the professional's decisions per life domain.

The engine only suggests. A Decision records what the professional chose, next
to what was suggested, so an override is visible with its reason, author and
date, and the history per domain shows how a client's view changes over time.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from slim.core import Logic

LOGIC_CHOICES = [(logic.value, logic.value.capitalize()) for logic in Logic]

class Intake(models.Model):
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="intakes")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    payload = models.JSONField(_("invoer"))
    result = models.JSONField(_("uitkomst"))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")

    def domain_results(self):
        return self.result.get("domains", [])


class Decision(models.Model):
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="decisions")
    intake = models.ForeignKey(Intake, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions")
    domain = models.CharField(_("leefgebied"), max_length=40)
    suggested_logic = models.CharField(_("voorstel"), max_length=20, blank=True, choices=LOGIC_CHOICES)
    confidence = models.FloatField(_("zekerheid van het voorstel"), null=True, blank=True)
    chosen_logic = models.CharField(_("gekozen logica"), max_length=20, choices=LOGIC_CHOICES)
    reason = models.TextField(_("reden"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)
    # The latest decision of its client and domain. Kept by operations.decide so that the policy dashboards
    # and the case alignment read the client's current logic without an anti-join over all history.
    is_current = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        constraints = [
            models.UniqueConstraint(
                fields=["client", "domain"], condition=Q(is_current=True), name="matching_one_current_decision"
            ),
        ]
        indexes = [
            # The policy dashboards count current decisions per domain and logic, and distinct clients per
            # logic: index-only scans in that order, without reading or sorting the decisions themselves.
            models.Index(fields=["domain", "chosen_logic"], condition=Q(is_current=True), name="matching_current_domain"),
            models.Index(fields=["chosen_logic", "client"], condition=Q(is_current=True), name="matching_current_logic"),
        ]

    @property
    def is_override(self):
        return self.chosen_logic != self.suggested_logic

