"""Property-based fuzzing of the whole API from its own OpenAPI schema: no input may cause a 5xx."""

import pytest
import schemathesis
from django.contrib.sessions.backends.db import SessionStore
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from slim.project.wsgi import application

CSRF = "k" * 32
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)


@pytest.fixture(autouse=True)
def keep_test_connection():
    """The raw WSGI handler would close the test's database connection after each request, as Django's test client prevents."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def session(professional):
    """Cookies and CSRF header of a logged-in professional, as a browser would send them."""
    session = SessionStore()
    session["_auth_user_id"] = str(professional.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = professional.get_session_auth_hash()
    session.create()
    return {"cookies": {"sessionid": session.session_key, "csrftoken": CSRF}, "headers": {"X-CSRFToken": CSRF}}


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_answers_with_a_server_error(case, session):
    response = case.call(**session)
    assert response.status_code < 500, f"{case.method} {case.formatted_path} -> {response.status_code}"
    if response.status_code >= 400:  # every refusal is the API's JSON error shape, with a reason
        body = response.json()
        assert body["error"] and body["detail"], body


# The schema says little about an intake's inside (it is one free object), so generated bodies rarely
# reach the fields. This puts any JSON value at each place of a valid intake (issue 13, finding 3).
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=8,
)
PLACES = [
    ("domains",), ("domains", 0), ("domains", 0, "domain"), ("domains", 0, "answers"),
    ("domains", 0, "answers", "richting"), ("domains", 0, "answers", "kunnen"), ("domains", 0, "statements"),
    ("domains", 0, "statements", 0), ("domains", 0, "approach"), ("domains", 0, "shared_goal"),
    ("domains", 0, "interventions"), ("domains", 0, "interventions", 0), ("domains", 0, "interventions", 0, "logic"),
    ("domains", 0, "partners", 0, "organisation"),
]


def _intake():
    return {
        "domains": [
            {
                "domain": "werk", "answers": {"richting": "system", "kunnen": "not_yet"},
                "statements": ["Ik wil wel werken maar weet niet hoe."], "approach": "kansen", "shared_goal": True,
                "interventions": [{"name": "Werkfit", "logic": "kansen"}],
                "partners": [{"name": "Coach", "organisation": "UWV", "logic": "sturing"}],
            }
        ]
    }


@pytest.mark.django_db
@given(place=st.sampled_from(PLACES), value=JSON)
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
def test_any_json_value_anywhere_in_an_intake_is_a_4xx_or_a_result(professional, place, value):
    from django.test import Client

    body = _intake()
    target = body
    for step in place[:-1]:
        target = target[step]
    target[place[-1]] = value
    browser = Client()
    browser.force_login(professional)
    for url, sent in (("/api/v1/match", body), ("/api/v1/classify", {"text": value, "domain": value})):
        response = browser.post(url, sent, content_type="application/json")
        assert response.status_code in (200, 400), (url, sent, response.status_code)
        if response.status_code == 400:
            assert response.json()["detail"]


@pytest.mark.django_db
def test_fuzzing_runs_as_a_logged_in_user(session):
    case = schema["/api/v1/classify"]["POST"].Case(body={"text": "Ik wil graag een kans krijgen"}, media_type="application/json")
    assert case.call(**session).status_code == 200
