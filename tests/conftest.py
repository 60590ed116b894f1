"""Shared fixtures. Django is imported inside them, so tests/core runs without Django."""

import pytest

PASSWORD = "test-wachtwoord-2026"


@pytest.fixture
def knowledge(db):
    from slim.knowledge.loader import load_knowledge

    return load_knowledge()


def make_user(username, role="professional", organisation="Wijkteam Noord"):
    from slim.accounts.models import User

    return User.objects.create_user(username=username, password=PASSWORD, role=role, organisation=organisation)


@pytest.fixture
def professional(db):
    return make_user("anna")


@pytest.fixture
def other_professional(db):
    return make_user("bram", organisation="Schuldhulp Stad")


@pytest.fixture
def client_as_professional(client, professional):
    client.force_login(professional)
    return client


def verify_second_step(client, user):
    """Mark the client's session as having passed the second login step, the way django-otp does.

    For tests about what comes after logging in; tests/web/test_accounts_security.py tests the step itself.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the test database is a file, like the real one: threads then share it through
    their own connections with WAL and the busy timeout (an in-memory database cannot)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("sqlite") / "test_slim.sqlite3")
