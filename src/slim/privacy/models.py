"""A record of every anonymisation, kept after the personal data itself is gone."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Anonymisation(models.Model):
    client_id = models.BigIntegerField(_("cliëntnummer"), unique=True)
    at = models.DateTimeField(_("tijdstip"), auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    reason = models.CharField(_("reden"), max_length=300)

    class Meta:
        verbose_name = _("anonimisering")
        verbose_name_plural = _("anonimiseringen")
