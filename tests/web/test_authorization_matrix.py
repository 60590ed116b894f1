"""Every URL of SLIM against every role: allowed or denied, as the rules below say.

The list of URLs comes from the URL configuration itself, so a new page or API
endpoint without a rule here makes this test fail until someone decides who may use it.
The personas cover every role in Role (a new role without a persona fails
test_every_role_has_a_persona), plus a staff user whose role has no capabilities:
such a role may manage its own account and use the public pages, nothing else.
"""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from slim.accounts.models import Role
from slim.insights.tables import TABLES
from tests.conftest import make_user, verify_second_step

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


@pytest.fixture
def world(db, knowledge):
    """One case led by anna (Wijkteam Noord), with a consented and an unconsented partner, and a mirror team."""
    from django.core.management import call_command

    from slim.cases.models import Action, Case, CaseMember, CaseRole, Category, Client, Consent
    from slim.core import match_intake
    from slim.interventions.models import Intervention
    from slim.matching.models import Intake
    from slim.mirror.demo import demo
    from slim.mirror.models import Action as MirrorAction, Round

    users = {
        "director": make_user("anna"),
        "partner_with_consent": make_user("bram", organisation="Schuldhulp Stad"),
        "partner_without_consent": make_user("carla", organisation="GGZ Oost"),
        "outsider": make_user("dave", organisation="Wijkteam Zuid"),
        "team_lead": make_user("chantal", role=Role.TEAM_LEAD),
        "policy": make_user("dirk", role=Role.POLICY, organisation="Gemeente"),
        "admin": make_user("eva", role=Role.ADMIN, organisation="Gemeente"),
        "auditor": make_user("audrey", role=Role.AUDITOR, organisation="Rekenkamer"),
        "no_capabilities": make_user("nora", role=PERSONA_ROLES["no_capabilities"], organisation="Wijkteam Noord"),
    }
    # Staff and superuser, like the admin: the flag alone must not open the admin without the role.
    for persona in ("admin", "no_capabilities"):
        users[persona].is_staff = users[persona].is_superuser = True
        users[persona].save()
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=users["admin"], name="SLIM", confirmed=True)
    director = users["director"]
    person = Client.objects.create(name="Mevrouw K.", created_by=director)
    case = Case.objects.create(client=person, shared_goal="Rust in de financiën", created_by=director)
    CaseMember.objects.create(case=case, user=director, role=CaseRole.DIRECTOR, added_by=director)
    for role in ("partner_with_consent", "partner_without_consent"):
        CaseMember.objects.create(case=case, user=users[role], role=CaseRole.MEMBER, added_by=director)
    consent = Consent.objects.create(
        case=case, organisation="Schuldhulp Stad", category=Category.ALL, basis=Consent.Basis.CLIENT,
        given_on=datetime.date.today(), recorded_by=director,
    )
    action = Action.objects.create(case=case, description="Post openen", owner=director, due_on=datetime.date.today(), created_by=director)
    payload = {"domains": [{"domain": "werk", "answers": {"kunnen": "overloaded"}}]}
    intake = Intake.objects.create(client=person, created_by=director, payload=payload, result=match_intake(payload).to_dict())
    call_command("import_interventions", verbosity=0)
    team, _ = demo()
    round_ = Round.objects.filter(team=team).order_by("-id").first()
    from slim.quality import operations as quality

    quality.record_consent(person, director, datetime.date.today())
    said = {"domains": [{"domain": "werk", "answers": {}, "statements": ["Ik wil zelf leren solliciteren."]}]}
    Intake.objects.create(client=person, created_by=director, payload=said, result=match_intake(said).to_dict())
    study = quality.create_study(users["team_lead"], "Proef", [director, users["partner_with_consent"]], 5)
    kwargs = {
        "client_id": person.pk, "intake_id": intake.pk, "case_id": case.pk, "consent_id": consent.pk,
        "team_id": team.pk, "round_id": round_.pk, "study_id": study.pk, "element": "normaliseren",
        "app_label": "accounts", "object_id": director.pk, "id": director.pk, "content_type_id": 1,
    }
    per_url = {
        "knowledge:kind": {"slug": "logicas"},
        "knowledge:item": {"slug": "logicas", "code": "kansen"},
        "interventions:detail": {"slug": Intervention.objects.first().slug},
        "api-intervention": {"slug": Intervention.objects.first().slug},
        "cases:plan-action-done": {"action_id": action.pk},
        "portal:action": {"action_id": action.pk},
        "insights:csv": {"table": next(iter(TABLES))},
        "quality:publish-markdown": {"document": "algoritmeregister"},
        "mirror:action-status": {"action_id": MirrorAction.objects.filter(team=team).first().pk},
    }
    return users, kwargs, per_url


def url_for(name, pattern, kwargs, per_url):
    wanted = {key: kwargs[key] for key in pattern.pattern.regex.groupindex if key in kwargs}
    wanted.update(per_url.get(name, {}))
    return reverse(name, kwargs=wanted)


def outcome(response):
    """'allowed' when the request reached the view's own work, 'denied' when it was turned away."""
    if response.status_code in (401, 403, 404):
        return "denied"
    location = response.get("Location", "")
    sent_to_login = "/account/inloggen/?next=" in location or "/beheer/login/?next=" in location or location == "/mijn/"
    if response.status_code == 302 and sent_to_login:
        return "denied"
    return "allowed"


def request_as(user, url):
    from django.test import Client

    browser = Client()
    if user is not None:
        fresh = type(user).objects.get(pk=user.pk)  # fresh: 'log out everywhere' changed it
        browser.force_login(fresh)
        if fresh.requires_second_factor:
            verify_second_step(browser, fresh)
    response = browser.get(url)
    if response.status_code == 405:
        response = browser.post(url, {})
    return response


def test_every_role_has_a_persona():
    assert set(Role.values) <= set(PERSONA_ROLES.values())
    assert PERSONA_ROLES["no_capabilities"] not in Role.values


def test_a_role_not_in_the_map_has_no_capabilities(db):
    from slim.accounts.capabilities import CAPABILITIES, capabilities_of

    assert set(CAPABILITIES) == set(Role.values)
    user = make_user("nieuw", role="nieuwe-rol")
    user.is_staff = user.is_superuser = True
    assert capabilities_of(user) == frozenset()


def test_every_url_has_a_rule():
    missing = [name for name, _ in all_url_names() if rule_for(name) is None]
    assert not missing, f"URLs without an authorization rule: {missing}"


@pytest.mark.django_db
def test_every_url_against_every_role(world):
    users, kwargs, per_url = world
    wrong = []
    for name, pattern in all_url_names():
        allowed_roles = rule_for(name)
        url = url_for(name, pattern, kwargs, per_url)
        for role in ROLES:
            response = request_as(users.get(role), url)
            expected = "allowed" if role in allowed_roles else "denied"
            if outcome(response) != expected:
                wrong.append(f"{role} {url} ({name}): expected {expected}, got {response.status_code}")
            if users.get(role) is not None and "no-store" not in response.get("Cache-Control", ""):
                wrong.append(f"{role} {url} ({name}): Cache-Control {response.get('Cache-Control')!r} lacks no-store")
    assert not wrong, "\n".join(wrong)
