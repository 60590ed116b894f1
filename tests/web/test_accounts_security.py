import subprocess
import sys
import time

import pytest
from django.contrib.auth.hashers import get_hasher
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from slim.accounts.models import Role, User
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def login(client, username, password=PASSWORD):
    return client.post("/account/inloggen/", {"username": username, "password": password})


def code_for(device, at=None):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() if at is None else at
    return f"{totp.token():06d}"


def enrolled(user):
    return TOTPDevice.objects.create(user=user, name="SLIM", confirmed=True)


def admin_with_totp():
    admin = make_user("beheer", role=Role.ADMIN, organisation="Gemeente")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    return admin, enrolled(admin)


# --- passwords -------------------------------------------------------------------------------------


def test_passwords_are_hashed_with_argon2id_at_slim_cost(professional):
    assert professional.password.startswith("argon2$argon2id$v=19$m=65536,t=3,p=1$")
    assert get_hasher().algorithm == "argon2"


def test_old_argon2_hashes_are_upgraded_at_login(client, professional):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    professional.password = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    professional.save()
    assert "m=102400,t=2,p=8" in professional.password
    assert login(client, "anna").status_code == 302
    professional.refresh_from_db()
    assert "m=65536,t=3,p=1" in professional.password


# --- lockout (django-axes), one count for every login path -----------------------------------------


@override_settings(AXES_FAILURE_LIMIT=3)
def test_account_locks_after_repeated_failures(client, professional):
    for _ in range(2):
        assert login(client, "anna", "verkeerd-wachtwoord").status_code == 200
    assert login(client, "anna", "verkeerd-wachtwoord").status_code == 429
    response = login(client, "anna")
    assert response.status_code == 429
    assert "Tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_after_five_failures_also_closes_the_admin_login(client):
    admin_with_totp()
    for _ in range(5):
        login(client, "beheer", "verkeerd-wachtwoord")
    other = Client()
    # The admin has no password form of its own any more: it sends to SLIM's login, which is locked.
    response = other.post("/beheer/login/", {"username": "beheer", "password": PASSWORD, "next": "/beheer/"})
    assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")
    assert "_auth_user_id" not in other.session
    assert login(other, "beheer").status_code == 429
    assert "_auth_user_id" not in other.session
    assert other.get("/beheer/").status_code == 302


def test_admin_login_form_is_not_an_unlimited_side_door(client):
    admin_with_totp()
    for _ in range(20):
        response = client.post("/beheer/login/", {"username": "beheer", "password": "verkeerd", "next": "/beheer/"})
        assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_successful_login_clears_failures(client, professional):
    from axes.models import AccessAttempt

    login(client, "anna", "verkeerd")
    assert AccessAttempt.objects.filter(username="anna").exists()
    assert login(client, "anna").status_code == 302
    assert not AccessAttempt.objects.filter(username="anna").exists()


def test_the_username_limit_counts_over_all_addresses(professional):
    for number in range(5):
        login(Client(REMOTE_ADDR=f"10.0.0.{number + 1}"), "anna", "verkeerd")
    assert login(Client(REMOTE_ADDR="10.0.0.99"), "anna").status_code == 429


def test_colleagues_behind_one_address_are_not_locked_by_each_others_typos(professional):
    """Sixteen wrong passwords from one shared address, four per colleague: nobody is locked."""
    office = Client(REMOTE_ADDR="10.1.1.1")
    for name in ("bram", "carla", "daan", "eva"):
        make_user(name)
        for _ in range(4):
            assert login(office, name, "verkeerd").status_code == 200
    assert login(office, "anna").status_code == 302


def test_one_address_trying_many_usernames_is_locked_at_the_address_limit(professional, settings):
    from axes.models import AccessAttempt

    assert settings.SLIM_LOCKOUT_ADDRESS_ATTEMPTS == 50
    attacker = Client(REMOTE_ADDR="10.6.6.6")
    for number in range(49):  # a few tries each for many usernames: every username stays under 5
        assert login(attacker, f"gebruiker{number // 3}", "verkeerd").status_code == 200
    assert not AccessAttempt.objects.filter(username="anna").exists()
    response = login(attacker, "gebruiker99", "verkeerd")
    assert response.status_code == 429 and "Tijdelijk geblokkeerd" in response.content.decode()
    # The address is locked for every username, also with the right password ...
    assert login(attacker, "anna").status_code == 429
    assert "_auth_user_id" not in attacker.session
    # ... but not the accounts: from another address anna logs in.
    elsewhere = Client(REMOTE_ADDR="10.2.2.2")
    assert login(elsewhere, "anna").status_code == 302


# --- second step (django-otp) ----------------------------------------------------------------------


def test_admin_must_set_up_second_factor_before_anything_else(client):
    make_user("beheer", role=Role.ADMIN, organisation="Gemeente")
    response = login(client, "beheer")
    assert response["Location"] == "/account/tweede-stap/instellen/"
    assert client.get("/matching/")["Location"] == "/account/tweede-stap/instellen/"
    assert client.get("/api/v1/match").status_code == 403
    client.get("/account/tweede-stap/instellen/")
    device = TOTPDevice.objects.get(user__username="beheer", confirmed=False)
    wrong = client.post("/account/tweede-stap/instellen/", {"code": "000000"})
    assert "klopt niet" in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code above slowed the next try down; skip the wait
    device.save()
    assert client.post("/account/tweede-stap/instellen/", {"code": code_for(device)}).status_code == 302
    assert client.get("/matching/").status_code == 200


def test_setup_never_shows_or_accepts_a_confirmed_device_before_the_second_step(client):
    """Finding 1: password alone, then the setup page, must not reveal the secret or verify."""
    admin, device = admin_with_totp()
    assert login(client, "beheer")["Location"] == "/account/tweede-stap/"
    page = client.get("/account/tweede-stap/instellen/")
    assert page.status_code == 302 and page["Location"] == "/account/tweede-stap/"
    secret = __import__("base64").b32encode(device.bin_key).decode()
    assert secret not in client.get("/account/tweede-stap/instellen/", follow=True).content.decode()
    response = client.post("/account/tweede-stap/instellen/", {"code": code_for(device)})
    assert response["Location"] == "/account/tweede-stap/"
    assert client.get("/beheer/").status_code == 302
    assert client.get("/matching/")["Location"] == "/account/tweede-stap/"


def test_user_with_second_factor_is_asked_for_code_at_login(client, professional):
    device = enrolled(professional)
    assert login(client, "anna")["Location"] == "/account/tweede-stap/"
    assert client.get("/matching/").status_code == 302
    client.post("/account/tweede-stap/", {"code": code_for(device)})
    assert client.get("/matching/").status_code == 200


def test_admin_with_second_step_reaches_the_admin(client):
    admin, device = admin_with_totp()
    login(client, "beheer")
    assert client.get("/beheer/").status_code == 302
    assert client.post("/account/tweede-stap/", {"code": code_for(device)}).status_code == 302
    assert client.get("/beheer/").status_code == 200


def test_wrong_codes_are_throttled(client, professional):
    """Finding 4: eight wrong codes, then the right one is refused for a while."""
    device = enrolled(professional)
    login(client, "anna")
    for _ in range(8):
        client.post("/account/tweede-stap/", {"code": "000000"})
    response = client.post("/account/tweede-stap/", {"code": code_for(device)})
    assert "Te veel foute codes" in response.content.decode()
    assert client.get("/matching/").status_code == 302


def test_a_code_completes_the_second_step_only_once(professional):
    """Finding 4: the same code in a second session is a replay and is refused."""
    device = enrolled(professional)
    code = code_for(device)
    first, second = Client(), Client()
    login(first, "anna")
    login(second, "anna")
    assert first.post("/account/tweede-stap/", {"code": code}).status_code == 302
    assert first.get("/matching/").status_code == 200
    response = second.post("/account/tweede-stap/", {"code": code})
    assert response.status_code == 200 and "klopt niet" in response.content.decode()
    assert second.get("/matching/").status_code == 302


def test_backup_codes_are_shown_once_and_work_once(client, professional):
    device = enrolled(professional)
    login(client, "anna")
    client.post("/account/tweede-stap/", {"code": code_for(device)})
    page = client.post("/account/beveiliging/back-upcodes/").content.decode()
    backup = StaticDevice.objects.get(user=professional, name="backup")
    codes = [token.token for token in backup.token_set.all()]
    assert len(codes) == 10 and all(code in page for code in codes)
    assert "10 ongebruikte codes" in client.get("/account/beveiliging/").content.decode()
    later, again = Client(), Client()
    login(later, "anna")
    assert later.post("/account/tweede-stap/", {"code": codes[0].upper()}).status_code == 302
    assert later.get("/matching/").status_code == 200
    login(again, "anna")
    assert again.post("/account/tweede-stap/", {"code": codes[0]}).status_code == 200
    assert codes[0] not in client.get("/account/beveiliging/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_existing_totp_secrets_move_to_django_otp_devices():
    """The data migration: a secret confirmed under the old hand-written TOTP keeps working."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    before = [("accounts", "0002_loginfailure_user_session_generation_and_more")]
    after = executor.loader.graph.leaf_nodes("accounts")
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    OldUser = old_apps.get_model("accounts", "User")
    OldUser.objects.create(username="oud", totp_secret="GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", totp_confirmed=True)
    OldUser.objects.create(username="half", totp_secret="GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", totp_confirmed=False)
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    device = TOTPDevice.objects.get(user__username="oud")
    assert device.confirmed and device.bin_key == b"12345678901234567890"
    assert code_for(device, at=59) == "287082"  # RFC 6238's test vector, as the old code produced
    assert not TOTPDevice.objects.filter(user__username="half").exists()


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


def test_a_beheerder_makes_someone_enrol_again_without_seeing_their_secret(db):
    """The admin has no device pages (they show others' secrets and QR codes); an action removes the devices."""
    from django.urls import NoReverseMatch, reverse

    from tests.conftest import verify_second_step

    for name in ("admin:otp_totp_totpdevice_changelist", "admin:otp_static_staticdevice_changelist"):
        with pytest.raises(NoReverseMatch):
            reverse(name)
    beheerder = make_user("beheer2", role=Role.ADMIN, organisation="Gemeente")
    beheerder.is_staff = beheerder.is_superuser = True
    beheerder.save()
    lost_phone = make_user("kwijt")
    TOTPDevice.objects.create(user=lost_phone, name="telefoon", confirmed=True)
    StaticDevice.objects.create(user=lost_phone, name="reserve", confirmed=True)
    browser = Client()
    browser.force_login(beheerder)
    verify_second_step(browser, beheerder)
    response = browser.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_second_step", "_selected_action": [lost_phone.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=lost_phone).exists()
    assert not StaticDevice.objects.filter(user=lost_phone).exists()


def test_a_username_longer_than_the_model_allows_is_a_form_error_not_a_500(db):
    """On PostgreSQL django-axes could not store the failed attempt of a 100,000-character name (varchar 255)."""
    response = Client().post("/account/inloggen/", {"username": "x" * 100_000, "password": "y"})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_professional_enters_contact_details_for_clients(client, professional):
    client.force_login(professional)
    bad = client.post(reverse("accounts:contact-details"), {"contact_phone": "bel me", "contact_email": "geen-adres"})
    assert bad.status_code == 400 and "Vul een geldig e-mailadres in" in bad.content.decode()
    response = client.post(reverse("accounts:contact-details"), {"contact_phone": "06 1234 5678", "contact_email": "s@wijk.example"})
    assert response.status_code == 302
    professional.refresh_from_db()
    assert (professional.contact_phone, professional.contact_email) == ("06 1234 5678", "s@wijk.example")
    assert 'value="06 1234 5678"' in client.get(reverse("accounts:security")).content.decode()
