"""Users of SLIM: professionals, team leads, policy makers, admins and auditors.

The role decides what someone may see; it never says anything about clients.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    TEAM_LEAD = "teamleider", _("Teamleider")
    POLICY = "beleid", _("Beleidsmaker")
    ADMIN = "beheerder", _("Beheerder")
    AUDITOR = "auditor", _("Auditor")


class User(AbstractUser):
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.PROFESSIONAL)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.get_full_name() or self.username
