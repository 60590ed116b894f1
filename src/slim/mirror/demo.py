"""Demo data for the team mirror: Wijkteam Noord with two closed rounds, a focus element and an action.

Run after the demo users exist (slim.accounts.demo.create_demo_users). Running it
again changes nothing that is already there. The story follows SEED-003: a team
that made its support accessible and close by, and then found that normalising
lagged behind.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from slim.accounts.models import User

from .models import Action, FocusElement, Membership, Round, Score, Team

TEAM_NAME = "Wijkteam Noord"
MEMBERS = ("anna", "bram", "chantal")
LEAD = "chantal"

# Per element, (current, importance) for anna, bram and chantal, in that order.
ROUNDS = [
    (
        "Voorjaar 2026", (2026, 3, 2), (2026, 3, 23),
        {
            "basishouding": ((4, 5), (4, 5), (5, 5)),
            "continuiteit": ((3, 4), (2, 4), (3, 5)),
            "integraal_plan": ((3, 4), (3, 4), (2, 4)),
            "langdurende_ondersteuning": ((2, 4), (2, 3), (3, 4)),
            "normaliseren": ((2, 4), (1, 4), (2, 5)),
            "maatwerk": ((4, 4), (3, 4), (4, 5)),
            "ondersteuning_dichtbij": ((5, 4), (4, 4), (5, 4)),
            "open_communiceren": ((4, 5), (3, 4), (4, 4)),
            "snel_praktische_hulp": ((4, 4), (4, 5), (3, 4)),
            "snelle_inzet_deskundigheid": ((2, 4), (3, 4), (2, 5)),
            "toegankelijke_ondersteuning": ((5, 4), (5, 4), (4, 4)),
            "eigen_regie": ((3, 5), (3, 4), (3, 5)),
            "vast_contactpersoon": ((3, 4), (2, 5), (3, 4)),
            "vraagverheldering": ((3, 5), (4, 4), (3, 5)),
            "werken_met_methodes": ((2, 3), (3, 3), (3, 4)),
        },
    ),
    (
        "Najaar 2026", (2026, 9, 7), (2026, 9, 28),
        {
            "basishouding": ((4, 5), (5, 5), (5, 5)),
            "continuiteit": ((3, 4), (3, 4), (3, 5)),
            "integraal_plan": ((3, 4), (3, 5), (3, 4)),
            "langdurende_ondersteuning": ((2, 4), (3, 4), (3, 4)),
            "normaliseren": ((3, 5), (2, 4), (2, 5)),
            "maatwerk": ((4, 4), (4, 4), (4, 5)),
            "ondersteuning_dichtbij": ((5, 4), (4, 4), (4, 4)),
            "open_communiceren": ((4, 5), (4, 4), (4, 5)),
            "snel_praktische_hulp": ((3, 4), (4, 5), (3, 4)),
            "snelle_inzet_deskundigheid": ((3, 4), (3, 5), (3, 5)),
            "toegankelijke_ondersteuning": ((4, 4), (5, 4), (4, 3)),
            "eigen_regie": ((3, 5), (4, 5), (3, 5)),
            "vast_contactpersoon": ((4, 4), (3, 5), (3, 4)),
            "vraagverheldering": ((4, 5), (4, 4), (3, 5)),
            "werken_met_methodes": ((3, 3), (3, 4), (3, 4)),
        },
    ),
]
REMARKS = {
    ("Voorjaar 2026", "vast_contactpersoon", "bram"): "Als iemand ziek is, weet de inwoner niet wie het overneemt.",
    ("Najaar 2026", "normaliseren", "anna"): "We kennen het aanbod in de wijk nog te weinig om er echt naar te verwijzen.",
    ("Najaar 2026", "toegankelijke_ondersteuning", "chantal"): "Er komen zoveel vragen binnen dat de wachttijd oploopt.",
}
FOCUS = ("Najaar 2026", "normaliseren")
ACTION = (
    "Elke maand een startbijeenkomst met partners uit de sociale basis, waar nieuwe inwoners eerst horen "
    "wat er in de wijk is.",
    "anna",
    datetime.date(2027, 1, 29),
)


def _moment(day):
    return timezone.make_aware(datetime.datetime(*day, 9, 0))


@transaction.atomic
def demo():
    """Create (or complete) the demo team; returns (team, created)."""
    users = {user.username: user for user in User.objects.filter(username__in=MEMBERS)}
    missing = sorted(set(MEMBERS) - users.keys())
    if missing:
        raise LookupError(f"Demogebruikers ontbreken ({', '.join(missing)}); maak die eerst aan.")
    team, created = Team.objects.get_or_create(name=TEAM_NAME, defaults={"organisation": TEAM_NAME})
    for username in MEMBERS:
        Membership.objects.get_or_create(team=team, user=users[username])
    rounds = {}
    for title, opened, closed, scores in ROUNDS:
        round, _ = Round.objects.get_or_create(
            team=team, title=title,
            defaults={"opened_at": _moment(opened), "closed_at": _moment(closed), "opened_by": users[LEAD]},
        )
        rounds[title] = round
        for element, answers in scores.items():
            for username, (current, importance) in zip(MEMBERS, answers):
                Score.objects.get_or_create(
                    round=round, member=users[username], element=element,
                    defaults={
                        "current": current,
                        "importance": importance,
                        "remark": REMARKS.get((title, element, username), ""),
                    },
                )
    focus_round, focus_element = FOCUS
    FocusElement.objects.get_or_create(
        team=team, round=rounds[focus_round], element=focus_element,
        defaults={"chosen_by": users[LEAD], "chosen_at": rounds[focus_round].closed_at},
    )
    description, owner, due = ACTION
    Action.objects.get_or_create(
        team=team, element=focus_element, description=description,
        defaults={
            "owner": users[owner], "due_date": due, "created_by": users[LEAD], "created_at": rounds[focus_round].closed_at,
        },
    )
    return team, created
