"""Issue 15 point 1: the personal start page after login, per role."""

import datetime

from django.urls import reverse
from django.utils import timezone

from slim.accounts.models import Role
from slim.cases.models import Action, Contact
from tests.conftest import PASSWORD, make_user, verify_second_step
from tests.factories import add_member, decide, give_consent, open_case


def test_login_lands_on_the_start_page(client, professional):
    response = client.post(reverse("accounts:login"), {"username": professional.username, "password": PASSWORD})
    assert response["Location"] == reverse("start")


def test_professional_sees_cases_logic_actions_overdue_first_consent_and_stalled(client, professional, other_professional):
    case = open_case(professional, name="Mevrouw K.", goal="Rust")
    add_member(case, other_professional)  # bram, another organisation, no consent yet
    decide(case.client, professional, "werk", "kansen")
    today = timezone.localdate()
    for days, text in ((5, "Later"), (-3, "Te laat")):
        Action.objects.create(case=case, description=text, owner=professional, due_on=today + datetime.timedelta(days=days),
                              created_by=professional)
    Contact.objects.create(case=case, held_on=today, user=professional, conversation_type=2, flowed=False,
                           stall_reason="afspraken", recorded_by=professional)
    client.force_login(professional)
    page = client.get(reverse("start")).content.decode()
    assert "Werk – Kansen (besloten" in page
    assert page.index("Te laat") < page.index("Later") and "te laat: klaar op" in page
    assert "Partners die wachten op toestemming" in page and "Schuldhulp Stad" in page
    assert "Gesprekken die haperden" in page

    client.force_login(other_professional)
    partner_page = client.get(reverse("start")).content.decode()
    assert "Casussen waar je aan bent toegevoegd" in partner_page and "wacht op toestemming voor je organisatie" in partner_page
    give_consent(case, other_professional.organisation)
    assert "toestemming voor je organisatie is vastgelegd" in client.get(reverse("start")).content.decode()


def test_policy_and_admin_see_their_own_part(client, db):
    client.force_login(make_user("beleid1", role=Role.POLICY))
    assert "Naar de beleidsdashboards" in client.get(reverse("start")).content.decode()
    admin = make_user("beheer1", role=Role.ADMIN)
    client.force_login(admin)
    verify_second_step(client, admin)
    assert "nog geen tweede stap" in client.get(reverse("start")).content.decode()


def test_admin_start_page_shows_the_last_audit_check(client, db):
    import io

    from django.core.management import call_command

    admin = make_user("beheer2", role=Role.ADMIN)
    client.force_login(admin)
    verify_second_step(client, admin)
    assert "De audittrail is nog nooit gecontroleerd." in client.get(reverse("start")).content.decode()
    call_command("verify_audit", stdout=io.StringIO())
    page = client.get(reverse("start")).content.decode()
    assert "Laatste controle van de audittrail" in page and "in orde" in page and "aangetast" not in page
