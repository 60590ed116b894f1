import pytest

from slim.accounts.models import Role, User

PASSWORD = "test-wachtwoord-2026"


@pytest.fixture
def knowledge(db):
    from slim.knowledge.loader import load_knowledge

    return load_knowledge()


def make_user(username, role=Role.PROFESSIONAL, organisation="Wijkteam Noord"):
    user = User.objects.create_user(username=username, password=PASSWORD, role=role, organisation=organisation)
    return user


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
