"""One worked demo case for a local installation: Mevrouw Jansen, led by anna with bram as partner."""

import datetime

from django.utils import timezone

from slim.accounts.models import User
from slim.clients.operations import register_client
from slim.core import match_intake
from slim.matching.models import Decision, Intake

from .models import Action, Case, CaseMember, CaseRole, Category, Consent, Contact, DomainGoal, Event, EventKind, MemberApproach

DEMO_CLIENT = "Mevrouw Jansen (demo)"
INTAKE = {
    "domains": [
        {
            "domain": "inkomen_schulden",
            "answers": {"kunnen": "overloaded"},
            "statements": ["Ik durf de post niet meer open te maken, het is me allemaal te veel."],
        },
        {
            "domain": "werk",
            "answers": {"richting": "system", "kunnen": "not_yet"},
            "statements": ["Ik wil wel weer werken, maar ik weet niet hoe je tegenwoordig solliciteert."],
        },
    ]
}


def demo():
    """Create the demo case once; returns (case, created)."""
    existing = Case.objects.filter(client__name=DEMO_CLIENT).first()
    if existing:
        return existing, False
    anna, bram = User.objects.get(username="anna"), User.objects.get(username="bram")
    today = timezone.localdate()
    client = register_client(DEMO_CLIENT, anna)
    intake = Intake.objects.create(client=client, created_by=anna, payload=INTAKE, result=match_intake(INTAKE).to_dict())
    for match in intake.result["domains"]:
        Decision.objects.create(
            client=client, intake=intake, domain=match["domain"], suggested_logic=match["logic"] or "",
            confidence=match["confidence"], chosen_logic=match["logic"] or "sturing", decided_by=anna,
        )
    case = Case.objects.create(
        client=client,
        shared_goal="Eerst rust in de geldzaken, daarna stap voor stap weer aan het werk.",
        client_words="Ik wil het graag zelf kunnen, maar nu zie ik door de brieven niets meer.",
        strategy="sturing",
        created_by=anna,
    )
    CaseMember.objects.create(case=case, user=anna, role=CaseRole.DIRECTOR, added_by=anna)
    CaseMember.objects.create(case=case, user=bram, role=CaseRole.MEMBER, added_by=anna)
    Consent.objects.create(
        case=case, organisation=bram.organisation, category=Category.ALL, basis=Consent.Basis.CLIENT,
        given_on=today, recorded_by=anna,
    )
    DomainGoal.objects.create(case=case, domain="inkomen_schulden", text="Alle post is open en er is een overzicht van de schulden.")
    DomainGoal.objects.create(case=case, domain="werk", text="Mevrouw weet hoe ze een sollicitatiebrief schrijft.")
    MemberApproach.objects.create(case=case, user=anna, domain="inkomen_schulden", logic="sturing")
    MemberApproach.objects.create(case=case, user=bram, domain="inkomen_schulden", logic="competenties")
    Action.objects.create(
        case=case, description="Samen de post openen en sorteren", domain="inkomen_schulden", owner=bram,
        due_on=today + datetime.timedelta(days=7), created_by=anna,
    )
    for days_ago, kind, flowed, reason in ((14, 2, True, ""), (7, 6, False, "andere_wens")):
        Contact.objects.create(
            case=case, held_on=today - datetime.timedelta(days=days_ago), user=anna, conversation_type=kind,
            flowed=flowed, stall_reason=reason, recorded_by=anna,
        )
    Event.record(case, EventKind.CREATED, anna, case.shared_goal)
    return case, True
