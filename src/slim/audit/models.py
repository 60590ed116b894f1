"""The audit trail: who read or changed which client's data, when and from where.

Append-only in three ways: the model refuses updates and deletes, database
triggers refuse them too, and every event carries the hash of the one before
it, so a changed or removed row breaks the chain (see chain.verify).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Het audittrail kan niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("Het audittrail kan niet worden verwijderd.")


class AuditEvent(models.Model):
    at = models.DateTimeField(_("tijdstip"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    username = models.CharField(_("gebruiker"), max_length=150)
    action = models.CharField(_("handeling"), max_length=10)  # 'lezen' | 'schrijven'
    view = models.CharField(_("pagina of functie"), max_length=120)
    path = models.CharField(_("adres"), max_length=500)
    method = models.CharField(max_length=10)
    status = models.PositiveSmallIntegerField(_("uitkomst"))
    client_id = models.BigIntegerField(_("cliënt"), null=True, db_index=True)
    objects_ref = models.JSONField(_("objecten"), default=dict)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditregels")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Een auditregel kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Een auditregel kan niet worden verwijderd.")


class AuditHead(models.Model):
    """One row holding the newest hash; locking it serialises writers so the chain never forks."""

    last_hash = models.CharField(max_length=64)


class AuditCheck(models.Model):
    """The outcome of each run of `slim verify-audit`, so the beheerder's start page can show the last one."""

    at = models.DateTimeField(_("gecontroleerd op"), auto_now_add=True)
    ok = models.BooleanField(_("in orde"))
    checked = models.PositiveIntegerField(_("gecontroleerde regels"))
    broken = models.BigIntegerField(_("eerste aangetaste regel"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("controle van de audittrail")
        verbose_name_plural = _("controles van de audittrail")
