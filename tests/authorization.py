"""Who may use which URL of SLIM: the rules, per persona, shared by the authorization matrix and the
form fuzzer (tests/web/test_authorization_matrix.py, tests/web/test_form_fuzz.py).

A new page or API endpoint needs a rule here; test_every_url_has_a_rule says so. The personas and
their data are made by the `matrix_world` fixture in tests/web/conftest.py.
"""

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from slim.accounts.models import Role

ROLES = [
    "anonymous", "director", "partner_with_consent", "partner_without_consent",
    "outsider", "team_lead", "policy", "admin", "auditor", "no_capabilities",
]
# Persona -> the Role its user has. 'no_capabilities' has a role that is not in Role at all.
PERSONA_ROLES = {
    "director": Role.PROFESSIONAL, "partner_with_consent": Role.PROFESSIONAL,
    "partner_without_consent": Role.PROFESSIONAL, "outsider": Role.PROFESSIONAL,
    "team_lead": Role.TEAM_LEAD, "policy": Role.POLICY, "admin": Role.ADMIN, "auditor": Role.AUDITOR,
    "no_capabilities": "nieuwe-rol",
}
EVERYONE = set(ROLES)
LOGGED_IN = EVERYONE - {"anonymous"}  # only one's own account
WITH_A_ROLE = LOGGED_IN - {"no_capabilities"}
REGISTRARS = {"director", "partner_with_consent", "partner_without_consent", "outsider", "team_lead"}
CASE_READERS = {"director", "partner_with_consent", "team_lead"}
CASE_EDITORS = {"director", "partner_with_consent"}
CLIENT_READERS = {"director", "partner_with_consent", "team_lead"}
TEAM_MEMBERS = {"director", "partner_with_consent", "team_lead"}  # the demo team: anna, bram, chantal

# URL name -> roles that may use it. Everyone else must get a refusal.
RULES = {
    "home": EVERYONE,
    "start": LOGGED_IN,
    "accessibility": EVERYONE,
    "health": EVERYONE,
    "health-database": EVERYONE,
    "set_language": EVERYONE,
    "knowledge:index": EVERYONE,
    "knowledge:kind": EVERYONE,
    "knowledge:item": EVERYONE,
    "interventions:search": EVERYONE,
    "interventions:compare": EVERYONE,
    "interventions:detail": EVERYONE,
    "api-interventions": EVERYONE,
    "api-intervention": EVERYONE,
    "api-schema": EVERYONE,
    "api-docs": EVERYONE,
    "accounts:login": EVERYONE,
    "accounts:logout": EVERYONE,
    "accounts:second-step": LOGGED_IN,
    "accounts:totp-setup": LOGGED_IN,
    "accounts:security": LOGGED_IN,
    "accounts:backup-codes": LOGGED_IN,
    "accounts:contact-details": LOGGED_IN,
    "oidc_authentication_init": set(),  # off in these settings: 404 for everyone (tests/web/test_oidc.py)
    "oidc_authentication_callback": set(),
    "accounts:logout-everywhere": LOGGED_IN,
    "api-classify": WITH_A_ROLE,
    "api-match": WITH_A_ROLE,
    "matching:intake": WITH_A_ROLE,
    "matching:statement": WITH_A_ROLE,
    "matching:client": CLIENT_READERS,
    "matching:intake-new": CLIENT_READERS,
    "matching:result": CLIENT_READERS,
    "matching:decide": CLIENT_READERS,
    "audit:trail": {"auditor"},
    "audit:client": {"director", "auditor"},
    "cases:list": WITH_A_ROLE - {"auditor"},
    # Opening a case can register a client: the same rule as registering in matching (issue 13, finding 9).
    "cases:new": REGISTRARS,
    "cases:detail": CASE_READERS,
    "cases:timeline": CASE_READERS,
    "cases:plan": CASE_READERS,
    "cases:advice": CASE_READERS,
    "cases:client-advice": CASE_READERS,
    "cases:contacts": CASE_READERS,
    "cases:story": CASE_READERS,
    "cases:story-pdf": CASE_READERS,
    "cases:client-plan": CASE_READERS,
    "cases:client-plan-pdf": CASE_READERS,
    "cases:member-add": {"director"},
    "cases:member-role": {"director"},
    "cases:consent-add": {"director"},
    "cases:consent-withdraw": {"director"},
    "cases:status": {"director"},
    "cases:plan-goal": CASE_EDITORS,
    "cases:plan-domains": CASE_EDITORS,
    "cases:plan-approach": CASE_EDITORS,
    "cases:plan-action": CASE_EDITORS,
    "cases:plan-action-done": CASE_EDITORS,
    "privacy:overview": {"director"},
    "privacy:export-json": {"director"},
    "privacy:export-pdf": {"director"},
    "insights:dashboard": {"team_lead", "policy"},
    "insights:csv": {"team_lead", "policy"},
    "insights:refresh": {"team_lead", "policy"},
    "mirror:index": WITH_A_ROLE,
    "mirror:team": TEAM_MEMBERS,
    "mirror:round": TEAM_MEMBERS,
    "mirror:focus": TEAM_MEMBERS,
    "mirror:score": TEAM_MEMBERS,
    "mirror:action-status": TEAM_MEMBERS,
    "mirror:round-open": {"team_lead"},
    "mirror:round-close": {"team_lead"},
    "mirror:round-reopen": {"team_lead"},
    "interventions-import": {"admin"},
    "mirror:focus-choose": {"team_lead"},
    "mirror:focus-unchoose": {"team_lead"},
    # Issue 19: figures for the team leader (own team), the beheerder (all teams) and the policy maker (suppressed).
    "quality:agreement": {"team_lead", "policy", "admin"},
    "quality:drift": {"team_lead", "policy", "admin"},
    "quality:drift-csv": {"team_lead", "policy", "admin"},
    "quality:publish": {"team_lead", "policy", "admin"},
    "quality:publish-markdown": {"team_lead", "policy", "admin"},
    # Labelling: professionals and team leaders; a study only for its lead (chantal) and its labellers (anna, bram).
    "quality:studies": REGISTRARS,
    "quality:study-new": {"team_lead"},
    "quality:study": {"director", "partner_with_consent", "team_lead"},
    "quality:study-label": {"director", "partner_with_consent"},
    "quality:study-close": {"team_lead"},
    # Research consent: recorded by whoever may see the client's matching data and holds the capability.
    "quality:consent": CLIENT_READERS,
    "quality:consents": REGISTRARS,  # the list of clients one may see (possibly none)
    # Mijn plan (issue 16): the client's pages open only with a client session, never with a staff login.
    "portal:enter": EVERYONE,
    "portal:leave": set(),  # ends the client session (if any) and sends anyone back to the entry page
    "portal:pin": set(),
    "portal:plan": set(),
    "portal:action": set(),
    "portal:self": set(),
    "portal:check": set(),
    "portal:code": CASE_READERS,  # making a code: only the casusregisseur (tests/web/test_portal.py)
    "portal:side-by-side": CASE_READERS,  # the client's answers follow the consent for the self-image
}
# Admin pages: Django's admin lets only staff in; the admin role is the only staff role.
NAMESPACE_RULES = {"admin": {"admin"}}
RULES.update(
    {
        "admin:login": set(),  # no form of its own: it sends everyone to /account/inloggen/ (one lockout, one second step)
        "admin:logout": EVERYONE,
        # Nobody: users are deactivated, never deleted; these two need a real
        # field or object reference that no page of SLIM offers.
        "admin:accounts_user_delete": set(),
        "admin:autocomplete": set(),
        "admin:view_on_site": set(),
        # django-axes' records of login attempts are made by logins only, never by hand.
        "admin:axes_accessattempt_add": set(),
        "admin:axes_accesslog_add": set(),
        "admin:axes_accessfailurelog_add": set(),
        # Knowledge comes from the versioned files (slim load-knowledge); the admin only shows it.
        "admin:knowledge_knowledgeitem_add": set(),
        "admin:knowledge_knowledgeitem_delete": set(),
    }
)


def all_url_names(patterns=None, namespace=""):
    names = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names += all_url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.append((f"{namespace}{pattern.name}", pattern))
    return names


def rule_for(name):
    if name in RULES:
        return RULES[name]
    namespace = name.split(":")[0] if ":" in name else None
    return NAMESPACE_RULES.get(namespace)


def url_for(name, pattern, kwargs, per_url):
    wanted = {key: kwargs[key] for key in pattern.pattern.regex.groupindex if key in kwargs}
    wanted.update(per_url.get(name, {}))
    return reverse(name, kwargs=wanted)
