"""Users of SLIM: professionals, team leads, policy makers, admins and auditors.

The role decides what someone may see; it never says anything about clients.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
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
    session_generation = models.PositiveIntegerField(default=0, editable=False)
    # How a client reaches this professional; shown on the client's plan ("Wie helpt mij?"). Optional.
    contact_phone = models.CharField(_("telefoon voor cliënten"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mail voor cliënten"), blank=True)

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def requires_second_factor(self):
        """Admins (and anyone who may open /beheer/) must use a second step; everyone else may switch it on."""
        from .secondstep import has_second_factor

        return self.role == Role.ADMIN or self.is_superuser or self.is_staff or has_second_factor(self)

    def _get_session_auth_hash(self, secret=None):
        # Including the generation makes 'log out everywhere' a matter of increasing it:
        # every existing session then fails Django's own session hash check.
        key_salt = "slim.accounts.User.session_auth_hash"
        value = f"{self.password}:{self.session_generation}"
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()


class OIDCIdentity(models.Model):
    """A person at the identity provider, by the provider's issuer and its stable `sub` claim.

    OIDC logins find their SLIM user only through this pair, never by username: a provider user
    who happens to be called like a local account does not get that account. The first OIDC
    login of a new identity creates a new user; a beheerder links an identity to an existing
    account explicitly (in /beheer/, on the user's page).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="oidc_identities", verbose_name=_("gebruiker"))
    issuer = models.CharField(_("identiteitsprovider (issuer)"), max_length=255)
    subject = models.CharField(_("vaste id bij de provider (sub)"), max_length=255)
    created_at = models.DateTimeField(_("gekoppeld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("OIDC-koppeling")
        verbose_name_plural = _("OIDC-koppelingen")
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="accounts_oidc_identity_unique")]

    def __str__(self):
        return f"{self.issuer} {self.subject}"
