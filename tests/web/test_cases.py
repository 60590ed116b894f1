"""Cases: opening one, the team with exactly one casusregisseur, consent, access, timeline, closing."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from slim.accounts.models import Role
from slim.cases import access
from slim.cases.models import Case, CaseMember, CaseRole, Category, Client, Consent, Event, EventKind
from tests.conftest import make_user
from tests.factories import add_member, as_user, decide, give_consent

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


# --- opening a case ---------------------------------------------------------------------------


def test_pages_need_login(client):
    response = client.get(reverse("cases:list"))
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_new_case_with_new_client_makes_the_creator_casusregisseur(client_as_professional, professional):
    response = client_as_professional.post(
        reverse("cases:new"), {"name": "Dhr. P.", "bsn": "111222333", "shared_goal": "Een eigen plek"}
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("cases:detail", args=[case.pk])
    assert case.client.masked_bsn == "******333" and case.shared_goal == "Een eigen plek"
    assert case.director == professional
    assert case.events.get().kind == EventKind.CREATED
    page = client_as_professional.get(reverse("cases:list")).content.decode()
    assert "Dhr. P." in page


def test_new_case_refuses_bad_input_with_messages(client_as_professional, professional):
    nothing = client_as_professional.post(reverse("cases:new"), {})
    assert "Kies een cliënt of vul de naam" in nothing.content.decode()
    bad_bsn = client_as_professional.post(reverse("cases:new"), {"name": "Dhr. P.", "bsn": "123456789"})
    assert "elfproef" in bad_bsn.content.decode() and 'role="alert"' in bad_bsn.content.decode()
    existing = Client.objects.create(name="Mevrouw K.", created_by=professional)
    both = client_as_professional.post(reverse("cases:new"), {"client": existing.pk, "name": "Dhr. P."})
    assert "niet allebei" in both.content.decode()
    assert not Case.objects.exists()


def test_one_open_case_per_client(client_as_professional, case):
    response = client_as_professional.post(reverse("cases:new"), {"client": case.client.pk})
    assert response.status_code == 200
    assert "al een open casus" in response.content.decode()
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(client=case.client, created_by=case.created_by)


def test_auditor_cannot_open_a_case(client):
    as_user(client, make_user("audrey", role=Role.AUDITOR, organisation="Rekenkamer"))
    assert client.get(reverse("cases:new")).status_code == 403


# --- the team and the regie roles -------------------------------------------------------------


def test_director_adds_a_partner_and_is_reminded_of_consent(client_as_professional, case, partner):
    response = client_as_professional.post(
        reverse("cases:member-add", args=[case.pk]), {"user": partner.pk, "role": CaseRole.MEMBER}, follow=True
    )
    assert case.members.filter(user=partner, role=CaseRole.MEMBER).exists()
    assert "Schuldhulp Stad ziet nog niets van deze cliënt" in response.content.decode()
    assert case.events.filter(kind=EventKind.MEMBER_ADDED).exists()


def test_only_the_director_changes_the_team(client, case, partner):
    add_member(case, partner)
    give_consent(case, "Schuldhulp Stad")
    third = make_user("carla", organisation="GGD")
    as_user(client, partner)
    response = client.post(reverse("cases:member-add", args=[case.pk]), {"user": third.pk, "role": CaseRole.MEMBER})
    assert response.status_code == 403
    assert not case.members.filter(user=third).exists()


def test_there_is_at_most_one_casusregisseur_in_the_database(case, partner):
    with pytest.raises(IntegrityError), transaction.atomic():
        add_member(case, partner, role=CaseRole.DIRECTOR)


def test_handing_over_casusregie_keeps_exactly_one(client_as_professional, case, partner, professional):
    member = add_member(case, partner)
    url = reverse("cases:member-role", args=[case.pk])
    director = case.members.get(user=professional)
    refused = client_as_professional.post(url, {"member": director.pk, "role": CaseRole.MEMBER})
    assert "precies één casusregisseur" in refused.content.decode()
    client_as_professional.post(url, {"member": member.pk, "role": CaseRole.DIRECTOR})
    assert case.director == partner
    assert list(case.members.filter(role=CaseRole.DIRECTOR).values_list("user", flat=True)) == [partner.pk]


def test_former_director_from_another_organisation_is_told_they_lost_sight(client_as_professional, case, partner):
    member = add_member(case, partner)
    give_consent(case, "Schuldhulp Stad")
    response = client_as_professional.post(
        reverse("cases:member-role", args=[case.pk]), {"member": member.pk, "role": CaseRole.DIRECTOR}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("cases:list")
    assert "je ziet hem nu niet meer" in response.content.decode()


def test_second_procesregisseur_is_refused_with_a_message(client_as_professional, case, partner):
    add_member(case, partner, role=CaseRole.PROCESS)
    third = make_user("carla", organisation="GGD")
    response = client_as_professional.post(
        reverse("cases:member-add", args=[case.pk]), {"user": third.pk, "role": CaseRole.PROCESS}
    )
    assert "al een procesregisseur" in response.content.decode()


# --- the overview and its forms on demand (?wijzig=<part>) -----------------------------------


def test_overview_shows_change_links_and_each_link_opens_only_its_own_forms(client_as_professional, case, partner):
    add_member(case, partner)
    give_consent(case, "Schuldhulp Stad")
    detail = reverse("cases:detail", args=[case.pk])
    overview = client_as_professional.get(detail).content.decode()
    for link in ("?wijzig=team#team-wijzigen", "?wijzig=toestemming#toestemming-wijzigen", "?wijzig=status#status-wijzigen"):
        assert f'href="{detail}{link}"' in overview
    actions = [reverse(name, args=[case.pk]) for name in ("cases:member-add", "cases:member-role", "cases:consent-add", "cases:status")]
    assert 'name="user"' not in overview and not any(f'action="{action}"' in overview for action in actions)
    for part, shown, hidden in (
        ("team", ['name="user"', "Rol opslaan"], ["Toestemming intrekken:", 'name="reason"']),
        ("toestemming", ["Toestemming intrekken:", 'name="basis"'], ['name="user"', 'name="reason"']),
        ("status", ['name="reason"', 'name="outcome"'], ['name="user"', "Toestemming intrekken:"]),
    ):
        page = client_as_professional.get(detail, {"wijzig": part}).content.decode()
        assert f'id="{part}-wijzigen"' in page and f'href="{detail}">Annuleren</a>' in page
        assert all(text in page for text in shown), part
        assert not any(text in page for text in hidden), part
        assert f"?wijzig={part}#" not in page  # the open part has no link to itself
    for unknown in ("onzin", "", "team&wijzig=status", "<script>"):
        response = client_as_professional.get(detail, {"wijzig": unknown})
        assert response.status_code == 200 and 'name="user"' not in response.content.decode()


def test_a_member_who_is_not_director_never_sees_change_links_or_forms(client, case, partner):
    add_member(case, partner)
    give_consent(case, "Schuldhulp Stad")
    as_user(client, partner)
    detail = reverse("cases:detail", args=[case.pk])
    for part in (None, "team", "toestemming", "status"):
        page = client.get(detail, {"wijzig": part} if part else {}).content.decode()
        assert "-wijzigen" not in page and "Annuleren" not in page, part  # neither a link to a form nor a form
        assert not any(f'name="{name}"' in page for name in ("user", "member", "basis", "reason")), part


def test_closed_case_offers_only_reopening_and_withdrawing(client_as_professional, case, partner):
    add_member(case, partner)
    give_consent(case, "Schuldhulp Stad")
    client_as_professional.post(reverse("cases:status", args=[case.pk]), {"reason": "Klaar", "outcome": "anders"})
    detail = reverse("cases:detail", args=[case.pk])
    overview = client_as_professional.get(detail).content.decode()
    assert "?wijzig=team" not in overview and "Toestemming intrekken</a>" in overview and "Casus heropenen</a>" in overview
    assert 'name="user"' not in client_as_professional.get(detail, {"wijzig": "team"}).content.decode()
    withdrawing = client_as_professional.get(detail, {"wijzig": "toestemming"}).content.decode()
    assert "Toestemming intrekken:" in withdrawing and 'name="basis"' not in withdrawing
    assert "Casus heropenen</button>" in client_as_professional.get(detail, {"wijzig": "status"}).content.decode()


def test_the_outcome_of_a_closed_case_only_for_who_sees_the_plan(client, client_as_professional, case, partner):
    add_member(case, partner)
    give_consent(case, "Schuldhulp Stad", Category.CONTACTS)
    client_as_professional.post(reverse("cases:status", args=[case.pk]), {"reason": "Weg", "outcome": "afgehaakt"})
    detail = reverse("cases:detail", args=[case.pk])
    assert "Gesloten. Uitkomst: cliënt haakte af." in client_as_professional.get(detail).content.decode()
    as_user(client, partner)
    page = client.get(detail).content.decode()
    assert "Gesloten." in page and "haakte af" not in page


def test_a_post_with_errors_shows_its_form_again_whatever_the_parameter(client_as_professional, case, partner):
    add_member(case, partner)
    consent = give_consent(case, "Schuldhulp Stad")
    posts = (
        ("cases:member-add", [case.pk], {"user": "", "role": CaseRole.MEMBER}, 'name="user"'),
        ("cases:consent-add", [case.pk], {"organisation": "Schuldhulp Stad"}, 'name="basis"'),
        ("cases:consent-withdraw", [case.pk, consent.pk], {f"w{consent.pk}-withdrawn_on": "2999-01-01"}, "in de toekomst"),
        ("cases:status", [case.pk], {"reason": ""}, "Geef een reden"),
    )
    for name, args, data, shown in posts:
        response = client_as_professional.post(reverse(name, args=args) + "?wijzig=team", data)
        page = response.content.decode()
        assert response.status_code == 200 and shown in page and 'role="alert"' in page, name
        assert "Annuleren</a>" in page, name


# --- consent and access -----------------------------------------------------------------------


def test_partner_without_consent_sees_nothing(client, case, partner):
    add_member(case, partner)
    as_user(client, partner)
    for name in ("detail", "plan", "contacts", "timeline", "story", "client-plan-pdf"):
        assert client.get(reverse(f"cases:{name}", args=[case.pk])).status_code == 404, name
    assert client.get(reverse("matching:client", args=[case.client.pk])).status_code == 404
    assert case not in access.visible_cases(partner)
    assert "Mevrouw K." not in client.get(reverse("cases:list")).content.decode()


def test_consent_per_category(client, case, partner):
    add_member(case, partner)
    give_consent(case, "Schuldhulp Stad", Category.PLAN)
    as_user(client, partner)
    assert client.get(reverse("cases:plan", args=[case.pk])).status_code == 200
    assert client.get(reverse("cases:contacts", args=[case.pk])).status_code == 404
    assert client.get(reverse("matching:client", args=[case.client.pk])).status_code == 404
    assert access.can_see(partner, case, Category.PLAN) and not access.can_see(partner, case, Category.MATCHING)
    assert access.can_edit_plan(partner, case) and not access.is_case_director(partner, case)
    give_consent(case, "Schuldhulp Stad", Category.MATCHING)
    assert client.get(reverse("matching:client", args=[case.client.pk])).status_code == 200
    assert list(Client.objects.visible_to(partner)) == [case.client]


def test_director_records_consent_with_basis_and_withdraws_it(client_as_professional, case, partner, professional):
    add_member(case, partner)
    url = reverse("cases:consent-add", args=[case.pk])
    data = {"organisation": "Schuldhulp Stad", "category": Category.PLAN, "given_on": TODAY().isoformat()}
    missing_ground = client_as_professional.post(url, {**data, "basis": Consent.Basis.LAW})
    assert "Noem de wettelijke grondslag" in missing_ground.content.decode()
    future = client_as_professional.post(url, {**data, "basis": Consent.Basis.CLIENT, "given_on": "2999-01-01"})
    assert "in de toekomst" in future.content.decode()
    client_as_professional.post(url, {**data, "basis": Consent.Basis.LAW, "legal_ground": "Wgs, artikel 5"})
    consent = Consent.objects.get()
    assert (consent.basis, consent.legal_ground, consent.recorded_by) == ("wettelijk", "Wgs, artikel 5", professional)
    assert access.can_see(partner, case, Category.PLAN)
    twice = client_as_professional.post(url, {**data, "basis": Consent.Basis.CLIENT})
    assert "al toestemming" in twice.content.decode()

    withdraw = reverse("cases:consent-withdraw", args=[case.pk, consent.pk])
    client_as_professional.post(withdraw, {f"w{consent.pk}-withdrawn_on": TODAY().isoformat()})
    consent.refresh_from_db()
    assert consent.withdrawn_on == TODAY() and consent.withdrawn_by == professional
    assert not access.can_see(partner, case, Category.PLAN)
    assert Consent.objects.count() == 1  # recorded, not deleted
    kinds = set(case.events.values_list("kind", flat=True))
    assert {EventKind.CONSENT_GIVEN, EventKind.CONSENT_WITHDRAWN} <= kinds


def test_colleague_of_the_director_sees_everything_without_consent(case):
    colleague = make_user("daan", organisation="Wijkteam Noord")
    add_member(case, colleague)
    assert all(access.can_see(colleague, case, category) for category in Category)


def test_team_lead_sees_cases_led_from_their_organisation(case):
    lead = make_user("chantal", role=Role.TEAM_LEAD, organisation="Wijkteam Noord")
    other_lead = make_user("olaf", role=Role.TEAM_LEAD, organisation="Schuldhulp Stad")
    assert list(access.visible_cases(lead)) == [case]
    assert access.can_see(lead, case, Category.MATCHING) and not access.can_edit_plan(lead, case)
    assert not access.visible_cases(other_lead).exists()


@pytest.mark.parametrize("role", [Role.POLICY, Role.ADMIN, Role.AUDITOR])
def test_policy_admin_and_auditor_see_no_client(case, role):
    user = make_user("x", role=role, organisation="Wijkteam Noord")
    Client.objects.create(name="Eigen", created_by=user)
    assert not access.visible_clients(user).exists()
    assert not access.visible_cases(user).exists()


def test_policy_maker_sees_a_case_only_as_a_member(client, case):
    member = make_user("dirk", role=Role.POLICY, organisation="Wijkteam Noord")
    as_user(client, member)
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 404
    add_member(case, member)
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 200
    auditor = make_user("audrey", role=Role.AUDITOR, organisation="Wijkteam Noord")
    add_member(case, auditor)
    assert not access.visible_cases(auditor).exists()


def test_professional_still_sees_the_clients_they_registered(professional, other_professional):
    own = Client.objects.create(name="Eigen", created_by=professional)
    Client.objects.create(name="Andermans", created_by=other_professional)
    assert list(Client.objects.visible_to(professional)) == [own]


# --- status and timeline ----------------------------------------------------------------------


def test_close_and_reopen_need_a_reason(client_as_professional, case):
    url = reverse("cases:status", args=[case.pk])
    refused = client_as_professional.post(url, {"reason": "  "})
    assert "Geef een reden" in refused.content.decode() and "Kies de uitkomst" in refused.content.decode()
    client_as_professional.post(url, {"reason": "Doel bereikt", "outcome": "doel_bereikt"})
    case.refresh_from_db()
    assert not case.is_open and not access.can_edit_plan(case.created_by, case)
    assert case.outcome == Case.Outcome.GOAL_REACHED
    client_as_professional.post(url, {"reason": "Nieuwe schulden"})
    case.refresh_from_db()
    assert case.is_open and case.outcome == ""
    assert [e.detail for e in case.events.filter(kind__in=[EventKind.CLOSED, EventKind.REOPENED])] == [
        "Nieuwe schulden", "Doel bereikt"
    ]


def test_reopening_is_refused_when_the_client_has_another_open_case(client_as_professional, case, professional):
    client_as_professional.post(reverse("cases:status", args=[case.pk]), {"reason": "Klaar", "outcome": "anders"})
    newer = Case.objects.create(client=case.client, created_by=professional)
    CaseMember.objects.create(case=newer, user=professional, role=CaseRole.DIRECTOR, added_by=professional)
    response = client_as_professional.post(reverse("cases:status", args=[case.pk]), {"reason": "Toch weer"})
    assert "al een andere open casus" in response.content.decode()
    case.refresh_from_db()
    assert not case.is_open


def test_timeline_is_newest_first_and_hides_what_a_partner_may_not_see(client, case, professional, partner):
    add_member(case, partner)
    give_consent(case, "Schuldhulp Stad", Category.CONTACTS)
    Event.record(case, EventKind.GOAL, professional, "Geheim doel")
    Event.record(case, EventKind.CONTACT, professional, "Gesprek 2")
    decide(case.client, professional, "werk", "kansen")
    own_view = as_user(client, professional).get(reverse("cases:timeline", args=[case.pk])).content.decode()
    assert own_view.index("Besluit over de logica") < own_view.index("Gesprek 2") < own_view.index("Geheim doel")
    partner_view = as_user(client, partner).get(reverse("cases:timeline", args=[case.pk])).content.decode()
    assert "Gesprek 2" in partner_view
    assert "Geheim doel" not in partner_view and "Besluit over de logica" not in partner_view
