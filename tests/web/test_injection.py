"""XSS and SQL injection payloads in free-text fields come back escaped and harmless."""

import datetime

import pytest
from django.urls import reverse

from slim.cases.models import Action, Case, CaseMember, CaseRole, Client, Contact, DomainGoal
from slim.matching.models import Decision

pytestmark = pytest.mark.django_db

XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>"
SQL = "'; DROP TABLE cases_client; --"
PAYLOAD = f"{XSS} {SQL}"


def assert_escaped(html):
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html


def test_payloads_through_the_forms_are_escaped_everywhere(client_as_professional, professional):
    client_as_professional.post(reverse("matching:intake"), {"name": PAYLOAD})
    person = Client.objects.get(name=PAYLOAD)  # stored literally: the ORM used parameters
    response = client_as_professional.post(
        reverse("matching:intake-new", args=[person.pk]), {"werk__statements": f"Ik wil werken maar ik kan het niet {PAYLOAD}"}
    )
    result_url = response["Location"]
    assert_escaped(client_as_professional.get(result_url).content.decode())
    intake_id = int(result_url.rstrip("/").split("/")[-1])
    client_as_professional.post(
        reverse("matching:decide", args=[intake_id]), {"domain": "werk", "chosen_logic": "sturing", "reason": PAYLOAD}
    )
    assert Decision.objects.get().reason == PAYLOAD
    assert_escaped(client_as_professional.get(reverse("matching:client", args=[person.pk])).content.decode())
    statement = client_as_professional.post(reverse("matching:statement"), {"text": f"Ik wil een kans {PAYLOAD}"})
    assert_escaped(statement.content.decode())
    assert Client.objects.count() == 1


def test_case_texts_are_escaped_on_every_case_page(client_as_professional, professional):
    person = Client.objects.create(name=PAYLOAD, created_by=professional)
    case = Case.objects.create(client=person, shared_goal=PAYLOAD, client_words=PAYLOAD, created_by=professional)
    CaseMember.objects.create(case=case, user=professional, role=CaseRole.DIRECTOR, added_by=professional)
    DomainGoal.objects.create(case=case, domain="werk", text=PAYLOAD)
    Action.objects.create(case=case, description=PAYLOAD[:200], owner=professional, due_on=datetime.date.today(), created_by=professional)
    Contact.objects.create(case=case, held_on=datetime.date.today(), user=professional, conversation_type=2, flowed=True, note=PAYLOAD, recorded_by=professional)
    for name in ("cases:detail", "cases:plan", "cases:contacts", "cases:story", "cases:client-plan", "cases:timeline"):
        assert_escaped(client_as_professional.get(reverse(name, args=[case.pk])).content.decode())


def test_search_query_is_escaped(client):
    response = client.get(reverse("interventions:search"), {"q": PAYLOAD})
    assert response.status_code == 200
    assert_escaped(response.content.decode())


def test_consent_ground_mirror_texts_and_audit_paths_are_escaped(client, professional, knowledge):
    from slim.accounts.demo import create_demo_users
    from slim.accounts.models import User
    from slim.cases.models import Category, Consent
    from slim.mirror.demo import demo
    from slim.mirror.models import Action as MirrorAction, Round, Score

    person = Client.objects.create(name="K.", created_by=professional)
    case = Case.objects.create(client=person, created_by=professional)
    CaseMember.objects.create(case=case, user=professional, role=CaseRole.DIRECTOR, added_by=professional)
    Consent.objects.create(case=case, organisation="Schuldhulp Stad", category=Category.PLAN, basis=Consent.Basis.LAW,
                           legal_ground=PAYLOAD[:200], given_on=datetime.date.today(), recorded_by=professional)
    client.force_login(professional)
    assert_escaped(client.get(reverse("cases:detail", args=[case.pk])).content.decode())
    client.get(reverse("matching:client", args=[person.pk]) + "?q=" + XSS)
    assert "<script>alert" not in client.get(reverse("audit:client", args=[person.pk])).content.decode()

    create_demo_users()
    team, _ = demo()
    closed = Round.objects.filter(team=team, closed_at__isnull=False).order_by("-id").first()
    Score.objects.filter(round=closed).update(remark=PAYLOAD)
    MirrorAction.objects.filter(team=team).update(description=PAYLOAD[:200])
    client.force_login(User.objects.get(username="anna"))
    assert_escaped(client.get(reverse("mirror:round", args=[closed.pk])).content.decode())
    element = MirrorAction.objects.filter(team=team).first().element
    assert_escaped(client.get(reverse("mirror:focus", args=[team.pk, element])).content.decode())
