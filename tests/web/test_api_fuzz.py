"""Property-based fuzzing of the whole API from its own OpenAPI schema: no input may cause a 5xx."""

import pytest
import schemathesis
from django.contrib.sessions.backends.db import SessionStore
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

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


@pytest.mark.django_db
def test_fuzzing_runs_as_a_logged_in_user(session):
    case = schema["/api/v1/classify"]["POST"].Case(body={"text": "Ik wil graag een kans krijgen"}, media_type="application/json")
    assert case.call(**session).status_code == 200
