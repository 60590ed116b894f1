"""One worked demo case for a local installation: Mevrouw Jansen, led by anna with bram as partner.

Everything goes through the operations, so the demo case has the same events and figures as a real one.
"""

import datetime

from django.utils import timezone

from slim.accounts.models import User
from slim.clients.operations import register_client
from slim.matching import operations as matching

from . import operations
from .models import Case, CaseRole, Category, Consent

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
    intake = matching.record_intake(client, anna, INTAKE)
    for match in intake.result["domains"]:
        matching.decide(
            client, anna, match["domain"], match["logic"] or "sturing", intake=intake,
            suggested_logic=match["logic"] or "", confidence=match["confidence"],
        )
    case = operations.open_case(anna, "Eerst rust in de geldzaken, daarna stap voor stap weer aan het werk.", client=client)
    operations.change_goal(
        case, anna, case.version,
        client_words="Ik wil het graag zelf kunnen, maar nu zie ik door de brieven niets meer.", strategy="sturing",
    )
    operations.add_member(case, anna, bram, CaseRole.MEMBER)
    operations.give_consent(case, anna, bram.organisation, Category.ALL, Consent.Basis.CLIENT, today)
    operations.change_domain_goals(case, anna, case.version, [
        ("inkomen_schulden", "Alle post is open en er is een overzicht van de schulden."),
        ("werk", "Mevrouw weet hoe ze een sollicitatiebrief schrijft."),
    ])
    operations.change_approach(case, anna, case.version, anna, "inkomen_schulden", "sturing")
    operations.change_approach(case, anna, case.version, bram, "inkomen_schulden", "competenties")
    operations.add_action(
        case, anna, case.version, "Samen de post openen en sorteren", bram, today + datetime.timedelta(days=7),
        domain="inkomen_schulden",
    )
    for days_ago, kind, flowed, reason in ((14, 2, True, ""), (7, 6, False, "andere_wens")):
        operations.log_contact(case, anna, anna, today - datetime.timedelta(days=days_ago), kind, flowed, reason)
    return case, True
