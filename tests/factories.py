"""Plain functions that make test data, shared by the test modules (instead of importing from each other).

They write rows directly, without events, so a test sees exactly the rows it asks for;
tests of the domain rules call slim.*.operations themselves. What the operations keep beside
a row (the current decision, the stored case alignment) is kept here the same way.
"""

import json
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from slim.cases.alignment import refresh_case
from slim.cases.models import Case, CaseMember, CaseRole, Category, Consent, MemberApproach
from slim.clients.operations import register_client
from slim.matching import operations as matching


def demo_world(clients=5):
    """The demo team and case, the users anna, bram (partner), chantal (team lead) and dirk (policy), the
    databank and `clients` synthetic clients: the world the page walks (ids, walkthrough) read."""
    from slim.accounts.models import Role
    from slim.cases.demo import demo as demo_case
    from slim.mirror.demo import demo as demo_team
    from tests.conftest import make_user

    anna = make_user("anna")
    make_user("bram", organisation="Schuldhulp Stad")
    make_user("chantal", role=Role.TEAM_LEAD)
    make_user("dirk", role=Role.POLICY, organisation="Gemeente")
    demo_team()
    case, _ = demo_case()
    call_command("import_interventions", verbosity=0)
    call_command("generate_demo", clients=clients, stdout=StringIO())
    return anna, case


def open_case(director, name="Mevrouw K.", goal=""):
    client = register_client(name, director)
    case = Case.objects.create(client=client, shared_goal=goal, created_by=director)
    CaseMember.objects.create(case=case, user=director, role=CaseRole.DIRECTOR, added_by=director)
    return case


def add_member(case, user, role=CaseRole.MEMBER):
    return CaseMember.objects.create(case=case, user=user, role=role, added_by=case.created_by)


def give_consent(case, organisation, category=Category.ALL):
    return Consent.objects.create(
        case=case, organisation=organisation, category=category, basis=Consent.Basis.CLIENT,
        given_on=timezone.localdate(), recorded_by=case.created_by,
    )


def decide(client, actor, domain, logic, **fields):
    """A decision through matching.operations.decide, so the current flag and the case alignment follow."""
    return matching.decide(client, actor, domain, logic, **fields)


def set_approach(case, user, domain, logic):
    """The logic `user` works from in `domain`, without a plan version or an event; the case alignment follows."""
    approach = MemberApproach.objects.create(case=case, user=user, domain=domain, logic=logic)
    refresh_case(case.pk)
    return approach


def as_user(client, user):
    client.force_login(user)
    return client


def logged_in(user):
    """A test client logged in as `user`, past the second step where their role needs it."""
    from django.test import Client

    from tests.conftest import verify_second_step

    browser = Client()
    browser.force_login(user)
    if user.requires_second_factor:
        verify_second_step(browser, user)
    return browser


def intervention_record(slug, **changes):
    """A valid intervention record in the import format; tests change only what they are about."""
    base = {
        "slug": slug,
        "name": slug.replace("-", " ").capitalize(),
        "aliases": [],
        "summary": "Een korte samenvatting.",
        "goal": "Een helder doel.",
        "target_groups": ["volwassenen in de wijk"],
        "target_group_codes": ["volwassenen"],
        "approach": "Een vaste aanpak in stappen.",
        "themes": ["participatie"],
        "executing_organisations": ["welzijnsorganisaties"],
        "werkzame_elementen": ["Persoonlijk contact."],
        "element_codes": ["maatwerk"],
        "core_elements": [],
        "adaptations": [],
        "research": None,
        "recognitions": [],
        "developer": None,
        "contact": None,
        "handbook": None,
        "source_url": "https://example.org/interventie",
        "checked_at": None,
        "logics": ["kansen"],
        "logic_reason": "",
        "levels": ["micro"],
        "delivery": ["individueel"],
        "volunteers": None,
    }
    base.update(changes)
    return base


def run_command(*args):
    """A management command's output and errors as text."""
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write_interventions(tmp_path, records, name="interventies.json"):
    """An import file in JSON with these records."""
    path = tmp_path / name
    path.write_text(json.dumps({"interventions": records}, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def load_interventions(tmp_path, records):
    """These records in the databank, through the import command."""
    run_command("import_interventions", str(write_interventions(tmp_path, records)))
