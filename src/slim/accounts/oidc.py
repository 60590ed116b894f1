"""Staff login through the municipality's identity provider, with mozilla-django-oidc.

The protocol (state, nonce, PKCE, token and userinfo calls, signature check) is the library's.
SLIM adds: settings from SLIM_OIDC_* (oidc_settings.py) with optional discovery, the mapping of a
claim to a SLIM role (never the admin role by default), the shared django-axes lockout, the
rule that the local second step is skipped only when SLIM_OIDC_SKIP_SECOND_STEP=1, and matching
users on the provider's issuer and `sub` (models.OIDCIdentity), never on a username.
"""

import logging

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from .models import OIDCIdentity, Role, User
from .secondstep import NEXT, OIDC_MFA, forget_second_step, has_second_factor, second_step_done

log = logging.getLogger(__name__)

DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}
_discovery_cache = {}


def discovery(url):
    """The provider's /.well-known/openid-configuration, fetched once; a failure is retried next time."""
    if url not in _discovery_cache:
        try:
            response = requests.get(url, timeout=10)
            response.raise_for_status()
            _discovery_cache[url] = response.json()
        except (requests.RequestException, ValueError) as exc:
            log.warning("OIDC discovery at %s failed: %s", url, exc)
            return {}
    return _discovery_cache[url]


def oidc_setting(attr, *args):
    if attr in DISCOVERED and not getattr(settings, attr, "") and getattr(settings, "SLIM_OIDC_DISCOVERY_URL", ""):
        return discovery(settings.SLIM_OIDC_DISCOVERY_URL).get(DISCOVERED[attr], "")
    return import_from_settings(attr, *args)


def expected_issuer():
    """SLIM_OIDC_ISSUER, else the issuer the provider's discovery document names, else None (not checked)."""
    if settings.SLIM_OIDC_ISSUER:
        return settings.SLIM_OIDC_ISSUER
    if settings.SLIM_OIDC_DISCOVERY_URL:
        return discovery(settings.SLIM_OIDC_DISCOVERY_URL).get("issuer") or None
    return None


def role_from_claims(claims):
    """The SLIM role the provider's claim maps to, or None (no access).

    A claim may be one value or a list (groups). Values that map to more than one SLIM role are
    refused rather than guessed; without a mapped value the default role applies, which can never
    be the admin role (oidc_settings refuses that).
    """
    value = claims.get(settings.SLIM_OIDC_ROLE_CLAIM)
    values = value if isinstance(value, list) else [value] if value else []
    roles = {settings.SLIM_OIDC_ROLE_MAP[v] for v in values if isinstance(v, str) and v in settings.SLIM_OIDC_ROLE_MAP}
    if len(roles) == 1:
        return roles.pop()
    if roles:
        return None
    return settings.SLIM_OIDC_DEFAULT_ROLE or None


class SlimOIDCBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(oidc_setting)

    def authenticate(self, request, **kwargs):
        if request is None or "code" not in request.GET:
            return None  # a password login: not ours
        try:
            return super().authenticate(request, **kwargs)
        except (SuspiciousOperation, IntegrityError, requests.RequestException, jwt.PyJWTError, KeyError, ValueError) as exc:
            # IntegrityError: two first logins of the same identity at once; the second may simply try again.
            log.warning("OIDC login refused: %s", exc)
            return None

    def _verify_jws(self, payload, key):
        """The library checks the signature and expiry; SLIM also checks audience and issuer."""
        alg = jwt.get_unverified_header(payload).get("alg")
        if alg != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(f"ID token signed with {alg!r}, expected {self.OIDC_RP_SIGN_ALGO!r}")
        issuer = expected_issuer()
        try:
            return jwt.decode(
                payload, key, algorithms=[alg], audience=self.OIDC_RP_CLIENT_ID, issuer=issuer,
                options={"require": ["exp", "iat", "aud"] + (["iss"] if issuer else [])},
            )
        except jwt.PyJWTError as exc:
            raise SuspiciousOperation(f"ID token refused: {exc}") from exc

    def _username(self, claims):
        value = claims.get(settings.SLIM_OIDC_USERNAME_CLAIM)
        return value[:150] if isinstance(value, str) and value else None

    def get_userinfo(self, access_token, id_token, payload):
        """The userinfo claims, plus the identity that SLIM matches on: the ID token's issuer and `sub`.

        OpenID Connect Core 5.3.2: the userinfo `sub` must equal the ID token's, else the answer is
        not about the person who logged in.
        """
        claims = super().get_userinfo(access_token, id_token, payload)
        issuer, subject = payload.get("iss"), payload.get("sub")
        for value in (issuer, subject):
            if not isinstance(value, str) or not 0 < len(value) <= 255:
                raise SuspiciousOperation("ID token without a usable iss or sub")
        if claims.get("sub") != subject:
            raise SuspiciousOperation("userinfo sub differs from the ID token's sub")
        self.identity = {"issuer": issuer, "subject": subject}
        return claims

    def verify_claims(self, claims):
        from axes.handlers.proxy import AxesProxyHandler

        if not self._username(claims) or role_from_claims(claims) is None:
            return False
        # One lockout for every path: an account locked by wrong passwords cannot come in through
        # OIDC either, nor can anyone from an address that is locked (slim.accounts.lockout).
        linked = self.filter_users_by_claims(claims).first()
        return not AxesProxyHandler.is_locked(self.request, {"username": linked.username if linked else None})

    def filter_users_by_claims(self, claims):
        """Only the user this (issuer, sub) was linked to; never a user that merely has the same name."""
        return User.objects.filter(oidc_identities__issuer=self.identity["issuer"],
                                   oidc_identities__subject=self.identity["subject"])

    def create_user(self, claims):
        """A new user for a new identity, under the provider's username or, if that is taken, a free variant.

        An existing account is never taken over: a beheerder links an identity to it explicitly.
        """
        with transaction.atomic():
            user = User(username=free_username(self._username(claims)))
            user.set_unusable_password()
            user = self.update_user(user, claims)
            OIDCIdentity.objects.create(user=user, **self.identity)
        return user

    def update_user(self, user, claims):
        role = role_from_claims(claims)
        user.role = role
        user.is_staff = user.is_superuser = role == Role.ADMIN
        user.email = claims.get("email", user.email) or ""
        user.first_name = (claims.get("given_name") or user.first_name)[:150]
        user.last_name = (claims.get("family_name") or user.last_name)[:150]
        user.save()
        return user


def free_username(wanted):
    """`wanted`, or `wanted-2`, `wanted-3`, ... : the first that no account has (case-insensitively)."""
    candidate, number = wanted, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        suffix = f"-{number}"
        candidate = wanted[: 150 - len(suffix)] + suffix
    return candidate


class SlimOIDCStartView(OIDCAuthenticationRequestView):
    get_settings = staticmethod(oidc_setting)


class SlimOIDCCallbackView(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(oidc_setting)

    def login_success(self):
        response = super().login_success()
        request, user = self.request, self.user
        forget_second_step(request)
        if settings.SLIM_OIDC_SKIP_SECOND_STEP:
            request.session[OIDC_MFA] = True
        if user.requires_second_factor and not second_step_done(request):
            request.session[NEXT] = self.success_url
            return redirect("accounts:second-step" if has_second_factor(user) else "accounts:totp-setup")
        return response

    def login_failure(self):
        messages.error(self.request, _("Inloggen via de gemeente is niet gelukt. Probeer het opnieuw of vraag een beheerder om hulp."))
        return redirect("accounts:login")


def _only_when_enabled(view):
    def wrapped(request, *args, **kwargs):
        if not settings.SLIM_OIDC_ENABLED:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


oidc_start = _only_when_enabled(SlimOIDCStartView.as_view())
oidc_callback = _only_when_enabled(SlimOIDCCallbackView.as_view())
