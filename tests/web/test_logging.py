"""Structured logs: every line of a request is JSON with that request's id, and no client data."""

import io
import json
import logging

import pytest
from django.urls import reverse

from slim.cases.models import Client
from slim.common.logs import json_formatter

pytestmark = pytest.mark.django_db

NAME, BSN = "Mevrouw Geheimnaam", "111222333"


@pytest.fixture
def log_lines():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(json_formatter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)


def test_each_request_logs_json_lines_with_its_id_and_no_client_data(client_as_professional, log_lines):
    created = client_as_professional.post(reverse("matching:intake"), {"name": NAME, "bsn": BSN})
    assert created.status_code == 302 and Client.objects.filter(name=NAME).exists()
    page = client_as_professional.get(created["Location"])
    searched = client_as_professional.get(reverse("interventions:search") + f"?q={NAME.split()[1]}")
    missing = client_as_professional.get(f"/casussen/999999/?naam={NAME}")  # a 404: Django logs a warning too
    responses = [created, page, searched, missing]

    lines = log_lines()
    assert lines, "nothing was logged"
    ids = [response["X-Request-ID"] for response in responses]
    assert len(set(ids)) == 4
    assert all(line.get("request_id") in ids for line in lines)  # every line belongs to a request
    requests = [line for line in lines if line["event"] == "request"]
    assert [line["request_id"] for line in requests] == ids
    assert [line["status"] for line in requests] == [302, 200, 200, 404]
    warning = next(line for line in lines if line["logger"] == "django.request")
    assert warning["request_id"] == ids[3] and warning["level"] == "warning"
    text = json.dumps(lines, ensure_ascii=False)
    assert BSN not in text and "Geheimnaam" not in text and "Mevrouw" not in text  # no query strings, no form data


def test_a_request_id_from_an_untrusted_client_is_not_taken(client, settings):
    settings.SLIM_TRUST_PROXY = False
    response = client.get("/", HTTP_X_REQUEST_ID="door-de-bezoeker-gekozen")
    assert response["X-Request-ID"] != "door-de-bezoeker-gekozen"
    settings.SLIM_TRUST_PROXY = True
    assert client.get("/", HTTP_X_REQUEST_ID="nginx-0123456789abcdef")["X-Request-ID"] == "nginx-0123456789abcdef"
    assert client.get("/", HTTP_X_REQUEST_ID="kapot id met spaties")["X-Request-ID"] != "kapot id met spaties"


def test_gunicorn_writes_its_own_lines_as_json_too():
    from gunicorn.config import Config

    from slim.operations import gunicorn_conf
    from slim.operations.gunicorn_logging import JsonLogger

    assert gunicorn_conf.logger_class == "slim.operations.gunicorn_logging.JsonLogger"
    config = Config()
    config.set("accesslog", "-")
    logger = JsonLogger(config)
    handlers = logger.error_log.handlers + logger.access_log.handlers
    assert handlers
    record = logging.LogRecord("gunicorn.error", logging.INFO, __file__, 1, "Booting worker with pid: %s", (42,), None)
    for handler in handlers:
        line = json.loads(handler.format(record))
        assert line["event"] == "Booting worker with pid: 42" and line["level"] == "info"
