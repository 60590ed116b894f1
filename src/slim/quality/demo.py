"""A small quality demo for a local installation: twelve demo clients of Wijkteam Noord with
research consent (ten of them), an intake each, decisions, and two labelling studies by chantal
with anna and chantal as labellers: one closed (with its report) and one open to label."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from slim.core import match_intake

from . import operations
from .models import Study

OPEN_STUDY = "Labelonderzoek Wijkteam Noord (demo)"
CLOSED_STUDY = "Proefonderzoek (demo, gesloten)"
# Our own example statements; some carry a name or number, to show the masking.
STATEMENTS = [
    ("werk", "Ik wil zelf leren hoe ik een cv maak, niet dat Sandra het weer voor me doet."),
    ("inkomen_schulden", "Die brieven stapelen zich op, bel me op 06-12345678 want ik kom er echt niet meer uit."),
    ("wonen", "Ik heb al drie woningen bekeken en bij de corporatie sta ik ingeschreven, het komt wel goed."),
    ("gezondheid", "Sinds 3 maart slaap ik slecht en ik weet niet meer wat ik moet doen, zeg het me maar."),
    ("werk", "Ik wil voor mezelf beginnen met een klusbedrijf, ik heb al klanten in de buurt."),
    ("sociaal_netwerk", "Mijn zus Fatima helpt me genoeg, ik heb gewoon even een duwtje nodig om weer te sporten."),
    ("dagbesteding_onderwijs", "De taalles is te moeilijk, ik wil eerst de basis leren voordat ik verder ga."),
    ("inkomen_schulden", "Mijn BSN is 123456782, ze hebben mijn toeslag stopgezet en ik weet niet waarom."),
    ("wonen", "Ik wil mijn eigen huis opknappen en verhuren, daar ben ik al een plan voor aan het schrijven."),
    ("werk", "Ik ben goed met mensen, als iemand me een kans geeft bij de supermarkt kan ik morgen beginnen."),
    ("gezondheid", "Ik wil leren hoe ik zelf mijn medicijnen bijhoud, nu vergeet ik ze steeds."),
    ("gezin_opvoeding", "Ik red het niet meer met de kinderen, iemand moet nu ingrijpen want het gaat mis."),
]
# The labels the demo labellers give (anna, chantal) per statement of the closed study.
DEMO_LABELS = [
    ("competenties", "competenties"), ("sturing", "sturing"), ("kansen", "kansen"), ("sturing", "sturing"),
    ("ondernemen", "ondernemen"), ("kansen", "competenties"), ("competenties", "competenties"), ("sturing", "kansen"),
    ("ondernemen", "ondernemen"), ("kansen", "kansen"), ("competenties", "competenties"), ("sturing", "sturing"),
]


def demo():
    """Create the quality demo once; returns True when it was created."""
    from slim.cases.models import Client
    from slim.matching.models import Intake
    from slim.matching.operations import decide

    if Study.objects.filter(title=OPEN_STUDY).exists():
        return False
    users = get_user_model().objects
    anna, chantal = users.get(username="anna"), users.get(username="chantal")
    today = timezone.localdate()
    for number, (domain, statement) in enumerate(STATEMENTS, start=1):
        client = Client.objects.create(name=f"Cliënt Q{number} (demo)", created_by=anna)
        payload = {"domains": [{"domain": domain, "answers": {}, "statements": [statement]}]}
        result = match_intake(payload).to_dict()
        intake = Intake.objects.create(client=client, created_by=anna, payload=payload, result=result)
        match = result["domains"][0]
        suggested = match["logic"] or ""
        logics = ["kansen", "competenties", "sturing", "ondernemen"]
        chosen = suggested if number % 4 or not suggested else logics[(logics.index(suggested) + 1) % 4]
        if suggested:
            decide(
                client, anna, domain, chosen or "sturing", intake=intake, suggested_logic=suggested,
                confidence=match["confidence"],
                reason="" if chosen == suggested else "Cliënt wil eerst zelf leren, niet gestuurd worden.",
                decided_at=timezone.now() - datetime.timedelta(days=30 * (number % 6)),
            )
        if number <= 10:  # two clients did not consent: their statements never enter a study
            operations.record_consent(client, anna, today)
    closed = operations.create_study(chantal, CLOSED_STUDY, [anna, chantal], 10, seed=1)
    for item in closed.items.order_by("number"):
        index = next(i for i, (_, text) in enumerate(STATEMENTS) if operations.mask(text) == item.text)
        for user, logic in zip((anna, chantal), DEMO_LABELS[index]):
            operations.label(closed, item, user, logic)
    operations.close_study(closed, chantal)
    open_study = operations.create_study(chantal, OPEN_STUDY, [anna, chantal], 6, seed=2)
    for item in open_study.items.order_by("number")[:3]:
        operations.label(open_study, item, chantal, item.engine_logic or "sturing")
    return True
