import subprocess
import sys
import time

import pytest
from django.contrib.auth.hashers import get_hasher
from django.test import override_settings

from slim.accounts import totp
from slim.accounts.models import Role, User
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def login(client, username, password=PASSWORD):
    return client.post("/account/inloggen/", {"username": username, "password": password})


def test_passwords_are_hashed_with_argon2(professional):
    assert professional.password.startswith("argon2")
    assert get_hasher().algorithm == "argon2"


@override_settings(SLIM_LOCKOUT_ATTEMPTS=3)
def test_account_locks_after_repeated_failures(client, professional):
    for _ in range(3):
        assert login(client, "anna", "verkeerd-wachtwoord").status_code == 200
    response = login(client, "anna")
    assert response.status_code == 200
    assert "tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_successful_login_clears_failures(client, professional):
    login(client, "anna", "verkeerd")
    assert login(client, "anna").status_code == 302
    from slim.accounts.models import LoginFailure

    assert not LoginFailure.objects.filter(username="anna").exists()


def test_totp_codes_follow_rfc6238():
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # RFC 6238 test key '12345678901234567890'
    assert totp.code_at(secret, 59 // 30) == "287082"
    assert totp.verify(secret, "287082", now=59)
    assert not totp.verify(secret, "287082", now=59 + 300)
    assert not totp.verify(secret, "abc", now=59)


def test_admin_must_set_up_second_factor_before_anything_else(client):
    make_user("beheer", role=Role.ADMIN, organisation="Gemeente")
    response = login(client, "beheer")
    assert response["Location"] == "/account/tweede-stap/instellen/"
    assert client.get("/matching/")["Location"] == "/account/tweede-stap/instellen/"
    assert client.get("/api/v1/match").status_code == 403
    admin = User.objects.get(username="beheer")
    client.get("/account/tweede-stap/instellen/")
    admin.refresh_from_db()
    wrong = client.post("/account/tweede-stap/instellen/", {"code": "000000"})
    assert "klopt niet" in wrong.content.decode()
    code = totp.code_at(admin.totp_secret, int(time.time() // 30))
    assert client.post("/account/tweede-stap/instellen/", {"code": code}).status_code == 302
    assert client.get("/matching/").status_code == 200


def test_user_with_second_factor_is_asked_for_code_at_login(client, professional):
    professional.totp_secret = totp.new_secret()
    professional.totp_confirmed = True
    professional.save()
    assert login(client, "anna")["Location"] == "/account/tweede-stap/"
    assert client.get("/matching/").status_code == 302
    code = totp.code_at(professional.totp_secret, int(time.time() // 30))
    client.post("/account/tweede-stap/", {"code": code})
    assert client.get("/matching/").status_code == 200


def test_logout_everywhere_ends_other_sessions(client, professional):
    from django.test import Client

    other_device = Client()
    login(other_device, "anna")
    login(client, "anna")
    assert other_device.get("/matching/").status_code == 200
    client.post("/account/overal-uitloggen/")
    assert other_device.get("/matching/").status_code == 302


def test_session_has_idle_timeout(settings):
    # Behaviour in tests/web/test_session_idle.py; the expiry moves with activity, not with a write per request.
    assert "slim.project.sessions.IdleTimeoutMiddleware" in settings.MIDDLEWARE
    assert settings.SESSION_COOKIE_AGE <= 3600


def test_security_headers_on_every_page(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_inline_scripts_in_pages(client_as_professional, knowledge):
    for url in ["/", "/kennis/", "/matching/", "/matching/uitspraak/", "/interventies/", "/api/v1/docs/"]:
        html = client_as_professional.get(url).content.decode()
        for chunk in html.split("<script")[1:]:
            assert "src=" in chunk.split(">")[0], f"inline script on {url}"


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    env = {
        "SLIM_PRODUCTION": "1",
        "SLIM_SECRET_KEY": "x" * 60 + "-production-secret-for-the-check",
        "SLIM_ALLOWED_HOSTS": "slim.example.nl",
        "SLIM_DATA_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env={**env, "DJANGO_SETTINGS_MODULE": "slim.project.settings"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
