import datetime
import statistics

import pytest
from django.urls import reverse
from django.utils import timezone

from slim.accounts.demo import create_demo_users
from slim.accounts.models import Role
from slim.knowledge.loader import load_knowledge
from slim.knowledge.models import KnowledgeItem
from slim.mirror.aggregates import across_teams, team_results
from slim.mirror.demo import ROUNDS, demo
from slim.mirror.models import Action, FocusElement, Membership, Round, Score, Team
from slim.mirror.radar import Series, radar_svg
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

ELEMENTS = [
    "basishouding", "continuiteit", "integraal_plan", "langdurende_ondersteuning", "normaliseren", "maatwerk",
    "ondersteuning_dichtbij", "open_communiceren", "snel_praktische_hulp", "snelle_inzet_deskundigheid",
    "toegankelijke_ondersteuning", "eigen_regie", "vast_contactpersoon", "vraagverheldering", "werken_met_methodes",
]


@pytest.fixture
def people(db):
    return {
        "anna": make_user("anna"),
        "bram": make_user("bram", organisation="Schuldhulp Stad"),
        "chantal": make_user("chantal", role=Role.TEAM_LEAD),
        "dirk": make_user("dirk", role=Role.POLICY, organisation="Gemeente"),
    }


@pytest.fixture
def team(people):
    team = Team.objects.create(name="Wijkteam Noord", organisation="Wijkteam Noord")
    for name in ("anna", "bram", "chantal"):
        Membership.objects.create(team=team, user=people[name])
    return team


def login(client, user):
    client.force_login(user)
    return client


def open_round(team, lead, title="Ronde 1", days_ago=0):
    return Round.objects.create(
        team=team, title=title, opened_by=lead, opened_at=timezone.now() - datetime.timedelta(days=days_ago)
    )


def close(round, days_ago=0):
    round.closed_at = timezone.now() - datetime.timedelta(days=days_ago)
    round.save()
    return round


def score(round, member, element, current, importance, remark=""):
    return Score.objects.create(
        round=round, member=member, element=element, current=current, importance=importance, remark=remark
    )


def html(response):
    return response.content.decode()


def test_pages_need_login(client):
    response = client.get(reverse("mirror:index"))
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_index_lists_only_my_teams(client, team, people):
    Team.objects.create(name="Buurtteam Zuid")
    page = html(login(client, people["anna"]).get(reverse("mirror:index")))
    assert "Wijkteam Noord" in page and "Buurtteam Zuid" not in page
    outsider = html(login(client, people["dirk"]).get(reverse("mirror:index")))
    assert "nog geen lid van een team" in outsider


def test_non_members_get_404_everywhere(client, knowledge, team, people):
    round = open_round(team, people["chantal"])
    FocusElement.objects.create(team=team, round=round, element="normaliseren", chosen_by=people["chantal"])
    action = Action.objects.create(
        team=team, element="normaliseren", description="Startbijeenkomst", owner=people["anna"],
        due_date=datetime.date(2027, 1, 1), created_by=people["anna"],
    )
    login(client, people["dirk"])
    gets = [
        reverse("mirror:team", args=[team.pk]),
        reverse("mirror:score", args=[round.pk]),
        reverse("mirror:round", args=[round.pk]),
        reverse("mirror:focus", args=[team.pk, "normaliseren"]),
    ]
    posts = [
        reverse("mirror:round-open", args=[team.pk]),
        reverse("mirror:round-close", args=[round.pk]),
        reverse("mirror:focus-choose", args=[round.pk]),
        reverse("mirror:action-status", args=[action.pk]),
    ]
    assert [client.get(url).status_code for url in gets] == [404] * len(gets)
    assert [client.post(url, {"status": "klaar"}).status_code for url in posts] == [404] * len(posts)
    assert Round.objects.get().is_open and Action.objects.get().status == "open"


def test_only_a_lead_opens_and_closes_rounds(client, team, people):
    login(client, people["anna"])
    assert client.post(reverse("mirror:round-open", args=[team.pk]), {"title": "Voorjaar"}).status_code == 403
    assert "Nieuwe ronde openen" not in html(client.get(reverse("mirror:team", args=[team.pk])))
    login(client, people["chantal"])
    response = client.post(reverse("mirror:round-open", args=[team.pk]), {"title": "Voorjaar"})
    round = Round.objects.get()
    assert response.status_code == 302 and round.title == "Voorjaar" and round.opened_by == people["chantal"]
    login(client, people["anna"])
    assert client.post(reverse("mirror:round-close", args=[round.pk])).status_code == 403
    login(client, people["chantal"])
    client.post(reverse("mirror:round-close", args=[round.pk]))
    assert not Round.objects.get().is_open


def test_the_lead_flag_makes_a_professional_a_lead(client, team, people):
    Membership.objects.filter(user=people["anna"]).update(is_lead=True)
    login(client, people["anna"]).post(reverse("mirror:round-open", args=[team.pk]), {"title": "Voorjaar"})
    assert Round.objects.filter(team=team).count() == 1
    assert not team.is_lead(people["bram"]) and not team.is_lead(people["dirk"])


def test_a_teamleider_of_another_team_is_not_a_lead_here(client, team, people):
    other_lead = make_user("els", role=Role.TEAM_LEAD)
    assert login(client, other_lead).post(reverse("mirror:round-open", args=[team.pk]), {"title": "x"}).status_code == 404


def test_one_open_round_at_a_time_and_a_title_is_required(client, team, people):
    login(client, people["chantal"])
    url = reverse("mirror:round-open", args=[team.pk])
    empty = client.post(url, {"title": "  "})
    assert empty.status_code == 400 and 'role="alert"' in html(empty)
    client.post(url, {"title": "Voorjaar"})
    second = client.post(url, {"title": "Zomer"}, follow=True)
    assert "Er loopt al een ronde" in html(second)
    assert list(Round.objects.values_list("title", flat=True)) == ["Voorjaar"]


def test_member_saves_part_and_comes_back_to_change_it(client, knowledge, team, people):
    round = open_round(team, people["chantal"])
    login(client, people["anna"])
    url = reverse("mirror:score", args=[round.pk])
    form = html(client.get(url))
    assert form.count('<fieldset class="element-score"') == 15
    assert "Voelen inwoners zich bij ons welkom en serieus genomen" in form  # the element's mirror question
    response = client.post(url, {"basishouding__current": "4", "basishouding__importance": "5",
                                 "basishouding__remark": "Bij drukte schiet het erbij in"})
    assert response.status_code == 302
    saved = Score.objects.get()
    assert (saved.member, saved.element, saved.current, saved.importance) == (people["anna"], "basishouding", 4, 5)
    again = html(client.get(url))
    assert 'name="basishouding__current" value="4" id="id_basishouding__current_3" checked' in again
    assert "Bij drukte schiet het erbij in" in again
    client.post(url, {"basishouding__current": "3", "basishouding__importance": "5", "maatwerk__current": "2",
                      "maatwerk__importance": "4"})
    assert sorted(Score.objects.values_list("element", "current")) == [("basishouding", 3), ("maatwerk", 2)]
    client.post(url, {"maatwerk__current": "2", "maatwerk__importance": "4"})  # basishouding cleared: withdrawn
    assert list(Score.objects.values_list("element", flat=True)) == ["maatwerk"]
    team_page = html(client.get(reverse("mirror:team", args=[team.pk])))
    assert "Jij hebt 1 van de 15 elementen ingevuld" in team_page
    assert "1 van de 3 teamleden heeft al (een deel) ingevuld" in team_page


@pytest.mark.parametrize(
    "data, message",
    [
        ({"basishouding__current": "4"}, "Geef bij dit element beide scores"),
        ({"basishouding__current": "7", "basishouding__importance": "3"}, "Kies een score van 1 tot en met 5"),
        ({"basishouding__current": "vier", "basishouding__importance": "3"}, "Kies een score van 1 tot en met 5"),
        ({"basishouding__remark": "alleen een opmerking"}, "Geef ook de twee scores bij je opmerking"),
        ({"basishouding__current": "4", "basishouding__importance": "4", "basishouding__remark": "x" * 1001},
         "1000"),
    ],
)
def test_bad_scores_get_a_clear_message_and_nothing_is_saved(client, knowledge, team, people, data, message):
    round = open_round(team, people["chantal"])
    response = login(client, people["anna"]).post(reverse("mirror:score", args=[round.pk]), data)
    assert response.status_code == 400
    page = html(response)
    assert message in page and 'role="alert"' in page
    assert not Score.objects.exists()


def test_scores_cannot_change_after_closing(client, knowledge, team, people):
    round = close(open_round(team, people["chantal"]))
    login(client, people["anna"])
    response = client.post(reverse("mirror:score", args=[round.pk]),
                           {"basishouding__current": "4", "basishouding__importance": "5"})
    assert response.status_code == 302 and response["Location"] == reverse("mirror:round", args=[round.pk])
    assert not Score.objects.exists()


def test_score_page_without_knowledge_base_explains_instead_of_failing(client, team, people):
    round = open_round(team, people["chantal"])
    response = login(client, people["anna"]).get(reverse("mirror:score", args=[round.pk]))
    assert response.status_code == 200 and "nog niet in de kennisbank" in html(response)


def test_results_wait_until_the_round_is_closed(client, knowledge, team, people):
    round = open_round(team, people["chantal"])
    response = login(client, people["anna"]).get(reverse("mirror:round", args=[round.pk]), follow=True)
    assert "zodra de teamleider de ronde sluit" in html(response)
    assert "<svg" not in html(response)


def test_results_of_a_round_without_answers_or_without_knowledge_base(client, team, people):
    round = close(open_round(team, people["chantal"]))
    login(client, people["anna"])
    without_knowledge = client.get(reverse("mirror:round", args=[round.pk]))
    assert without_knowledge.status_code == 200 and "nog niet in de kennisbank" in html(without_knowledge)
    load_knowledge()
    empty = html(client.get(reverse("mirror:round", args=[round.pk])))
    assert "0 teamleden vulden scores in" in empty and '<svg class="radar"' in empty
    assert empty.count("te weinig antwoorden om te tonen") == 15


@pytest.fixture
def scored_round(team, people):
    """basishouding: current 2, 4, 5 / importance 5, 5, 4; normaliseren only one answer."""
    round = open_round(team, people["chantal"])
    for name, (current, importance) in zip(("anna", "bram", "chantal"), ((2, 5), (4, 5), (5, 4))):
        score(round, people[name], "basishouding", current, importance)
    score(round, people["anna"], "normaliseren", 1, 5, remark="We verwijzen te snel door")
    score(round, people["bram"], "maatwerk", 3, 3, remark="Aanbod bepaalt te vaak de hulp")
    score(round, people["chantal"], "maatwerk", 3, 4)
    return close(round)


def test_team_results_are_sql_aggregates_with_population_spread(scored_round):
    results = team_results(scored_round)
    basis = results["basishouding"]
    assert basis.respondents == 3 and basis.teams == 1
    assert basis.current.mean == pytest.approx(11 / 3)
    assert basis.current.sd == pytest.approx(statistics.pstdev([2, 4, 5]))
    assert (basis.current.low, basis.current.high) == (2, 5)
    assert basis.importance.sd == pytest.approx(statistics.pstdev([5, 5, 4]))
    assert basis.gap == pytest.approx(14 / 3 - 11 / 3)
    assert "maatwerk" not in results  # two answers: with your own score you would know the other's
    assert team_results(scored_round, min_respondents=2)["maatwerk"].current.sd == 0
    assert "normaliseren" not in results  # one answer is one person's score
    assert "normaliseren" in team_results(scored_round, min_respondents=1)


def test_results_page_shows_table_radar_and_remarks_without_names(client, knowledge, scored_round, people):
    response = login(client, people["anna"]).get(reverse("mirror:round", args=[scored_round.pk]))
    page = html(response)
    assert response.status_code == 200
    assert '<svg class="radar"' in page and 'aria-labelledby="radar-title radar-desc"' in page
    assert '<title id="radar-title">' in page and '<desc id="radar-desc">' in page
    assert "Te weinig antwoorden voor: " in page  # normaliseren, named in the radar's description
    row = page.split('id="rij-basishouding"')[1].split("</tr>")[0]
    for number in ("3,7", "2–5", "sd 1,2", "4,7", "4–5", "sd 0,5", "+1,0", ">3<", "verbeterpunt"):
        assert number in row
    assert "te weinig antwoorden om te tonen" in page.split('id="rij-normaliseren"')[1].split("</tr>")[0]
    assert "We verwijzen te snel door" in page and "Aanbod bepaalt te vaak de hulp" in page
    for name in ("bram", "chantal"):
        assert name not in page
    assert 'style="' not in page and "<script" not in page  # the CSP allows neither


def test_comparison_with_an_earlier_round(client, knowledge, team, people):
    earlier = open_round(team, people["chantal"], title="Voorjaar", days_ago=200)
    for name, current in (("anna", 2), ("bram", 2), ("chantal", 2)):
        score(earlier, people[name], "normaliseren", current, 5)
    close(earlier, days_ago=180)
    older = close(open_round(team, people["chantal"], title="Winter", days_ago=300), days_ago=290)
    now = open_round(team, people["chantal"], title="Najaar")
    for name, current in (("anna", 3), ("bram", 4), ("chantal", 3)):
        score(now, people[name], "normaliseren", current, 4)
    close(now)
    login(client, people["anna"])
    page = html(client.get(reverse("mirror:round", args=[now.pk])))
    comparison = page.split('id="vergelijking"')[1]
    assert "Gemiddelden in Voorjaar en in Najaar" in comparison
    row = comparison.split("Normaliseren</th>")[1].split("</tr>")[0]
    assert [cell.split("</td>")[0] for cell in row.split("<td>")[1:]] == ["2,0", "3,3", "+1,3", "5,0", "4,0", "−1,0"]
    chosen = html(client.get(reverse("mirror:round", args=[now.pk]), {"vergelijk": older.pk}))
    assert "Gemiddelden in Winter en in Najaar" in chosen
    bad = client.get(reverse("mirror:round", args=[now.pk]), {"vergelijk": "abc"})
    assert bad.status_code == 200 and "Kies een eerdere, gesloten ronde" in html(bad)
    later = client.get(reverse("mirror:round", args=[earlier.pk]), {"vergelijk": now.pk})
    assert "Kies een eerdere, gesloten ronde" in html(later)
    assert "Dit is de eerste gesloten ronde" in html(client.get(reverse("mirror:round", args=[older.pk])))


def test_across_teams_uses_the_latest_closed_round_of_each_team(team, people):
    north_old = close(open_round(team, people["chantal"], title="oud", days_ago=100), days_ago=90)
    for name in ("anna", "bram", "chantal"):
        score(north_old, people[name], "maatwerk", 1, 1)
    north = close(open_round(team, people["chantal"], title="nieuw", days_ago=10), days_ago=5)
    for name, value in (("anna", 2), ("bram", 3), ("chantal", 4)):
        score(north, people[name], "maatwerk", value, 5)
    running = open_round(team, people["chantal"], title="loopt")
    score(running, people["anna"], "maatwerk", 5, 5)

    south = Team.objects.create(name="Buurtteam Zuid")
    south_people = [make_user(f"zuid{i}") for i in range(3)]
    south_round = close(open_round(south, south_people[0], title="zuid"))
    for person, value in zip(south_people, (5, 5, 4)):
        score(south_round, person, "maatwerk", value, 4)

    small = Team.objects.create(name="Klein team")
    small_round = close(open_round(small, people["dirk"], title="klein"))
    score(small_round, people["dirk"], "maatwerk", 1, 1)

    result = across_teams(min_respondents=3)["maatwerk"]
    values = [2, 3, 4, 5, 5, 4]
    assert result.respondents == 6 and result.teams == 2
    assert result.current.mean == pytest.approx(statistics.mean(values))
    assert result.current.sd == pytest.approx(statistics.pstdev(values))
    assert result.importance.mean == pytest.approx(4.5)
    assert across_teams(min_respondents=1)["maatwerk"].teams == 3


@pytest.mark.parametrize("bad", [0, -1, "3", 2.5, True])
def test_aggregates_refuse_a_meaningless_minimum(bad):
    with pytest.raises(ValueError, match="min_respondents"):
        across_teams(min_respondents=bad)


def test_lead_picks_focus_elements_after_closing(client, knowledge, scored_round, team, people):
    url = reverse("mirror:focus-choose", args=[scored_round.pk])
    assert login(client, people["anna"]).post(url, {"element": "normaliseren"}).status_code == 403
    login(client, people["chantal"])
    client.post(url, {"element": "normaliseren"})
    focus = FocusElement.objects.get()
    assert (focus.team, focus.round, focus.element, focus.chosen_by) == (team, scored_round, "normaliseren", people["chantal"])
    assert "al een focuselement" in html(client.post(url, {"element": "normaliseren"}, follow=True))
    assert "Kies een van de 15 werkzame elementen" in html(client.post(url, {"element": "bestaat-niet"}, follow=True))
    client.post(url, {"element": "maatwerk"})
    client.post(url, {"element": "basishouding"})
    assert "hoogstens 3 focuselementen" in html(client.post(url, {"element": "eigen_regie"}, follow=True))
    assert "al een focuselement" in html(client.post(url, {"element": "maatwerk"}, follow=True))
    assert FocusElement.objects.count() == 3
    client.post(reverse("mirror:focus-unchoose", args=[scored_round.pk, "maatwerk"]))
    assert sorted(FocusElement.objects.values_list("element", flat=True)) == ["basishouding", "normaliseren"]
    team_page = html(client.get(reverse("mirror:team", args=[team.pk])))
    assert reverse("mirror:focus", args=[team.pk, "normaliseren"]) in team_page


def test_no_focus_on_an_open_round(client, knowledge, team, people):
    round = open_round(team, people["chantal"])
    response = login(client, people["chantal"]).post(
        reverse("mirror:focus-choose", args=[round.pk]), {"element": "normaliseren"}, follow=True
    )
    assert "nadat de ronde gesloten is" in html(response) and not FocusElement.objects.exists()


@pytest.fixture
def focus(scored_round, team, people):
    return FocusElement.objects.create(team=team, round=scored_round, element="normaliseren", chosen_by=people["chantal"])


def test_focus_page_shows_the_knowledge_to_start_with(client, knowledge, focus, team, people):
    page = html(login(client, people["bram"]).get(reverse("mirror:focus", args=[team.pk, "normaliseren"])))
    element = KnowledgeItem.objects.get(kind="werkzaam_element", code="normaliseren")
    titles = {section["code"]: section["title"]["nl"] for section in element.sections}
    for code in ("starting_points", "tools", "policy_organisation", "examples"):
        assert titles[code] in page
    assert titles["what_is"] not in page
    assert 'style="' not in page and "<script" not in page


def test_focus_page_only_for_focus_elements(client, knowledge, focus, team, people):
    login(client, people["anna"])
    assert client.get(reverse("mirror:focus", args=[team.pk, "maatwerk"])).status_code == 404
    assert client.get(reverse("mirror:focus", args=[team.pk, "onbekend"])).status_code == 404


def test_any_member_records_an_action_and_updates_its_status(client, knowledge, focus, team, people):
    url = reverse("mirror:focus", args=[team.pk, "normaliseren"])
    login(client, people["bram"])
    response = client.post(url, {"description": "Startbijeenkomst met partners", "owner": people["anna"].pk,
                                 "due_date": "2027-01-29"})
    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.team, action.element, action.owner, action.created_by, action.status) == (
        team, "normaliseren", people["anna"], people["bram"], "open")
    client.post(reverse("mirror:action-status", args=[action.pk]), {"status": "klaar"})
    assert Action.objects.get().status == "klaar"
    refused = client.post(reverse("mirror:action-status", args=[action.pk]), {"status": "misschien"}, follow=True)
    assert "Onbekende status" in html(refused) and Action.objects.get().status == "klaar"
    page = html(client.get(url))
    assert "Startbijeenkomst met partners" in page and "29 januari 2027" in page
    focus.delete()
    assert client.get(url).status_code == 200  # recorded actions stay reachable


@pytest.mark.parametrize(
    "data, message",
    [
        ({"description": "", "owner": "anna", "due_date": "2027-01-29"}, "Dit veld is vereist"),
        ({"description": "Iets", "owner": "dirk", "due_date": "2027-01-29"}, "Kies iemand uit het team"),
        ({"description": "Iets", "owner": "anna", "due_date": "29-13-2027"}, "Vul een geldige datum in"),
    ],
)
def test_bad_action_input_gets_a_clear_message(client, knowledge, focus, team, people, data, message):
    data = {**data, "owner": people[data["owner"]].pk}
    response = login(client, people["anna"]).post(reverse("mirror:focus", args=[team.pk, "normaliseren"]), data)
    assert response.status_code == 400 and message in html(response) and 'role="alert"' in html(response)
    assert not Action.objects.exists()


def test_radar_svg_escapes_labels_and_skips_missing_values():
    svg = radar_svg(
        ["<b>Een</b>", "Twee", "Drie"],
        [Series("Nu & straks", "radar-current", [1.0, None, 5.0])],
        title="Titel <x>", description="Beschrijving", id_prefix="test",
    )
    assert 'aria-labelledby="test-title test-desc"' in svg and 'role="img"' in svg
    assert "&lt;b&gt;Een&lt;/b&gt;" in svg and "Titel &lt;x&gt;" in svg and "Nu &amp; straks" in svg
    series = svg.split('<g class="radar-series radar-current">')[1].split("</g>")[0]
    assert series.count("<circle") == 2


def test_demo_is_idempotent_and_uses_the_knowledge_base_codes(client, knowledge):
    create_demo_users()
    team, created = demo()
    counts = [model.objects.count() for model in (Team, Membership, Round, Score, FocusElement, Action)]
    assert created and counts == [1, 3, 2, 90, 1, 1]
    assert demo() == (team, False)
    assert [model.objects.count() for model in (Team, Membership, Round, Score, FocusElement, Action)] == counts
    for _title, _opened, _closed, scores in ROUNDS:
        assert list(scores) == ELEMENTS
    assert list(KnowledgeItem.objects.filter(kind="werkzaam_element").values_list("code", flat=True)) == ELEMENTS
    assert team.is_lead(team.members.get(username="chantal"))
    latest = Round.objects.filter(team=team).first()
    page = html(login(client, team.members.get(username="anna")).get(reverse("mirror:round", args=[latest.pk])))
    assert "Normaliseren" in page.split('id="verbeterpunten"')[1].split("</section>")[0]


def test_demo_needs_the_demo_users():
    with pytest.raises(LookupError, match="Demogebruikers ontbreken"):
        demo()
