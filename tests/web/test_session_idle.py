"""The 30-minute idle timeout, kept without writing the session row on every request."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from slim.project.sessions import REFRESH_SECONDS, REFRESHED

pytestmark = pytest.mark.django_db

PAGE = "/matching/"  # any page behind the login


def stored(client):
    return Session.objects.get(session_key=client.cookies["sessionid"].value)


def session_writes(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PAGE)
    assert response.status_code == 200
    writes = [q["sql"] for q in queries if "django_session" in q["sql"] and not q["sql"].lstrip().startswith("SELECT")]
    return response, writes


def test_thirty_minutes_without_a_request_ends_the_session(client_as_professional, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert client_as_professional.get(PAGE).status_code == 200
    row = stored(client_as_professional)
    assert row.expire_date - timezone.now() > datetime.timedelta(minutes=29)
    # Thirty minutes pass since the expiry was last moved on: the stored expiry is now.
    Session.objects.filter(pk=row.pk).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client_as_professional.get(PAGE)
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_requests_within_a_minute_do_not_write_the_session(client_as_professional):
    session_writes(client_as_professional)  # the first request stamps the session
    expiry = stored(client_as_professional).expire_date
    for _ in range(3):
        response, writes = session_writes(client_as_professional)
        assert writes == []
        assert "sessionid" not in response.cookies  # the cookie is not renewed either
    assert stored(client_as_professional).expire_date == expiry


def test_activity_after_a_minute_moves_the_expiry_on(client_as_professional, settings):
    session_writes(client_as_professional)
    session = client_as_professional.session
    session[REFRESHED] -= 25 * 60  # last moved on 25 minutes ago ...
    session.save()
    key = client_as_professional.cookies["sessionid"].value
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + datetime.timedelta(minutes=5))  # ... 5 left
    response, writes = session_writes(client_as_professional)
    assert len(writes) == 1
    assert stored(client_as_professional).expire_date - timezone.now() > datetime.timedelta(minutes=29)
    assert response.cookies["sessionid"]["max-age"] == settings.SESSION_COOKIE_AGE
    assert REFRESH_SECONDS <= 60


def test_logout_is_not_undone_by_the_refresh(client_as_professional):
    client_as_professional.get(PAGE)
    client_as_professional.post("/account/uitloggen/")
    assert not Session.objects.exists()
    assert client_as_professional.get(PAGE).status_code == 302
