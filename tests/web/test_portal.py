"""Issue 16: the client's own pages (/mijn/), probed as an attacker would, and the side-by-side view."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from slim.audit.models import AuditEvent
from slim.cases.models import Event, EventKind
from slim.matching.models import Decision
from slim.portal import operations
from slim.portal.models import AccessCode, PlanCheck, SelfAssessment
from slim.portal.session import COOKIE
from tests.conftest import make_user
from tests.factories import add_member, as_user, decide, give_consent, open_case

pytestmark = pytest.mark.django_db


def _code(case, user):
    return operations.create_code(case, user)[1]


def _enter(client, code, pin="", ip="10.0.0.1"):
    return client.post("/mijn/", {"code": code, "pin": pin}, REMOTE_ADDR=ip)


def test_code_is_high_entropy_stored_only_as_hash_and_enters(client, case, professional):
    access, code = operations.create_code(case, professional)
    assert len(code) == 20 and set(code) <= set(operations.ALPHABET)  # 20 × 5 bits = 100 bits
    assert code not in access.code_hash and access.code_hash == operations.code_hash(code)
    assert access.expires_at - timezone.now() > timedelta(days=29)
    response = _enter(client, operations.grouped(code).lower())
    assert response.status_code == 302 and response["Location"] == "/mijn/pincode/"
    page = client.get("/mijn/plan/")
    assert page.status_code == 200 and "Weer rust in de financi" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert AuditEvent.objects.filter(view="portal:enter", client_id=case.client_id, status=200).exists()


def test_wrong_code_refused_audited_and_reveals_nothing(client, case, professional):
    _code(case, professional)
    response = _enter(client, "ABCD-EFGH-JKLM-NPQR-STUV")
    assert response.status_code == 403 and COOKIE not in response.cookies
    assert client.get("/mijn/plan/").status_code == 302
    assert AuditEvent.objects.filter(view="portal:enter", status=403).exists()


def test_guessing_is_throttled_per_ip_even_with_the_right_code(client, case, professional):
    code = _code(case, professional)
    for _ in range(operations.MAX_PER_IP):
        _enter(client, "2" * 20)
    response = _enter(client, code)
    assert response.status_code == 403 and "te vaak" in response.content.decode()
    assert _enter(client, code, ip="10.0.0.2").status_code == 302  # another address is not blocked


def test_global_throttle(client, case, professional, monkeypatch):
    monkeypatch.setattr(operations, "MAX_OVERALL", 3)
    code = _code(case, professional)
    for number in range(3):
        _enter(client, "2" * 20, ip=f"10.0.1.{number}")
    assert _enter(client, code, ip="10.0.2.1").status_code == 403


def test_revoked_and_expired_codes_and_open_sessions_stop(client, case, professional):
    code = _code(case, professional)
    assert _enter(client, code).status_code == 302
    operations.revoke(case, professional)
    assert client.get("/mijn/plan/").status_code == 302  # the open session ends with the code
    assert _enter(client, code).status_code == 403
    code = _code(case, professional)
    AccessCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert _enter(client, code).status_code == 403


def test_new_code_replaces_the_old_one(client, case, professional):
    old = _code(case, professional)
    new = _code(case, professional)
    assert _enter(client, old).status_code == 403
    assert _enter(client, new).status_code == 302


def test_pin_is_hashed_and_then_required(client, case, professional):
    code = _code(case, professional)
    _enter(client, code)
    assert client.post("/mijn/pincode/", {"pin": "12"}).status_code == 200  # too short: form again
    assert client.post("/mijn/pincode/", {"pin": "48213"}).status_code == 302
    access = AccessCode.objects.get()
    assert access.pin_hash and "48213" not in access.pin_hash
    client.post("/mijn/uit/")
    assert client.get("/mijn/plan/").status_code == 302
    assert _enter(client, code).status_code == 403  # the code alone no longer opens the plan
    assert _enter(client, code, pin="48213").status_code == 302


def test_idle_timeout(client, case, professional, monkeypatch):
    from slim.portal import session

    _enter(client, _code(case, professional))
    now = __import__("time").time()
    monkeypatch.setattr(session.time, "time", lambda: now + session.IDLE_SECONDS + 5)
    assert client.get("/mijn/plan/").status_code == 302


def test_session_fixation_a_planted_cookie_is_replaced(client, case, professional):
    client.cookies[COOKIE] = "attackerchosenkey0000000000000000"
    response = _enter(client, _code(case, professional))
    assert response.cookies[COOKIE].value != "attackerchosenkey0000000000000000"
    assert response.cookies[COOKIE]["samesite"] == "Strict" and response.cookies[COOKIE]["httponly"]


def test_staff_login_does_not_open_client_pages_and_client_session_is_no_staff_login(client, case, professional):
    as_user(client, professional)
    assert client.get("/mijn/plan/").status_code == 302
    client.logout()
    _enter(client, _code(case, professional))
    assert client.get(f"/casussen/{case.pk}/").status_code in (302, 404)
    assert client.get(f"/mijn/team/{case.pk}/naast-elkaar/").status_code == 302  # to the staff login


def test_client_sees_only_own_plan(client, case, professional):
    other = open_case(professional, name="Meneer Z.", goal="Ander geheim doel")
    _code(other, professional)
    _enter(client, _code(case, professional))
    page = client.get("/mijn/plan/").content.decode()
    assert "Ander geheim doel" not in page and "Meneer Z." not in page
    for word in ("kansen", "competenties", "sturing", "ondernemen", "zekerheid", "score"):
        assert word not in page.lower()
    # another client's action id gives nothing
    assert client.post("/mijn/plan/actie/999999/", {"done": "1"}).status_code == 404


def _decide(case, user, domain, logic, suggested="kansen"):
    return decide(case.client, user, domain, logic, suggested_logic=suggested)


def test_self_assessment_is_read_by_the_engine_and_never_overwrites_the_decision(client, case, professional):
    _decide(case, professional, "werk", "competenties")
    _enter(client, _code(case, professional))
    assert client.post("/mijn/zelf/", {"werk-richting": "own", "werk-kunnen": "kaput"}).status_code == 400
    response = client.post("/mijn/zelf/", {"werk-richting": "own", "werk-kunnen": "able", "werk-woorden": "Ik wil een eigen zaak"})
    assert response.status_code == 302
    view = SelfAssessment.objects.get()
    assert view.logic == operations.engine_logic("werk", "own", "able") == "ondernemen"
    assert Decision.objects.get().chosen_logic == "competenties"


def test_check_shows_how_we_help_and_stores_the_answer(client, case, professional):
    _decide(case, professional, "werk", "competenties")
    _enter(client, _code(case, professional))
    page = client.get("/mijn/klopt-dit/").content.decode()
    assert "We helpen je vooral door samen te oefenen" in page
    assert client.post("/mijn/klopt-dit/", {"domain": "wonen", "answer": "klopt"}).status_code == 400  # no decision there
    assert client.post("/mijn/klopt-dit/", {"domain": "werk", "answer": "klopt_niet", "reason": "Ik kan het al"}).status_code == 302
    check = PlanCheck.objects.get()
    assert (check.logic, check.answer, check.reason) == ("competenties", "klopt_niet", "Ik kan het al")


def test_side_by_side_for_the_professional_and_consent_for_partners(client, case, professional, partner):
    _decide(case, professional, "werk", "competenties")
    SelfAssessment.objects.create(client=case.client, domain="werk", richting="own", kunnen="able", logic="ondernemen",
                                  own_words="Ik wil een eigen zaak")
    as_user(client, professional)
    page = client.get(f"/mijn/team/{case.pk}/naast-elkaar/").content.decode()
    assert "Ik wil een eigen zaak" in page and "verschil" in page and "gesprekstype 2" in page
    assert client.post(f"/mijn/team/{case.pk}/naast-elkaar/").status_code == 302
    assert Event.objects.filter(case=case, kind=EventKind.VIEWS_DISCUSSED).exists()
    add_member(case, partner)
    as_user(client, partner)
    assert client.get(f"/mijn/team/{case.pk}/naast-elkaar/").status_code == 404  # no consent from the client
    give_consent(case, partner.organisation)
    assert client.get(f"/mijn/team/{case.pk}/naast-elkaar/").status_code == 200


def test_only_the_case_director_makes_codes(client, case, professional, partner):
    add_member(case, partner)
    give_consent(case, partner.organisation)
    as_user(client, partner)
    assert client.post(f"/mijn/team/{case.pk}/toegang/").status_code == 404
    as_user(client, professional)
    page = client.post(f"/mijn/team/{case.pk}/toegang/").content.decode()
    assert re.search(r"(?:[2-9A-Z]{4}-){4}[2-9A-Z]{4}", page) and "<svg" in page
    outsider = make_user("carla", organisation="Elders")
    as_user(client, outsider)
    assert client.get(f"/mijn/team/{case.pk}/toegang/").status_code == 404


def test_agreement_figures_from_the_client_views_suppressed_below_ten(client, professional):
    from slim.accounts.models import Role
    from tests.factories import logged_in as browser_for

    lead = make_user("chantal", role=Role.TEAM_LEAD)
    policy = make_user("dirk", role=Role.POLICY, organisation="Gemeente")

    def add(number, agree):
        case = open_case(professional, name=f"Cliënt {number}")
        _decide(case, professional, "werk", "competenties", suggested="competenties")
        SelfAssessment.objects.create(client=case.client, domain="werk", richting="system", kunnen="not_yet",
                                      logic="competenties" if agree else "ondernemen")

    for number in range(4):
        add(number, agree=number < 3)
    page = browser_for(lead).get("/kwaliteit/overeenstemming/").content.decode()
    assert "Nog geen zelfbeoordelingen" not in page and 'id="client-eens">75,0%' in page
    page = browser_for(policy).get("/kwaliteit/overeenstemming/").content.decode()
    assert 'id="client-eens">&lt;10' in page  # 4 clients: suppressed for the policy maker
    for number in range(4, 10):
        add(number, agree=True)
    page = browser_for(policy).get("/kwaliteit/overeenstemming/").content.decode()
    assert 'id="client-eens">90,0%' in page


GARBAGE = ["x" * 100_000, "a\x00b", "9" * 40, "-1", "<script>alert(1)</script>'\"; DROP TABLE x;--", "\ud7ff\U0001f600\u202e"]


def test_garbage_in_every_client_form_never_gives_a_500(case, professional):
    from django.test import Client

    _decide(case, professional, "werk", "competenties")
    code = _code(case, professional)
    browser = Client(raise_request_exception=False)
    for value in GARBAGE:
        assert browser.post("/mijn/", {"code": value, "pin": value}).status_code < 500
    assert _enter(browser, code).status_code == 302
    fields = ["note", "done", "domain", "answer", "reason", "pin", "werk-richting", "werk-kunnen", "werk-woorden", "wonen-woorden"]
    for url in ("/mijn/pincode/", "/mijn/plan/actie/1/", "/mijn/zelf/", "/mijn/klopt-dit/", "/mijn/uit/"):
        for value in GARBAGE:
            response = browser.post(url, {field: value for field in fields})
            assert response.status_code < 500, (url, value[:20])
        assert browser.post(url, {field: ["1", "2"] for field in fields}).status_code < 500
    own = SelfAssessment.objects.filter(own_words__contains="a b")
    assert all("\x00" not in row.own_words for row in own)


def test_client_pages_within_query_budget(client, case, professional):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import add_member

    for number in range(20):
        add_member(case, make_user(f"lid{number}"))
        _decide(case, professional, ["werk", "wonen", "gezondheid"][number % 3], "kansen")
    _enter(client, _code(case, professional))
    for url in ("/mijn/plan/", "/mijn/zelf/", "/mijn/klopt-dit/"):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        queries = [q for q in captured if not q["sql"].lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "BEGIN"))]
        assert len(queries) <= 12, (url, [q["sql"][:100] for q in queries])


def test_client_marks_own_action_done_and_adds_a_note_but_not_others_actions(client, case, professional):
    from slim.cases.models import Action

    today = timezone.localdate()
    own = Action.objects.create(case=case, description="Zelf de post openen", owner_kind=Action.OwnerKind.CLIENT,
                                due_on=today, created_by=professional)
    theirs = Action.objects.create(case=case, description="Bellen met de bank", owner=professional, due_on=today,
                                   created_by=professional)
    other_case = open_case(professional, name="Meneer Z.")
    foreign = Action.objects.create(case=other_case, description="Geheim", owner_kind=Action.OwnerKind.CLIENT,
                                    due_on=today, created_by=professional)
    professional.contact_phone = "030-1234567"
    professional.save()
    _enter(client, _code(case, professional))
    page = client.get("/mijn/plan/").content.decode()
    assert "Zelf de post openen" in page and "Geheim" not in page and "030-1234567" in page
    assert client.post(f"/mijn/plan/actie/{own.pk}/", {"done": "0", "note": "Het is veel post"}).status_code == 302
    assert client.post(f"/mijn/plan/actie/{own.pk}/", {"done": "1"}).status_code == 302
    own.refresh_from_db()
    assert own.done_on == today
    events = Event.objects.filter(case=case, data__by="client")
    assert {event.kind for event in events} == {EventKind.ACTION_DONE, EventKind.CLIENT_NOTE}
    assert events.get(kind=EventKind.CLIENT_NOTE).detail == "Het is veel post"
    for action in (theirs, foreign):
        assert client.post(f"/mijn/plan/actie/{action.pk}/", {"done": "1"}).status_code == 404
        action.refresh_from_db()
        assert action.done_on is None
    assert AuditEvent.objects.filter(view="portal:actie", client_id=case.client_id).count() == 2
