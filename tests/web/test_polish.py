"""Polish from the walkthrough (issue 15, point 6): each test fails without its fix."""

import os
import subprocess
import sys

import pytest
from django.urls import reverse

from slim.cases.models import Case

pytestmark = pytest.mark.django_db


# --- BSN with spaces or dots -------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["1112 22 333", "111.222.333", " 111 222 333 "])
def test_bsn_is_accepted_with_spaces_or_dots(client_as_professional, typed):
    response = client_as_professional.post(reverse("cases:new"), {"name": "Dhr. P.", "bsn": typed})
    assert response.status_code == 302
    assert Case.objects.get().client.bsn == "111222333"


# --- debug pages only on request; static files still served ------------------------------------


def test_debug_is_off_unless_asked_for():
    env = {key: value for key, value in os.environ.items() if not key.startswith("SLIM_")}
    env["DJANGO_SETTINGS_MODULE"] = "slim.project.settings"
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    plain = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    asked = subprocess.run(
        [sys.executable, "-c", code], env={**env, "SLIM_DEBUG": "1"}, capture_output=True, text=True, check=True
    )
    assert plain.stdout.strip() == "False" and asked.stdout.strip() == "True"


def test_static_files_are_served_without_debug_and_404_is_our_own(client, settings):
    assert settings.DEBUG is False
    css = client.get("/static/slim/slim.css")
    assert css.status_code == 200
    missing = client.get("/bestaat-niet/")
    assert missing.status_code == 404 and "Niet gevonden" in missing.content.decode()
    assert "URLconf" not in missing.content.decode()


# --- Dutch by default, English only when chosen ------------------------------------------------


def test_dutch_is_the_default_even_for_an_english_browser(client):
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en")
    assert page["Content-Language"] == "nl" and 'lang="nl"' in page.content.decode()


def test_the_language_switch_is_remembered_and_switches_the_data_labels_too(client_as_professional, professional):
    from slim.matching.forms import LOGIC_CHOICES

    response = client_as_professional.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client_as_professional.get(reverse("accounts:login"))
    assert page["Content-Language"] == "en"
    from django.utils import translation

    with translation.override("en"):
        labels = [str(label) for _code, label in LOGIC_CHOICES]
    assert "Enterprising" in labels and "Ondernemen" not in labels
    with translation.override("nl"):
        assert "Ondernemen" in [str(label) for _code, label in LOGIC_CHOICES]


# --- only professionals on a case; no "Nieuwe cliënt"/"Nieuwe casus" for a beleidsmaker ----------


def test_only_professionals_can_be_added_to_a_case(client_as_professional, case):
    from slim.cases.models import CaseMember
    from tests.conftest import make_user

    policy = make_user("pim", role="beleid", organisation="Gemeente")
    colleague = make_user("carla")
    form = client_as_professional.get(reverse("cases:detail", args=[case.pk]), {"wijzig": "team"}).content.decode()
    assert "carla" in form and "pim" not in form
    refused = client_as_professional.post(reverse("cases:member-add", args=[case.pk]), {"user": policy.pk, "role": "lid"})
    assert not CaseMember.objects.filter(case=case, user=policy).exists()
    assert refused.status_code in (200, 302)
    client_as_professional.post(reverse("cases:member-add", args=[case.pk]), {"user": colleague.pk, "role": "lid"})
    assert CaseMember.objects.filter(case=case, user=colleague).exists()


def test_a_policy_maker_gets_no_new_client_or_new_case(client):
    from tests.conftest import make_user

    client.force_login(make_user("pim", role="beleid", organisation="Gemeente"))
    for name in ("cases:list", "matching:intake"):
        page = client.get(reverse(name)).content.decode()
        assert "Nieuwe casus" not in page and "Nieuwe cliënt" not in page


# --- CSV for Dutch Excel ------------------------------------------------------------------------


def test_csv_is_for_dutch_excel_semicolon_decimal_comma_and_bom():
    import io
    from decimal import Decimal

    from slim.common import safecsv

    out = io.StringIO()
    writer = safecsv.writer(out)
    writer.writerow(["cliënt", 12, Decimal("45.30"), 0.5, -3, Decimal("-30.0")])
    assert out.getvalue() == "\ufeffcliënt;12;45,30;0,5;-3;-30,0\r\n"


def test_the_csv_shows_the_same_rounded_figure_as_the_page():
    from slim.common.suppression import Cell
    from slim.common import safecsv

    for value in (12.25, 12.35, 0.05, 99.95, 2 / 3 * 100, 12 / 39 * 100):
        cell = Cell(value, 20, percent=True)
        assert str(safecsv.number(cell.csv())) + "%" == cell.text()
    assert Cell(12 / 39 * 100, 20, percent=True).text() == "30,8%"  # rounded, not cut off at 30,7


def test_the_interventions_import_reads_the_old_comma_format_too(tmp_path, db):
    from django.core.management import call_command

    from slim.interventions.exchange import dump_csv, read_rows
    from slim.interventions.models import Intervention

    call_command("import_interventions", stdout=io_sink(), stderr=io_sink())
    path = tmp_path / "export.csv"
    call_command("export_interventions", "--format", "csv", "--output", str(path), stdout=io_sink())
    new = path.read_bytes()
    assert new.startswith("\ufeff".encode()) and new.split(b"\n", 1)[0].count(b";") > 3
    import csv
    import io

    rows = list(csv.reader(io.StringIO(new.decode("utf-8-sig"), newline=""), delimiter=";"))
    old = io.StringIO()
    csv.writer(old, lineterminator="\n").writerows(rows)
    old_path = tmp_path / "oud.csv"
    old_path.write_text(old.getvalue(), encoding="utf-8")
    Intervention.objects.all().delete()
    call_command("import_interventions", str(old_path), stdout=io_sink(), stderr=io_sink())
    again = tmp_path / "opnieuw.csv"
    call_command("export_interventions", "--format", "csv", "--output", str(again), stdout=io_sink())
    assert again.read_bytes() == new
    assert dump_csv and read_rows  # the functions the commands use


def io_sink():
    import io

    return io.StringIO()


# --- team mirror: no figures below 3 members; closing asks; a closed round can be reopened -------


@pytest.fixture
def mirror_team(db):
    from slim.mirror.models import Membership, Team
    from tests.conftest import make_user

    team = Team.objects.create(name="Wijkteam Noord")
    lead, anna, bram = make_user("lea", role="teamleider"), make_user("anna"), make_user("bram")
    Membership.objects.create(team=team, user=lead, is_lead=True)
    for user in (anna, bram):
        Membership.objects.create(team=team, user=user)
    return team, lead, anna, bram


def test_two_answers_show_no_figures_min_max_or_spread(client, knowledge, mirror_team, settings):
    from django.utils import timezone

    from slim.mirror.models import Round, Score

    team, lead, anna, bram = mirror_team
    round = Round.objects.create(team=team, title="Najaar", opened_by=lead)
    Score.objects.create(round=round, member=anna, element="basishouding", current=1, importance=5, remark="Alleen ik")
    Score.objects.create(round=round, member=bram, element="basishouding", current=5, importance=4)
    round.closed_at = timezone.now()
    round.save()
    client.force_login(anna)
    page = client.get(reverse("mirror:round", args=[round.pk])).content.decode()
    assert "1–5 <span" not in page and '<span class="muted">(sd' not in page and "Alleen ik" not in page
    assert "te weinig antwoorden om te tonen" in page
    settings.SLIM_MIRROR_MIN_RESPONDENTS = 5  # configurable upwards; never below 3
    Score.objects.create(round=round, member=lead, element="basishouding", current=3, importance=3)
    assert '<span class="muted">(sd' not in client.get(reverse("mirror:round", args=[round.pk])).content.decode()
    settings.SLIM_MIRROR_MIN_RESPONDENTS = 3
    assert "1–5 <span" in client.get(reverse("mirror:round", args=[round.pk])).content.decode()


def test_closing_asks_for_confirmation_and_the_lead_can_reopen(client, knowledge, mirror_team):
    from slim.mirror.models import Round

    team, lead, anna, _bram = mirror_team
    round = Round.objects.create(team=team, title="Najaar", opened_by=lead)
    client.force_login(lead)
    confirm = client.get(reverse("mirror:round-close", args=[round.pk]))
    assert confirm.status_code == 200 and "Ja, ronde sluiten" in confirm.content.decode()
    round.refresh_from_db()
    assert round.is_open  # asking is not closing
    assert client.post(reverse("mirror:round-close", args=[round.pk])).status_code == 302
    round.refresh_from_db()
    assert not round.is_open
    client.force_login(anna)
    assert client.post(reverse("mirror:round-reopen", args=[round.pk])).status_code == 403
    client.force_login(lead)
    assert "Ronde heropenen" in client.get(reverse("mirror:round", args=[round.pk])).content.decode()
    assert client.post(reverse("mirror:round-reopen", args=[round.pk])).status_code == 302
    round.refresh_from_db()
    assert round.is_open
    # Only while no other round is open: one open round per team.
    client.post(reverse("mirror:round-close", args=[round.pk]))
    Round.objects.create(team=team, title="Later", opened_by=lead)
    client.post(reverse("mirror:round-reopen", args=[round.pk]))
    round.refresh_from_db()
    assert not round.is_open


# --- databank search: what was typed, 'Bedoelde je' as a link, of/OR, themes and target groups -----


@pytest.fixture
def small_databank(tmp_path, db):
    from tests.factories import intervention_record as record
    from tests.factories import load_interventions as load

    load(
        tmp_path,
        [
            record("geldplan", approach="Samen een plan maken voor de rekeningen.", themes=["armoede_schulden"]),
            record("tienerpraat", approach="Gesprekken over opvoeding met ouders.", target_group_codes=["ouders_gezinnen"]),
            record("kookclub", approach="Samen koken in het buurthuis.", themes=["wijkontwikkeling"]),
        ],
    )


def _search(client, q):
    response = client.get("/api/v1/interventions", {"q": q})
    assert response.status_code == 200
    return response.json()


def test_search_uses_the_words_as_typed_and_offers_a_suggestion_as_a_link(client, small_databank):
    body = _search(client, "opvoeding pubr")
    assert body["query"] == "opvoeding pubr"  # never silently 'opvoeding per'
    page = client.get("/interventies/", {"q": "opvoeding pubr"}).content.decode()
    assert "voor &#x27;opvoeding pubr&#x27;" in page or "voor 'opvoeding pubr'" in page
    if body["suggested_query"]:
        assert "Bedoelde je" in page and "<a href=\"?q=" in page


def test_of_and_or_both_give_alternatives(client, small_databank):
    both = {hit["slug"] for hit in _search(client, "rekeningen of buurthuis")["results"]}
    assert both == {"geldplan", "kookclub"}
    assert {hit["slug"] for hit in _search(client, "rekeningen OR buurthuis")["results"]} == both


def test_a_search_for_schulden_finds_what_the_debts_theme_holds(client, small_databank):
    assert [hit["slug"] for hit in _search(client, "schulden")["results"]] == ["geldplan"]
    assert [hit["slug"] for hit in _search(client, "gezin")["results"]] == ["tienerpraat"]  # target group words


# --- Post/Redirect/Get ---------------------------------------------------------------------------

# Views that answer a POST with a page on purpose: nothing is stored, so a resubmit duplicates nothing.
# The statement tool classifies one sentence of a client; a GET would put that sentence in the URL.
# A client's new access code is a one-time secret: shown once in the answer to the POST and stored
# nowhere (only its hash), so a redirect would have to keep it somewhere. Posting again makes a new
# code and revokes the previous one, so Back + resubmit leaves one valid code, not two.
RENDERS_AFTER_POST = {("matching/views.py", "statement"), ("portal/views.py", "code")}


def test_every_view_that_stores_a_post_answers_with_a_redirect():
    import ast
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2] / "src" / "slim"
    offenders = []
    for path in root.rglob("*.py"):
        if "views" not in str(path.relative_to(root)) or "migrations" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef):
                body = ast.get_source_segment(source, node) or ""
                posts = "POST" in body or "require_POST" in body
                if posts and "render(" in body and "redirect(" not in body and "Redirect" not in body:
                    key = (str(path.relative_to(root)), node.name)
                    if key not in RENDERS_AFTER_POST:
                        offenders.append(key)
    assert not offenders, f"POST handled without a redirect: {offenders}"


def test_successful_posts_redirect_so_back_and_resubmit_cannot_duplicate(client_as_professional, professional):
    from tests.conftest import make_user

    responses = [client_as_professional.post(reverse("matching:intake"), {"name": "Mevrouw K.", "bsn": ""})]
    responses.append(client_as_professional.post(reverse("cases:new"), {"name": "Dhr. P."}))
    case = Case.objects.get()
    colleague = make_user("carla")
    responses.append(client_as_professional.post(reverse("cases:member-add", args=[case.pk]), {"user": colleague.pk, "role": "lid"}))
    assert [response.status_code for response in responses] == [302, 302, 302]


# --- import screen for interventions (beheerder) ------------------------------------------------


@pytest.fixture
def beheerder_client(client):
    from tests.conftest import make_user, verify_second_step

    user = make_user("bea", role="beheerder", organisation="Gemeente")
    user.is_staff = True
    user.save()
    client.force_login(user)
    verify_second_step(client, user)
    return client


def _csv_file(name, separator=";"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from slim.interventions.exchange import dump_csv
    from slim.interventions.records import with_derived
    from tests.factories import intervention_record as record

    text = dump_csv([with_derived(record("uit-scherm"))])
    if separator == ",":
        import csv
        import io

        rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        text = out.getvalue()
    elif separator == "\t":
        text = text.replace(";", "\t")
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.mark.parametrize("separator", [";", ","])
def test_the_beheerder_imports_interventions_from_a_file(beheerder_client, separator):
    from slim.audit.models import AuditEvent
    from slim.interventions.models import Intervention

    url = reverse("interventions-import")
    assert beheerder_client.get(url).status_code == 200
    response = beheerder_client.post(url, {"bestand": _csv_file("interventies.csv", separator)})
    assert response.status_code == 302  # Post/Redirect/Get
    assert Intervention.objects.filter(slug="uit-scherm").exists()
    assert "1 nieuw" in beheerder_client.get(url).content.decode()
    assert AuditEvent.objects.filter(view="interventions-import", method="POST").exists()


def test_the_import_screen_refuses_bad_files_with_a_clear_message(beheerder_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from slim.interventions.models import Intervention

    url = reverse("interventions-import")
    tabs = beheerder_client.post(url, {"bestand": _csv_file("interventies.csv", "\t")})
    assert tabs.status_code == 400 and "tabs" in tabs.content.decode()
    big = SimpleUploadedFile("groot.csv", b"slug;name\n" + b"x" * (3 * 1024 * 1024), content_type="text/csv")
    too_big = beheerder_client.post(url, {"bestand": big})
    assert too_big.status_code == 400 and "Kies een bestand" in too_big.content.decode()
    assert beheerder_client.post(url, {}).status_code == 400
    assert not Intervention.objects.exists()


def test_the_import_screen_is_linked_from_the_beheer_index_and_the_start_page(beheerder_client):
    url = reverse("interventions-import")
    index = beheerder_client.get(reverse("admin:index"))
    assert index.status_code == 200
    assert f'<a href="{url}">Interventies importeren</a>' in index.content.decode()
    assert "recent-actions-module" in index.content.decode()  # the rest of Django's index stays
    start = beheerder_client.get(reverse("start")).content.decode()
    assert f'<a href="{url}">Interventies importeren</a>' in start


def test_only_the_beheerder_may_import_and_other_pages_stay_upload_free(client_as_professional, settings):
    assert settings.FILE_UPLOAD_HANDLERS == []
    assert client_as_professional.get(reverse("interventions-import")).status_code == 403


# --- an action's due date is optional; dates in Dutch ----------------------------------------------


def test_an_action_without_a_due_date_and_dates_in_dutch(client_as_professional, case, professional):
    import datetime

    from slim.cases import operations

    case.refresh_from_db()
    response = client_as_professional.post(
        reverse("cases:plan-action", args=[case.pk]),
        {"version": case.version, "description": "Post samen openen", "owner": professional.pk, "due_on": ""},
    )
    assert response.status_code == 302
    action = case.actions.get()
    assert action.due_on is None
    case.refresh_from_db()
    operations.add_action(case, professional, case.version, "Bellen", professional, datetime.date(2026, 12, 7))
    plan = client_as_professional.get(reverse("cases:plan", args=[case.pk])).content.decode()
    assert "7 december 2026" in plan
    timeline = client_as_professional.get(reverse("cases:timeline", args=[case.pk])).content.decode()
    assert "7 december 2026" in timeline and "07-12-2026" not in timeline
    assert client_as_professional.get(reverse("cases:client-plan", args=[case.pk])).status_code == 200
