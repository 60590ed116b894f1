"""Fixtures shared by the web tests; the data comes from tests/factories.py."""

import datetime

import pytest

from tests.conftest import make_user
from tests.factories import open_case


@pytest.fixture
def case(professional):
    return open_case(professional, goal="Weer rust in de financiën")


@pytest.fixture
def partner(other_professional):
    return other_professional  # bram, Schuldhulp Stad


@pytest.fixture
def matrix_world(db, knowledge):
    """The personas of tests/authorization.py and what their URLs need: one case led by anna (Wijkteam Noord), with a consented and an unconsented partner, and a mirror team."""
    from django.core.management import call_command

    from slim.accounts.models import Role
    from slim.cases.models import Action, Case, CaseMember, CaseRole, Category, Client, Consent
    from slim.core import match_intake
    from slim.insights.tables import TABLES
    from slim.interventions.models import Intervention
    from slim.matching.models import Intake
    from slim.mirror.demo import demo
    from slim.mirror.models import Action as MirrorAction, Round
    from tests.authorization import PERSONA_ROLES

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
