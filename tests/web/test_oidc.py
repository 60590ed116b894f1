"""Staff login through OpenID Connect, end to end against a real provider.

The provider is django-oidc-provider (tests/oidc_op), started as its own server on a free loopback
port. SLIM runs in the Django test client; its token, userinfo, JWKS and discovery calls are real
HTTP to that provider. Nothing of the protocol is mocked.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from django.test import Client

from slim.accounts import oidc
from slim.accounts.models import OIDCIdentity, Role, User
from slim.accounts.oidc_settings import oidc_settings
from tests.conftest import PASSWORD, make_user

ROOT = Path(__file__).resolve().parents[2]
CALLBACK = "http://testserver/oidc/callback/"
ROLE_MAP = "wijkteam-leiding=teamleider,slim-beheer=beheerder,slim-professionals=professional"
PROVIDER_ENV = {}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.oidc_op.settings", "PYTHONPATH": str(ROOT),
           "OIDC_OP_DB": str(tmp_path_factory.mktemp("op") / "op.sqlite3")}
    env.pop("SLIM_DATABASE_URL", None)
    subprocess.run([sys.executable, "-m", "tests.oidc_op.setup", CALLBACK], env=env, cwd=ROOT, check=True,
                   capture_output=True)
    PROVIDER_ENV.update(env)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if requests.get(f"{base}/openid/.well-known/openid-configuration", timeout=2).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.2)
        else:
            pytest.fail("the test OIDC provider did not start")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def configure(settings, provider, **extra):
    env = {
        "SLIM_OIDC_CLIENT_ID": "slim-test",
        "SLIM_OIDC_CLIENT_SECRET": "slim-test-secret",
        "SLIM_OIDC_DISCOVERY_URL": f"{provider}/openid/.well-known/openid-configuration",
        "SLIM_OIDC_SCOPES": "openid email profile slim",
        "SLIM_OIDC_ROLE_MAP": ROLE_MAP,
        **extra,
    }
    for key, value in oidc_settings(env).items():
        setattr(settings, key, value)
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "slim.accounts.oidc.SlimOIDCBackend"]
    oidc._discovery_cache.clear()


def provider_session(provider, username):
    """A browser that has logged in at the provider (its own login form)."""
    browser = requests.Session()
    browser.get(f"{provider}/accounts/login/")
    browser.post(f"{provider}/accounts/login/", data={
        "username": username, "password": "idp-wachtwoord", "csrfmiddlewaretoken": browser.cookies["csrftoken"],
    })
    assert "sessionid" in browser.cookies
    return browser


def at_provider(*command):
    """Change the provider's users while it runs (tests/oidc_op/users.py); returns the user's sub."""
    done = subprocess.run([sys.executable, "-m", "tests.oidc_op.users", *command], env=PROVIDER_ENV, cwd=ROOT,
                          check=True, capture_output=True, text=True)
    return done.stdout.strip()


def link(user, provider, idp_username):
    """What a beheerder does in /beheer/: link the provider's person (issuer + sub) to an existing account."""
    issuer = requests.get(f"{provider}/openid/.well-known/openid-configuration", timeout=5).json()["issuer"]
    return OIDCIdentity.objects.create(user=user, issuer=issuer, subject=at_provider("sub", idp_username, "-"))


def oidc_login(client, provider, username, tamper=None):
    """SLIM's button -> the provider's authorize endpoint -> back to SLIM's callback."""
    start = client.get("/oidc/authenticate/")
    assert start.status_code == 302 and start["Location"].startswith(provider)
    answer = provider_session(provider, username).get(start["Location"], allow_redirects=False)
    assert answer.status_code == 302 and answer.headers["Location"].startswith(CALLBACK), answer.text[:300]
    back = urlsplit(answer.headers["Location"])
    query = tamper(client, back.query) if tamper else back.query
    return client.get(f"{back.path}?{query}")


pytestmark = pytest.mark.django_db


def test_without_settings_oidc_is_off(client):
    assert "Inloggen via de gemeente" not in client.get("/account/inloggen/").content.decode()
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/?code=x&state=y").status_code == 404


def test_oidc_login_creates_the_user_with_the_mapped_role(client, settings, provider):
    configure(settings, provider)
    assert "Inloggen via de gemeente" in client.get("/account/inloggen/").content.decode()
    response = oidc_login(client, provider, "tessa")
    assert response.status_code == 302 and response["Location"] == "/start/"  # the personal start page
    user = User.objects.get(username="tessa")
    assert user.role == Role.TEAM_LEAD and not user.is_staff and not user.has_usable_password()
    assert (user.first_name, user.email) == ("Tessa", "tessa@gemeente.example")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert client.get("/matching/").status_code == 200


def test_oidc_login_updates_an_existing_user(client, settings, provider):
    """An existing account a beheerder linked to the provider's person."""
    configure(settings, provider)
    existing = make_user("tessa", role=Role.POLICY)
    link(existing, provider, "tessa")
    oidc_login(client, provider, "tessa")
    existing.refresh_from_db()
    assert existing.role == Role.TEAM_LEAD and existing.last_name == "Gemeente"


def test_unknown_role_claim_gives_no_access(client, settings, provider):
    configure(settings, provider)
    response = oidc_login(client, provider, "kees")
    assert response["Location"] == "/account/inloggen/"
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(username="kees").exists()


def test_unknown_role_claim_gets_the_configured_default_role(client, settings, provider):
    configure(settings, provider, SLIM_OIDC_DEFAULT_ROLE="professional")
    oidc_login(client, provider, "kees")
    assert User.objects.get(username="kees").role == Role.PROFESSIONAL


def test_admin_through_oidc_still_owes_the_local_second_step(client, settings, provider):
    configure(settings, provider)
    response = oidc_login(client, provider, "bea")
    assert response["Location"] == "/account/tweede-stap/instellen/"
    assert User.objects.get(username="bea").role == Role.ADMIN
    assert client.get("/beheer/").status_code == 302
    assert client.get("/matching/")["Location"] == "/account/tweede-stap/instellen/"


def test_admin_through_oidc_skips_the_local_second_step_when_the_provider_does_mfa(client, settings, provider):
    configure(settings, provider, SLIM_OIDC_SKIP_SECOND_STEP="1")
    response = oidc_login(client, provider, "bea")
    assert response["Location"] == "/start/"
    assert client.get("/beheer/").status_code == 200
    # A password login of the same account in another browser gets no such pass.
    bea = User.objects.get(username="bea")
    bea.set_password(PASSWORD)
    bea.save()
    other = Client()
    assert other.post("/account/inloggen/", {"username": "bea", "password": PASSWORD})["Location"] == "/account/tweede-stap/instellen/"
    assert other.get("/beheer/").status_code == 302


def test_wrong_state_is_refused(client, settings, provider):
    configure(settings, provider)

    def other_state(client, query):
        return query.replace("state=", "state=x")

    response = oidc_login(client, provider, "tessa", tamper=other_state)
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(username="tessa").exists()


def test_wrong_nonce_is_refused(client, settings, provider):
    configure(settings, provider)

    def other_nonce(client, query):
        session = client.session
        for entry in session["oidc_states"].values():
            entry["nonce"] = "niet-de-nonce-die-de-provider-kreeg"
        session.save()
        return query

    response = oidc_login(client, provider, "tessa", tamper=other_nonce)
    assert response["Location"] == "/account/inloggen/"
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(username="tessa").exists()


def test_an_id_token_from_another_issuer_is_refused(client, settings, provider):
    configure(settings, provider, SLIM_OIDC_ISSUER="https://andere-provider.example/openid")
    response = oidc_login(client, provider, "tessa")
    assert response["Location"] == "/account/inloggen/"
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(username="tessa").exists()


def test_an_account_locked_by_wrong_passwords_cannot_come_in_through_oidc(client, settings, provider):
    configure(settings, provider)
    link(make_user("anna"), provider, "anna")
    guesser = Client()
    for _ in range(5):
        guesser.post("/account/inloggen/", {"username": "anna", "password": "verkeerd"})
    response = oidc_login(client, provider, "anna")
    assert response["Location"] == "/account/inloggen/"
    assert "_auth_user_id" not in client.session


def test_admin_role_is_never_the_default():
    from django.core.exceptions import ImproperlyConfigured

    env = {"SLIM_OIDC_CLIENT_ID": "x", "SLIM_OIDC_DISCOVERY_URL": "https://idp.example/.well-known/openid-configuration"}
    with pytest.raises(ImproperlyConfigured):
        oidc_settings({**env, "SLIM_OIDC_DEFAULT_ROLE": "beheerder"})
    with pytest.raises(ImproperlyConfigured):
        oidc_settings({**env, "SLIM_OIDC_ROLE_MAP": "iedereen=superuser"})
    assert oidc_settings({}) == {"SLIM_OIDC_ENABLED": False, "SLIM_OIDC_SKIP_SECOND_STEP": False}


# --- users are matched on the provider's issuer and sub, never on a username ------------------------


def test_a_provider_user_named_like_a_local_account_does_not_get_that_account(client, settings, provider):
    configure(settings, provider)
    local = make_user("beheer", role=Role.ADMIN)
    local.is_staff = local.is_superuser = True
    local.save()
    at_provider("add", "beheer", "slim-professionals")
    response = oidc_login(client, provider, "beheer")
    assert response["Location"] == "/start/"
    newcomer = User.objects.get(pk=client.session["_auth_user_id"])
    assert newcomer.pk != local.pk and newcomer.username == "beheer-2"
    assert newcomer.role == Role.PROFESSIONAL and not newcomer.is_staff and not newcomer.has_usable_password()
    assert client.get("/beheer/").status_code == 302
    local.refresh_from_db()
    assert local.role == Role.ADMIN and local.is_superuser and local.check_password(PASSWORD)
    assert not local.oidc_identities.exists()
    # The password account still works as before, in another browser.
    assert Client().post("/account/inloggen/", {"username": "beheer", "password": PASSWORD})["Location"] == "/account/tweede-stap/instellen/"


def test_the_same_sub_keeps_its_user_after_a_username_change_at_the_provider(client, settings, provider):
    configure(settings, provider)
    at_provider("add", "sanne", "slim-professionals")
    oidc_login(client, provider, "sanne")
    first = User.objects.get(pk=client.session["_auth_user_id"])
    at_provider("rename", "sanne", "sanne.devries")
    again = Client()
    assert oidc_login(again, provider, "sanne.devries")["Location"] == "/start/"
    assert int(again.session["_auth_user_id"]) == first.pk
    assert User.objects.count() == 1 and first.oidc_identities.count() == 1


def test_a_different_sub_with_the_same_username_gets_a_different_user(client, settings, provider):
    configure(settings, provider)
    at_provider("add", "joris", "slim-professionals")
    oidc_login(client, provider, "joris")
    first = User.objects.get(username="joris")
    # The provider gives the name to someone else (another sub).
    at_provider("rename", "joris", "joris.oud")
    at_provider("add", "joris", "wijkteam-leiding")
    other = Client()
    oidc_login(other, provider, "joris")
    second = User.objects.get(pk=other.session["_auth_user_id"])
    assert second.pk != first.pk and second.username == "joris-2" and second.role == Role.TEAM_LEAD
    first.refresh_from_db()
    assert first.role == Role.PROFESSIONAL
    assert {identity.subject for identity in OIDCIdentity.objects.all()} == {
        at_provider("sub", "joris.oud", "-"), at_provider("sub", "joris", "-")}


def test_a_beheerder_links_an_identity_on_the_users_admin_page(client, settings, provider):
    from tests.factories import logged_in

    configure(settings, provider)
    admin = make_user("beheerder", role=Role.ADMIN)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    tessa = make_user("t.jansen", role=Role.POLICY)
    issuer = requests.get(f"{provider}/openid/.well-known/openid-configuration", timeout=5).json()["issuer"]
    page = f"/beheer/accounts/user/{tessa.pk}/change/"
    beheer = logged_in(admin)
    assert "oidc_identities-TOTAL_FORMS" in beheer.get(page).content.decode()
    response = beheer.post(page, {
        "username": "t.jansen", "first_name": "", "last_name": "", "email": "", "is_active": "on",
        "date_joined_0": "2026-01-05", "date_joined_1": "09:00:00", "role": "beleid", "organisation": "",
        "oidc_identities-TOTAL_FORMS": "1", "oidc_identities-INITIAL_FORMS": "0",
        "oidc_identities-MIN_NUM_FORMS": "0", "oidc_identities-MAX_NUM_FORMS": "1000",
        "oidc_identities-0-issuer": issuer, "oidc_identities-0-subject": at_provider("sub", "tessa", "-"),
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert oidc_login(client, provider, "tessa")["Location"] == "/start/"
    assert int(client.session["_auth_user_id"]) == tessa.pk
    tessa.refresh_from_db()
    assert tessa.role == Role.TEAM_LEAD and tessa.username == "t.jansen"
