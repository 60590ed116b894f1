"""Clients: the people SLIM is about. A client is only visible to those who work with them (visibility.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .bsn import mask_bsn, validate_bsn
from .visibility import visibility_rule


class ClientQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Need-to-know, as decided in visibility.py."""
        rule = visibility_rule(user)
        return self.none() if rule is None else self.filter(rule)


class Client(models.Model):
    name = models.CharField(
        _("naam of initialen"), max_length=120, help_text=_("Zoveel als nodig om de cliënt te herkennen, niet meer.")
    )
    bsn = models.CharField(_("BSN (optioneel)"), max_length=9, blank=True, validators=[validate_bsn])
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClientQuerySet.as_manager()

    class Meta:
        db_table = "cases_client"  # the table from before this app existed, kept with its data
        ordering = ["name", "id"]
        verbose_name = _("cliënt")
        verbose_name_plural = _("cliënten")

    def __str__(self):
        return self.name

    @property
    def masked_bsn(self):
        return mask_bsn(self.bsn)


def visible_clients(user):
    """Clients whose record, intakes and self-image (the matching data) the user may open."""
    return Client.objects.visible_to(user)
