"""Settings for staff login through the municipality's identity provider (OpenID Connect).

Read only from SLIM_OIDC_* environment variables (docs/deployment.md). Without
SLIM_OIDC_CLIENT_ID the whole OIDC login is off: no button, no backend, the URLs answer 404.
Imports no models: settings.py calls it while Django is still starting.
"""

from django.core.exceptions import ImproperlyConfigured

ROLES = ("professional", "teamleider", "beleid", "beheerder", "auditor")
ADMIN_ROLE = "beheerder"


def parse_role_map(text):
    """'idp-value=role,other=role' -> {'idp-value': 'role', ...}; without a map a claim must name a SLIM role."""
    mapping = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        value, sep, role = part.partition("=")
        if not sep or role.strip() not in ROLES:
            raise ImproperlyConfigured(f"SLIM_OIDC_ROLE_MAP: '{part.strip()}' is not 'claimwaarde=rol' with a SLIM role")
        mapping[value.strip()] = role.strip()
    return mapping or {role: role for role in ROLES}


def oidc_settings(env):
    client_id = env.get("SLIM_OIDC_CLIENT_ID", "")
    if not client_id:
        return {"SLIM_OIDC_ENABLED": False, "SLIM_OIDC_SKIP_SECOND_STEP": False}
    default_role = env.get("SLIM_OIDC_DEFAULT_ROLE", "")
    if default_role and default_role not in ROLES:
        raise ImproperlyConfigured(f"SLIM_OIDC_DEFAULT_ROLE: unknown role '{default_role}'")
    if default_role == ADMIN_ROLE:
        raise ImproperlyConfigured("SLIM_OIDC_DEFAULT_ROLE may never be the admin role")
    discovery = env.get("SLIM_OIDC_DISCOVERY_URL", "")
    endpoints = {
        "OIDC_OP_AUTHORIZATION_ENDPOINT": env.get("SLIM_OIDC_AUTHORIZATION_ENDPOINT", ""),
        "OIDC_OP_TOKEN_ENDPOINT": env.get("SLIM_OIDC_TOKEN_ENDPOINT", ""),
        "OIDC_OP_USER_ENDPOINT": env.get("SLIM_OIDC_USERINFO_ENDPOINT", ""),
        "OIDC_OP_JWKS_ENDPOINT": env.get("SLIM_OIDC_JWKS_ENDPOINT", ""),
    }
    if not discovery and not all(endpoints.values()):
        raise ImproperlyConfigured(
            "OIDC needs SLIM_OIDC_DISCOVERY_URL or all four SLIM_OIDC_*_ENDPOINT variables"
        )
    return {
        "SLIM_OIDC_ENABLED": True,
        "SLIM_OIDC_DISCOVERY_URL": discovery,
        "SLIM_OIDC_ISSUER": env.get("SLIM_OIDC_ISSUER", ""),
        "SLIM_OIDC_USERNAME_CLAIM": env.get("SLIM_OIDC_USERNAME_CLAIM", "preferred_username"),
        "SLIM_OIDC_ROLE_CLAIM": env.get("SLIM_OIDC_ROLE_CLAIM", "slim_role"),
        "SLIM_OIDC_ROLE_MAP": parse_role_map(env.get("SLIM_OIDC_ROLE_MAP", "")),
        "SLIM_OIDC_DEFAULT_ROLE": default_role,
        "SLIM_OIDC_SKIP_SECOND_STEP": env.get("SLIM_OIDC_SKIP_SECOND_STEP", "") == "1",
        "OIDC_RP_CLIENT_ID": client_id,
        "OIDC_RP_CLIENT_SECRET": env.get("SLIM_OIDC_CLIENT_SECRET", ""),
        "OIDC_RP_SIGN_ALGO": env.get("SLIM_OIDC_SIGN_ALGO", "RS256"),
        "OIDC_RP_SCOPES": env.get("SLIM_OIDC_SCOPES", "openid email profile"),
        "OIDC_USE_PKCE": True,
        "OIDC_TIMEOUT": 10,
        **{key: value for key, value in endpoints.items() if value},
    }
