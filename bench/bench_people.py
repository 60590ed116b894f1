"""The bench data shared by load_test.py and page_bench.py: professionals in ten teams, their cases,
memberships and earlier contacts, made in bulk. Import after django.setup()."""

import datetime

from django.contrib.auth.hashers import make_password
from django.db.models import Count, Q
from django.utils import timezone

from slim.accounts.models import Role, User
from slim.cases.models import Case, CaseMember, CaseRole, Client, Contact, ContactTally

PASSWORD = "bench-wachtwoord-2026"
TEAMS = 10


def create_bench_data(users, cases_per_user, rng):
    """Professionals, clients, cases, memberships and some contacts, in bulk."""
    password = make_password(PASSWORD)  # one Argon2 hash for all: creating 100 is slow otherwise
    people = User.objects.bulk_create(
        User(
            username=f"bench{number:03d}", first_name="Bench", last_name=f"{number:03d}", password=password,
            role=Role.PROFESSIONAL, organisation=f"Wijkteam {number % TEAMS + 1}",
        )
        for number in range(1, users + 1)
    )
    people = list(User.objects.filter(username__startswith="bench").order_by("username"))
    clients = Client.objects.bulk_create(
        Client(name=f"Cliënt {person.username}-{index}", created_by=person)
        for person in people
        for index in range(cases_per_user)
    )
    cases = Case.objects.bulk_create(
        Case(client=client, shared_goal="Rust in de geldzaken en weer aan het werk.", strategy="sturing", created_by=client.created_by)
        for client in clients
    )
    members = [CaseMember(case=case, user=case.created_by, role=CaseRole.DIRECTOR, added_by=case.created_by) for case in cases]
    by_team = {}
    for person in people:
        by_team.setdefault(person.organisation, []).append(person)
    cases_of = {}
    for case in cases:
        cases_of.setdefault(case.created_by_id, []).append(case)
    for person in people:
        colleagues = [other for other in by_team[person.organisation] if other != person]
        for case in rng.sample([case for other in colleagues for case in cases_of[other.pk]], 5):
            members.append(CaseMember(case=case, user=person, role=CaseRole.MEMBER, added_by=case.created_by))
    CaseMember.objects.bulk_create(members)
    today = timezone.localdate()
    contacts = []
    for case in cases:
        for _ in range(rng.randint(2, 8)):
            flowed = rng.random() < 0.7
            contacts.append(
                Contact(
                    case=case, held_on=today - datetime.timedelta(days=rng.randint(1, 200)), user=case.created_by,
                    conversation_type=rng.randint(1, 7), flowed=flowed, stall_reason="" if flowed else "afspraken",
                    recorded_by=case.created_by, note="eerder contact",
                )
            )
    # One shared case per team: every member of the team is on it, and the plan edits go there.
    for team, persons in by_team.items():
        client = Client.objects.create(name=f"Gedeelde cliënt {team}", created_by=persons[0])
        case = Case.objects.create(client=client, shared_goal="Samen een plan", created_by=persons[0])
        CaseMember.objects.create(case=case, user=persons[0], role=CaseRole.DIRECTOR, added_by=persons[0])
        CaseMember.objects.bulk_create(
            CaseMember(case=case, user=person, role=CaseRole.MEMBER, added_by=persons[0]) for person in persons[1:]
        )
    # In bulk, past Contact.save(): so the tallies that save() keeps are recounted from the contacts.
    Contact.objects.bulk_create(contacts)
    ContactTally.objects.all().delete()
    ContactTally.objects.bulk_create(
        ContactTally(client_id=client_id, alignment=alignment, contacts=contacts, flowed=flowed)
        for (client_id, alignment), (contacts, flowed) in recount().items()
    )


def recount():
    """(client, alignment) -> (contacts, flowed), counted from the contacts themselves."""
    rows = Contact.objects.values("case__client_id", "alignment").annotate(
        contacts=Count("id"), flowed=Count("id", filter=Q(flowed=True))
    )
    return {(row["case__client_id"], row["alignment"]): (row["contacts"], row["flowed"]) for row in rows}


def tallies():
    return {(t.client_id, t.alignment): (t.contacts, t.flowed) for t in ContactTally.objects.filter(contacts__gt=0)}
