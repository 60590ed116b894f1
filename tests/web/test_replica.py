"""The replica router and the 503 page: reports fall back to the primary, a lost database is a clear 503.

The positive path (a real streaming standby serving the dashboards, with faults) runs in
bench/faults.py; it needs root to start its own PostgreSQL clusters and nginx.
"""

import copy

import pytest
from django.db import OperationalError, connections
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from slim.common import replica


def _boom(request):
    raise OperationalError("server closed the connection unexpectedly")


def _bug(request):
    raise ValueError("a bug")


def _ok(request):
    return HttpResponse("ok")


urlpatterns = [
    path("boom/", _boom),
    path("api/v1/boom/", _boom),
    path("bug/", _bug),
    path("ok/", _ok),
]
handler500 = "slim.operations.views.server_error"


@override_settings(ROOT_URLCONF=__name__)
def test_a_lost_database_connection_is_a_clear_503_page():
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "no-store" in response["Cache-Control"]
    assert "SLIM is even niet bereikbaar" in response.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_a_lost_database_connection_in_the_api_is_json():
    response = Client(raise_request_exception=False).get("/api/v1/boom/")
    assert response.status_code == 503
    assert response.json()["error"] == "unavailable"


@override_settings(ROOT_URLCONF=__name__)
def test_any_other_error_stays_a_500():
    response = Client(raise_request_exception=False).get("/bug/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


@pytest.fixture
def replica_alias():
    """A 'replica' alias pointing at the given settings, removed afterwards."""
    added = []

    def add(database_settings):
        connections.settings["replica"] = database_settings
        added.append(True)
        replica.forget_check()

    yield add
    if added:
        connections["replica"].close()
        del connections.settings["replica"]
        try:
            del connections._connections.replica
        except AttributeError:
            pass
    replica.forget_check()


def test_reads_outside_reports_always_go_to_the_primary():
    router = replica.ReportRouter()
    assert router.db_for_read(None) == "default"
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("replica", "cases") is False


def test_a_replica_that_is_down_falls_back_to_the_primary(replica_alias, django_db_blocker):
    broken = copy.deepcopy(connections["default"].settings_dict)
    if broken["ENGINE"].endswith("sqlite3"):
        broken["NAME"] = "/nonexistent/folder/replica.sqlite3"
    else:
        broken["PORT"] = "1"  # nothing listens there
    replica_alias(broken)
    router = replica.ReportRouter()
    with django_db_blocker.unblock(), replica.reports_from_replica():
        assert router.db_for_read(None) == "default"


def test_a_server_that_is_not_a_standby_is_not_used_as_replica(replica_alias, django_db_blocker):
    if connections["default"].vendor != "postgresql":
        pytest.skip("pg_is_in_recovery() is PostgreSQL's")
    primary = copy.deepcopy(connections["default"].settings_dict)
    primary["NAME"] = "postgres"  # the primary server itself (the test database may not exist yet)
    replica_alias(primary)
    router = replica.ReportRouter()
    with django_db_blocker.unblock(), replica.reports_from_replica():
        assert router.db_for_read(None) == "default"
