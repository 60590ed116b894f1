"""The integrated plan: goals, strategy, approaches with the engine's warnings, actions, and optimistic locking."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from slim.cases.models import Case, Category, DomainGoal, EventKind, MemberApproach
from slim.accounts.models import Role
from tests.conftest import make_user
from tests.factories import add_member, as_user, decide, give_consent

pytestmark = pytest.mark.django_db


def post(http, name, case, data):
    return http.post(reverse(f"cases:{name}", args=[case.pk]), {"version": case.version, **data})


def test_plan_page_shows_goal_domains_and_intake_link(client_as_professional, case):
    page = client_as_professional.get(reverse("cases:plan", args=[case.pk])).content.decode()
    assert "Weer rust in de financiën" in page
    assert "Inkomen en schulden" in page
    assert reverse("matching:intake-new", args=[case.client.pk]) in page


LINKS = {"doel": "Doel en strategie wijzigen", "leefgebieden": "Doelen per leefgebied wijzigen",
         "aanpak": "Vastleggen vanuit welke logica een professional werkt"}
FIELDS = {"doel": 'name="shared_goal"', "leefgebieden": 'name="goal_werk"', "aanpak": 'id="id_approach_logic"'}
CHANGE_LINK = re.compile(r"\?wijzig=\w+#")


def test_plan_is_an_overview_and_each_rare_change_opens_with_a_link(client_as_professional, case):
    url = reverse("cases:plan", args=[case.pk])
    page = client_as_professional.get(url).content.decode()
    for part, text in LINKS.items():
        assert f'href="{url}?wijzig={part}#' in page and text in page
        assert FIELDS[part] not in page
    assert 'name="description"' in page  # a new action can always be added
    for part in LINKS:
        opened = client_as_professional.get(f"{url}?wijzig={part}").content.decode()
        assert FIELDS[part] in opened and f'id="{part}-wijzigen"' in opened
        assert all(FIELDS[other] not in opened for other in FIELDS if other != part)
        assert f'href="{url}#{part}"' in opened  # Annuleren: back to the overview
    for nonsense in ("onzin", "", "doel%00", "<script>"):
        response = client_as_professional.get(url, {"wijzig": nonsense})
        assert response.status_code == 200 and all(field not in response.content.decode() for field in FIELDS.values())


def test_a_reader_of_the_plan_gets_no_change_links(client, case, professional):
    lead = make_user("tessa", role=Role.TEAM_LEAD)  # sees the cases of the organisation, is no member
    as_user(client, lead)
    url = reverse("cases:plan", args=[case.pk])
    for change in ("", "?wijzig=doel", "?wijzig=aanpak"):
        page = client.get(url + change).content.decode()
        assert not CHANGE_LINK.search(page) and 'name="version"' not in page


def test_a_rejected_change_shows_its_form_with_the_reason(client_as_professional, case):
    response = post(client_as_professional, "plan-approach", case, {"user": "", "domain": "werk", "logic": "kansen"})
    page = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in page and FIELDS["aanpak"] in page


def test_director_sets_goal_and_strategy(client_as_professional, case):
    response = post(client_as_professional, "plan-goal", case, {
        "shared_goal": "Rust in de financiën", "client_words": "Ik wil het zelf leren", "strategy": "competenties"
    })
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.shared_goal, case.strategy, case.version) == ("Rust in de financiën", "competenties", 2)
    assert set(case.events.values_list("kind", flat=True)) == {EventKind.GOAL, EventKind.STRATEGY}


def test_partner_may_edit_the_plan_but_not_choose_the_strategy(client, case, partner):
    add_member(case, partner)
    give_consent(case, "Schuldhulp Stad", Category.PLAN)
    as_user(client, partner)
    page = client.get(reverse("cases:plan", args=[case.pk]) + "?wijzig=doel").content.decode()
    assert 'name="shared_goal"' in page and 'name="strategy"' not in page
    post(client, "plan-goal", case, {"shared_goal": "Rust", "client_words": "", "strategy": "sturing"})
    case.refresh_from_db()
    assert case.shared_goal == "Rust" and case.strategy == ""


def test_goals_per_domain_are_set_changed_and_removed(client_as_professional, case):
    post(client_as_professional, "plan-domains", case, {"goal_werk": "Een baan van 20 uur", "goal_wonen": "Eigen huis"})
    assert dict(DomainGoal.objects.values_list("domain", "text")) == {"werk": "Een baan van 20 uur", "wonen": "Eigen huis"}
    case.refresh_from_db()
    post(client_as_professional, "plan-domains", case, {"goal_werk": "Een baan van 32 uur", "goal_wonen": ""})
    assert dict(DomainGoal.objects.values_list("domain", "text")) == {"werk": "Een baan van 32 uur"}


def test_clashing_approaches_give_warnings(client_as_professional, case, professional, partner):
    add_member(case, partner)
    give_consent(case, "Schuldhulp Stad", Category.PLAN)
    decide(case.client, professional, "inkomen_schulden", "sturing")
    post(client_as_professional, "plan-approach", case, {"user": professional.pk, "domain": "inkomen_schulden", "logic": "sturing"})
    case.refresh_from_db()
    post(client_as_professional, "plan-approach", case, {"user": partner.pk, "domain": "inkomen_schulden", "logic": "ondernemen"})
    assert MemberApproach.objects.count() == 2
    page = client_as_professional.get(reverse("cases:plan", args=[case.pk])).content.decode()
    assert "Geen gezamenlijke overkoepelende strategie" in page
    assert "de cliënt ziet zichzelf hier vanuit Sturing" in page
    assert "Ernstig" in page  # ondernemen for a client in sturing is a serious clash

    # The partner may not see the self-image: the warnings must not give the client's logic away.
    partner_page = as_user(client_as_professional, partner).get(reverse("cases:plan", args=[case.pk])).content.decode()
    assert "Geen gezamenlijke overkoepelende strategie" in partner_page
    assert "de cliënt ziet zichzelf" not in partner_page


def test_removing_an_approach(client_as_professional, case, professional):
    post(client_as_professional, "plan-approach", case, {"user": professional.pk, "domain": "werk", "logic": "kansen"})
    case.refresh_from_db()
    post(client_as_professional, "plan-approach", case, {"user": professional.pk, "domain": "werk", "logic": ""})
    assert not MemberApproach.objects.exists()


def test_action_with_owner_and_due_date_then_done(client_as_professional, case, professional):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    past = post(client_as_professional, "plan-action", case, {
        "description": "Post samen openen", "owner": professional.pk, "due_on": "2000-01-01"
    })
    assert "in het verleden" in past.content.decode()
    post(client_as_professional, "plan-action", case, {
        "description": "Post samen openen", "domain": "inkomen_schulden", "owner": professional.pk,
        "due_on": tomorrow.isoformat(),
    })
    action = case.actions.get()
    assert (action.owner, action.due_on, action.domain) == (professional, tomorrow, "inkomen_schulden")
    case.refresh_from_db()
    client_as_professional.post(reverse("cases:plan-action-done", args=[case.pk, action.pk]), {"version": case.version})
    action.refresh_from_db()
    assert action.done_on == timezone.localdate()


def test_client_and_network_own_actions(client_as_professional, case):
    due = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    post(client_as_professional, "plan-action", case, {"description": "Zelf de post openen", "owner": "client", "due_on": due})
    case.refresh_from_db()
    nameless = post(client_as_professional, "plan-action", case, {"description": "Mee naar de bank", "owner": "netwerk", "due_on": due})
    assert "Vul de naam in van wie het doet." in nameless.content.decode()
    post(client_as_professional, "plan-action", case, {
        "description": "Mee naar de bank", "owner": "netwerk", "owner_name": "zus Anja", "due_on": due,
    })
    own, network = case.actions.order_by("id")
    assert (own.owner_kind, own.owner_id, own.owner_label) == ("client", None, "de cliënt zelf")
    assert (network.owner_kind, network.owner_id, network.owner_name) == ("netwerk", None, "zus Anja")
    assert case.events.filter(kind="actie", data__owner_kind="netwerk", data__owner_name="zus Anja").exists()
    page = client_as_professional.get(reverse("cases:plan", args=[case.pk])).content.decode()
    assert "de cliënt zelf" in page and "zus Anja" in page


def test_owner_must_be_a_case_member(client_as_professional, case, partner):
    response = post(client_as_professional, "plan-action", case, {
        "description": "Bellen", "owner": partner.pk, "due_on": timezone.localdate().isoformat()
    })
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert not case.actions.exists()


def test_second_editor_gets_a_conflict_and_keeps_their_input(client_as_professional, case):
    stale = case.version
    post(client_as_professional, "plan-goal", case, {"shared_goal": "Versie van Anna", "client_words": ""})
    response = client_as_professional.post(
        reverse("cases:plan-goal", args=[case.pk]),
        {"version": stale, "shared_goal": "Versie van Bram", "client_words": ""},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Iemand anders heeft het plan intussen gewijzigd" in page
    assert "Versie van Bram</textarea>" in page  # the input is kept
    assert f'name="version" value="{stale + 1}"' in page  # a second save is a conscious choice
    case.refresh_from_db()
    assert case.shared_goal == "Versie van Anna" and case.version == stale + 1


def test_conflict_leaves_nothing_half_written(client_as_professional, case, professional):
    Case.objects.filter(pk=case.pk).update(version=5)
    response = post(client_as_professional, "plan-approach", case, {"user": professional.pk, "domain": "werk", "logic": "kansen"})
    assert "Iemand anders heeft het plan intussen gewijzigd" in response.content.decode()
    assert not MemberApproach.objects.exists()
    assert not case.events.filter(kind=EventKind.APPROACH).exists()


def test_closed_case_plan_is_read_only(client_as_professional, case):
    case.status = Case.Status.CLOSED
    case.save()
    for change in ("", "?wijzig=doel", "?wijzig=leefgebieden", "?wijzig=aanpak"):
        page = client_as_professional.get(reverse("cases:plan", args=[case.pk]) + change).content.decode()
        assert "Deze casus is gesloten" in page and 'name="version"' not in page and not CHANGE_LINK.search(page)
    response = post(client_as_professional, "plan-goal", case, {"shared_goal": "Nieuw", "client_words": ""})
    assert response.status_code == 403


def test_tampered_version_gives_a_message_not_a_500(client_as_professional, case):
    response = client_as_professional.post(
        reverse("cases:plan-goal", args=[case.pk]), {"version": "abc", "shared_goal": "x", "client_words": ""}
    )
    assert response.status_code == 200
    assert "Dit formulier was niet compleet" in response.content.decode()
    done = client_as_professional.post(reverse("cases:plan-action-done", args=[case.pk, 999]), {"version": 1})
    assert done.status_code == 404
