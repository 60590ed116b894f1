"""The case rule is written once and read two ways (cases/access.py): as SQL for the lists, and in
Python over the facts of one case for case_or_404. Here both readings meet every combination of the
facts the rule looks at, and must give the same answer every time."""

import itertools

import pytest
from django.http import Http404
from django.utils import timezone

from slim.accounts.models import Role
from slim.cases.access import FACTS, can_see, case_or_404, visible_cases
from slim.cases.models import CaseRole, Category
from tests.conftest import make_user
from tests.factories import add_member, give_consent, open_case

pytestmark = pytest.mark.django_db

HOME, PARTNER = "Wijkteam Noord", "Schuldhulp Stad"
MEMBERSHIP = [None, CaseRole.MEMBER, CaseRole.PROCESS, CaseRole.DIRECTOR]
CONSENTS = [(), (Category.PLAN,), (Category.CONTACTS, Category.MATCHING), (Category.ALL,), ("withdrawn",)]


def test_sql_and_python_readings_of_the_rule_agree():
    viewers = {
        (role, organisation): make_user(f"{role}-{organisation}".replace(" ", ""), role=role, organisation=organisation)
        for role in (Role.PROFESSIONAL, Role.TEAM_LEAD, Role.POLICY, Role.AUDITOR)
        for organisation in (HOME, PARTNER)
    }
    boss = make_user("regisseur-thuis", organisation=HOME)
    compared = 0
    for number, (membership, consents) in enumerate(itertools.product(MEMBERSHIP, CONSENTS)):
        for viewer in viewers.values():
            director = viewer if membership == CaseRole.DIRECTOR else boss
            case = open_case(director, name=f"Cliënt {number}-{viewer.pk}")
            if membership in (CaseRole.MEMBER, CaseRole.PROCESS):
                add_member(case, viewer, membership)
            for category in consents:
                if category == "withdrawn":
                    consent = give_consent(case, viewer.organisation, Category.ALL)
                    consent.withdrawn_at, consent.withdrawn_by = timezone.now(), director
                    consent.save()
                else:
                    give_consent(case, viewer.organisation, category)
            listed = visible_cases(viewer).filter(pk=case.pk).exists()
            try:
                opened = case_or_404(viewer, case.pk)
            except Http404:
                opened = None
            assert (opened is not None) == listed, (viewer.username, membership, consents)
            if opened is None:
                continue
            for category in FACTS:
                fresh = type(case).objects.get(pk=case.pk)  # not read by case_or_404: asks the SQL reading
                assert can_see(viewer, opened, category) == can_see(viewer, fresh, category), (
                    viewer.username, membership, consents, category,
                )
            compared += 1
    # Both answers occur: members of both organisations, with and without consent, see some cases.
    assert 20 < compared < len(MEMBERSHIP) * len(CONSENTS) * len(viewers)
