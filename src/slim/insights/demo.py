"""Synthetic data for a whole municipality, to try the dashboards and measure them.

Everything is invented: clients are called 'Cliënt 000123', professionals
'Synthetische professional 0001', and all rows hang off one creator user
'synthetisch', so `--reset` can remove exactly what was generated and nothing else.

The logics per life domain follow plausible, made-up distributions (more
'sturing' around debts, more 'kansen' around work), and conversations flow more
often when the approach matches the client's logic, so the dashboards have
something to show. The numbers mean nothing about any real municipality.
"""

import datetime
import random

from django.db import connection, transaction
from django.utils import timezone

from slim.accounts.models import Role, User
from slim.cases.models import (
    Action, Case, CaseMember, CaseRole, Consent, Contact, ContactTally, DomainGoal, Event, MemberApproach, StallReason,
)
from slim.clients.models import Client
from slim.clients.operations import register_clients
from slim.core import Logic
from slim.core.knowledge import life_domain_codes
from slim.matching.models import Decision, Intake

CREATOR = "synthetisch"
PROFESSIONAL_PREFIX = "synthetisch-"
ORGANISATIONS = [
    "Wijkteam Noord (synthetisch)", "Wijkteam Zuid (synthetisch)", "Schuldhulp (synthetisch)",
    "Werk en Inkomen (synthetisch)", "GGZ-team (synthetisch)",
]
LOGICS = [logic.value for logic in Logic]
# Made-up weights for kansen, competenties, sturing, ondernemen per domain.
WEIGHTS = {
    "werk": (35, 30, 15, 20),
    "inkomen_schulden": (15, 25, 45, 15),
    "wonen": (25, 20, 35, 20),
    "gezondheid": (15, 25, 40, 20),
    "sociaal_netwerk": (25, 25, 20, 30),
    "dagbesteding_onderwijs": (30, 35, 15, 20),
    "gezin_opvoeding": (20, 35, 30, 15),
}
FLOW_CHANCE = {"match": 0.8, "clash": 0.5, "unknown": 0.65}
DROPOUT_CHANCE = {"match": 0.12, "clash": 0.35, "unknown": 0.2}
STALL_REASONS = [reason.value for reason in StallReason]
OTHER_OUTCOMES = [Case.Outcome.GOAL_REACHED, Case.Outcome.GOAL_REACHED, Case.Outcome.TRANSFERRED, Case.Outcome.OTHER]
DAYS = 730
BATCH = 2000


def _insert(model, fields, rows):
    """Insert plain rows: COPY on PostgreSQL (several times faster for a million contacts), bulk_create elsewhere."""
    if not rows:
        return
    if connection.vendor == "postgresql":
        columns = ", ".join(model._meta.get_field(name).column for name in fields)
        with connection.cursor() as cursor, cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        model.objects.bulk_create([model(**dict(zip(fields, row))) for row in rows], batch_size=5000)


def creator():
    user, _created = User.objects.get_or_create(
        username=CREATOR,
        defaults={"first_name": "Synthetische", "last_name": "gegevens", "is_active": False, "organisation": ""},
    )
    return user


def _professionals(count):
    existing = list(User.objects.filter(username__startswith=PROFESSIONAL_PREFIX).order_by("pk"))
    new = [
        User(
            username=f"{PROFESSIONAL_PREFIX}{number:04d}", first_name="Synthetische professional", last_name=f"{number:04d}",
            role=Role.PROFESSIONAL, organisation=ORGANISATIONS[number % len(ORGANISATIONS)], password="!",
            is_active=False,
        )
        for number in range(len(existing) + 1, count + 1)
    ]
    User.objects.bulk_create(new)
    return list(User.objects.filter(username__startswith=PROFESSIONAL_PREFIX).order_by("pk"))


def generate(clients, seed=2026, progress=None):
    """Create `clients` synthetic clients, one case each, with decisions, approaches and ~10 contacts per case."""
    rng = random.Random(seed)
    owner = creator()
    professionals = _professionals(max(20, clients // 150))
    start_number = Client.objects.filter(created_by=owner).count()
    now = timezone.now()
    domains = list(life_domain_codes())
    totals = {"clients": 0, "cases": 0, "decisions": 0, "approaches": 0, "contacts": 0}
    for first in range(0, clients, BATCH):
        size = min(BATCH, clients - first)
        with transaction.atomic():
            _batch(rng, owner, professionals, domains, now, start_number + first, size, totals)
        if progress:
            progress(totals)
    return totals


def _when(rng, now, max_days=DAYS, min_days=0):
    return now - datetime.timedelta(days=rng.randint(min_days, max_days), minutes=rng.randint(0, 600))


def _batch(rng, owner, professionals, domains, now, offset, size, totals):
    today = timezone.localdate()
    new_clients = register_clients([f"Cliënt {offset + index + 1:06d}" for index in range(size)], owner)
    decisions, logic_of = [], []
    for client in new_clients:
        chosen = {}
        for domain in rng.sample(domains, rng.randint(2, min(5, len(domains)))):
            logic = rng.choices(LOGICS, WEIGHTS.get(domain, (1, 1, 1, 1)))[0]
            decided = _when(rng, now, DAYS - 200)
            if rng.random() < 0.3:  # an earlier, different view: history that must not count
                earlier = rng.choice([other for other in LOGICS if other != logic])
                decisions.append(_decision(rng, client, domain, earlier, decided - datetime.timedelta(days=rng.randint(30, 180)), professionals, False))
            decisions.append(_decision(rng, client, domain, logic, decided, professionals, True))
            chosen[domain] = logic
        logic_of.append(chosen)
    _insert(Decision, DECISION_FIELDS, decisions)

    cases, members, approaches, contacts, tallies = [], [], [], [], {}
    for client, chosen in zip(new_clients, logic_of):
        # Rows first, inserts after: bulk_create gives the cases their ids, then the children follow.
        case = Case(client=client, created_by=owner, created_at=_when(rng, now, DAYS, 30))
        cases.append(case)
        team = rng.sample(professionals, rng.randint(1, 3))
        fit = {}
        for position, user in enumerate(team):
            role = CaseRole.DIRECTOR if position == 0 else CaseRole.MEMBER
            members.append((case, user.pk, role, owner.pk, case.created_at))
            compared = []
            for domain in rng.sample(list(chosen), rng.randint(1, min(2, len(chosen)))):
                logic = chosen[domain] if rng.random() < 0.65 else rng.choice(LOGICS)
                approaches.append((case, user.pk, domain, logic))
                compared.append(logic == chosen[domain])
            fit[user.pk] = "match" if all(compared) else "clash"
        started = timezone.localtime(case.created_at).date()
        for _number in range(rng.randint(5, 15)):
            user = rng.choice(team)
            flowed = rng.random() < FLOW_CHANCE[fit[user.pk]]
            tally = tallies.setdefault((client.pk, fit[user.pk]), [0, 0])
            tally[0] += 1
            tally[1] += flowed
            contacts.append((
                case, min(started + datetime.timedelta(days=rng.randint(0, 29)), today), user.pk, rng.randint(1, 7), flowed,
                "" if flowed else rng.choice(STALL_REASONS), "", user.pk, case.created_at, fit[user.pk],
            ))
        case.alignment = group = "clash" if "clash" in fit.values() else "match"
        if rng.random() < 0.4:
            case.status = Case.Status.CLOSED
            case.outcome = Case.Outcome.DROPPED_OUT if rng.random() < DROPOUT_CHANCE[group] else rng.choice(OTHER_OUTCOMES)
    Case.objects.bulk_create(cases)
    # The rows held the Case objects; now that they have ids, put the ids in.
    _insert(CaseMember, MEMBER_FIELDS, [(case.pk, *rest) for case, *rest in members])
    _insert(MemberApproach, APPROACH_FIELDS, [(case.pk, *rest) for case, *rest in approaches])
    _insert(Contact, CONTACT_FIELDS, [(case.pk, *rest) for case, *rest in contacts])
    _insert(ContactTally, TALLY_FIELDS, [(*key, *numbers) for key, numbers in tallies.items()])
    totals["clients"] += len(new_clients)
    totals["cases"] += len(cases)
    totals["decisions"] += len(decisions)
    totals["approaches"] += len(approaches)
    totals["contacts"] += len(contacts)


DECISION_FIELDS = [
    "client_id", "domain", "suggested_logic", "chosen_logic", "reason", "decided_by_id", "decided_at", "is_current",
]
MEMBER_FIELDS = ["case_id", "user_id", "role", "added_by_id", "added_at"]
APPROACH_FIELDS = ["case_id", "user_id", "domain", "logic"]
TALLY_FIELDS = ["client_id", "alignment", "contacts", "flowed"]
CONTACT_FIELDS = [
    "case_id", "held_on", "user_id", "conversation_type", "flowed", "stall_reason", "note", "recorded_by_id", "recorded_at",
    "alignment",
]


def _decision(rng, client, domain, logic, decided_at, professionals, current):
    suggested = logic if rng.random() < 0.8 else rng.choice(LOGICS)
    return (client.pk, domain, suggested, logic, "", rng.choice(professionals).pk, decided_at, current)


def reset():
    """Remove everything generated before: rows of the creator 'synthetisch' and the synthetic professionals."""
    owner = User.objects.filter(username=CREATOR).first()
    if owner is None:
        return 0
    cases = {"case__created_by": owner}
    with transaction.atomic():
        for model in (Contact, MemberApproach, CaseMember, Event, DomainGoal, Action, Consent):
            model.objects.filter(**cases).delete()
        Case.objects.filter(created_by=owner).delete()
        Decision.objects.filter(client__created_by=owner).delete()
        Intake.objects.filter(client__created_by=owner).delete()
        removed, _detail = Client.objects.filter(created_by=owner).delete()
        User.objects.filter(username__startswith=PROFESSIONAL_PREFIX).delete()
        owner.delete()
    return removed
