"""The client's own voice: access codes, the client's self-assessment and "Klopt dit?".

Nothing here overwrites the professional's record (matching.Decision): the client's view
is stored beside it. A code is kept only as its hash; the PIN only as a password hash.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessCode(models.Model):
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("geldig tot"))
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    pin_hash = models.CharField(max_length=200, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def is_valid(self, now=None):
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now


class EntryAttempt(models.Model):
    """A failed code or PIN entry, for the throttle (per IP and overall)."""

    ip_address = models.GenericIPAddressField(null=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)


class Answer(models.TextChoices):
    YES = "klopt", _("Klopt")
    NO = "klopt_niet", _("Klopt niet")
    UNSURE = "weet_niet", _("Weet ik niet")


class SelfAssessment(models.Model):
    """The client's own answers for one life domain, and how the engine reads them."""

    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="+")
    domain = models.CharField(max_length=40)
    richting = models.CharField(max_length=20)
    kunnen = models.CharField(max_length=20)
    own_words = models.CharField(max_length=300, blank=True)
    logic = models.CharField(max_length=20, blank=True)  # the engine's reading of the client's answers
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["client", "domain", "-created_at"])]


class PlanCheck(models.Model):
    """'Klopt dit?': the client's answer on how the team approaches one life domain."""

    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="+")
    domain = models.CharField(max_length=40)
    logic = models.CharField(max_length=20)  # the decided logic the client was shown
    answer = models.CharField(max_length=20, choices=Answer.choices)
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
