"""Production as docs/deployment.md describes it: collectstatic, then `slim serve --production`
(gunicorn with slim.operations.gunicorn_conf) on a free loopback port, with SLIM_PRODUCTION=1,
against this test run's database. The requests carry X-Forwarded-Proto the way the nginx
example sets it.

On PostgreSQL gunicorn uses the test database itself; SQLite's test database lives in memory,
so it is copied into a file first (sqlite3's backup API) and gunicorn opens that file.
"""

import http.client
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.db import connection

from tests.conftest import PASSWORD, make_user

SECRET = "deployment-test-secret-key-with-enough-length-and-randomness-1234567890"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url(tmp_path):
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        return (
            f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}"
        )
    target = tmp_path / "slim.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
    copy.close()
    return f"sqlite:///{target}"


def production_env(tmp_path, url, **extra):
    env = dict(os.environ)
    env.update(
        SLIM_PRODUCTION="1",
        SLIM_SECRET_KEY=SECRET,
        SLIM_AUDIT_KEY="deployment-test-audit-key-0123456789abcdef",
        SLIM_ALLOWED_HOSTS="127.0.0.1",
        SLIM_DATABASE_URL=url,
        SLIM_DATA_DIR=str(tmp_path / "var"),
        SLIM_STATIC_ROOT=str(tmp_path / "static"),
        SLIM_WORKERS="2",
        SLIM_ACCESS_LOG="",
        **extra,
    )
    return env


def slim(*args, env, **kwargs):
    return subprocess.run([sys.executable, "-m", "slim.cli", *args], env=env, capture_output=True, text=True, **kwargs)


class Browser:
    """Plain HTTP to gunicorn as nginx would send it; keeps cookies itself (they are Secure, we speak HTTP)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, https=True):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"X-Forwarded-Proto": "https"} if https else {}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        sent.update(headers or {})
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            content = response.read()
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response, content


def wait_until_up(browser, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn stopped: {process.stderr.read()}")
        try:
            response, _ = browser.request("GET", "/gezond/", https=False)
            if response.status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("gunicorn did not answer in time")


@pytest.mark.django_db(transaction=True)
def test_gunicorn_in_production_mode_serves_pages_static_files_and_logins(tmp_path):
    make_user("anna")  # committed: gunicorn's own connections must see it
    url = database_url(tmp_path)
    env = production_env(tmp_path, url)
    collected = slim("collectstatic", "--noinput", "-v0", env=env, timeout=300)
    assert collected.returncode == 0, collected.stderr

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "slim.cli", "serve", "--production", f"127.0.0.1:{port}"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        browser = Browser(port)
        wait_until_up(browser, process)

        # Health checks answer on plain HTTP (the balancer's side of the proxy), without a session.
        response, body = browser.request("GET", "/gezond/database/", https=False)
        assert (response.status, body) == (200, b"ok\n")
        assert "sessionid" not in browser.cookies

        # Everything else is sent to HTTPS unless the proxy says the request came in over HTTPS.
        response, _ = browser.request("GET", "/", https=False)
        assert response.status == 301 and response.getheader("Location") == f"https://127.0.0.1:{port}/"
        response, page = browser.request("GET", "/")
        assert response.status == 200
        assert "max-age=31536000" in response.getheader("Strict-Transport-Security")
        assert response.getheader("Content-Security-Policy")

        # Static files: collected, hashed names, compressed, cached for good (whitenoise).
        stylesheet = re.search(rb'href="(/static/slim/slim\.[0-9a-f]{12}\.css)"', page)
        assert stylesheet, "the page links the hashed stylesheet"
        response, css = browser.request("GET", stylesheet.group(1).decode(), headers={"Accept-Encoding": "gzip"})
        assert response.status == 200 and response.getheader("Content-Type").startswith("text/css")
        assert response.getheader("Content-Encoding") == "gzip" and css[:2] == b"\x1f\x8b"
        assert "immutable" in response.getheader("Cache-Control")

        # A login through the proxy: CSRF with the Origin header, Secure cookies, then a page for members only.
        response, form = browser.request("GET", "/account/inloggen/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1).decode()
        response, _ = browser.request(
            "POST", "/account/inloggen/",
            body=urlencode({"username": "anna", "password": PASSWORD, "csrfmiddlewaretoken": token}),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": f"https://127.0.0.1:{port}"},
        )
        assert response.status == 302, "login refused"
        assert "sessionid" in browser.cookies
        cookie_flags = " ".join(response.headers.get_all("Set-Cookie")).lower()
        assert "secure" in cookie_flags and "httponly" in cookie_flags
        response, _ = browser.request("GET", "/casussen/")
        assert response.status == 200
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        process.stdout.close()
        process.stderr.close()


def test_production_server_refuses_to_start_without_secret_or_static_files(tmp_path):
    env = production_env(tmp_path, f"sqlite:///{tmp_path / 'leeg.sqlite3'}")
    del env["SLIM_SECRET_KEY"]
    refused = slim("serve", "--production", f"127.0.0.1:{free_port()}", env=env, timeout=60)
    assert refused.returncode == 2 and "SLIM_SECRET_KEY" in refused.stderr

    env = production_env(tmp_path, f"sqlite:///{tmp_path / 'leeg.sqlite3'}")
    del env["SLIM_AUDIT_KEY"]
    refused = slim("serve", "--production", f"127.0.0.1:{free_port()}", env=env, timeout=60)
    assert refused.returncode == 2 and "SLIM_AUDIT_KEY" in refused.stderr

    env = production_env(tmp_path, f"sqlite:///{tmp_path / 'leeg.sqlite3'}")
    refused = slim("serve", "--production", f"127.0.0.1:{free_port()}", env=env, timeout=60)
    assert refused.returncode != 0 and "collectstatic" in refused.stderr


def test_health_checks_answer_without_login_and_report_a_missing_database(db, client, monkeypatch):
    from django.db import DatabaseError

    from slim.operations import views

    assert client.get("/gezond/").content == b"ok\n"
    assert client.get("/gezond/database/").status_code == 200
    assert "no-cache" in client.get("/gezond/")["Cache-Control"]

    class Unreachable:
        def cursor(self):
            raise DatabaseError("connection refused")

    monkeypatch.setattr(views, "connection", Unreachable())
    response = client.get("/gezond/database/")
    assert response.status_code == 503 and response.content == b"database unavailable\n"
    assert client.get("/gezond/").status_code == 200
