"""Plain functions that make test data, shared by the test modules (instead of importing from each other).

They write rows directly, without events, so a test sees exactly the rows it asks for;
tests of the domain rules call slim.*.operations themselves.
"""

from django.utils import timezone

from slim.cases.models import Case, CaseMember, CaseRole, Category, Consent
from slim.clients.operations import register_client


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


def as_user(client, user):
    client.force_login(user)
    return client
