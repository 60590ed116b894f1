"""Every URL of SLIM against every role: allowed or denied, as the rules in tests/authorization.py say.

The list of URLs comes from the URL configuration itself, so a new page or API
endpoint without a rule here makes this test fail until someone decides who may use it.
The personas cover every role in Role (a new role without a persona fails
test_every_role_has_a_persona), plus a staff user whose role has no capabilities:
such a role may manage its own account and use the public pages, nothing else.
"""

import pytest

from slim.accounts.models import Role
from tests.authorization import PERSONA_ROLES, ROLES, all_url_names, rule_for, url_for
from tests.conftest import make_user, verify_second_step


def outcome(response):
    """'allowed' when the request reached the view's own work, 'denied' when it was turned away."""
    if response.status_code in (401, 403, 404):
        return "denied"
    location = response.get("Location", "")
    sent_to_login = "/account/inloggen/?next=" in location or "/beheer/login/?next=" in location or location == "/mijn/"
    if response.status_code == 302 and sent_to_login:
        return "denied"
    return "allowed"


def request_as(user, url):
    from django.test import Client

    browser = Client()
    if user is not None:
        fresh = type(user).objects.get(pk=user.pk)  # fresh: 'log out everywhere' changed it
        browser.force_login(fresh)
        if fresh.requires_second_factor:
            verify_second_step(browser, fresh)
    response = browser.get(url)
    if response.status_code == 405:
        response = browser.post(url, {})
    return response


def test_every_role_has_a_persona():
    assert set(Role.values) <= set(PERSONA_ROLES.values())
    assert PERSONA_ROLES["no_capabilities"] not in Role.values


def test_a_role_not_in_the_map_has_no_capabilities(db):
    from slim.accounts.capabilities import CAPABILITIES, capabilities_of

    assert set(CAPABILITIES) == set(Role.values)
    user = make_user("nieuw", role="nieuwe-rol")
    user.is_staff = user.is_superuser = True
    assert capabilities_of(user) == frozenset()


def test_every_url_has_a_rule():
    missing = [name for name, _ in all_url_names() if rule_for(name) is None]
    assert not missing, f"URLs without an authorization rule: {missing}"


@pytest.mark.django_db
def test_every_url_against_every_role(matrix_world):
    users, kwargs, per_url = matrix_world
    wrong = []
    for name, pattern in all_url_names():
        allowed_roles = rule_for(name)
        url = url_for(name, pattern, kwargs, per_url)
        for role in ROLES:
            response = request_as(users.get(role), url)
            expected = "allowed" if role in allowed_roles else "denied"
            if outcome(response) != expected:
                wrong.append(f"{role} {url} ({name}): expected {expected}, got {response.status_code}")
            if users.get(role) is not None and "no-store" not in response.get("Cache-Control", ""):
                wrong.append(f"{role} {url} ({name}): Cache-Control {response.get('Cache-Control')!r} lacks no-store")
    assert not wrong, "\n".join(wrong)
