"""Browser tests: Playwright for Python driving Debian's Chromium, never a downloaded browser."""

import io
import os

import pytest

from tests.conftest import PASSWORD, make_user

CHROMIUM = os.environ.get("SLIM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium ontbreekt op {CHROMIUM}; voer scripts/ensure-system-packages.sh uit")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="nl-NL", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def login(page, username):
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")


@pytest.fixture
def world(knowledge):
    """Demo users with the test password, the demo case and team, the databank and synthetic policy data."""
    from django.core.management import call_command

    from slim.accounts.models import Role
    from slim.cases.demo import demo as demo_case
    from slim.mirror.demo import demo as demo_team

    make_user("anna")
    make_user("bram", organisation="Schuldhulp Stad")
    make_user("chantal", role=Role.TEAM_LEAD)
    make_user("dirk", role=Role.POLICY, organisation="Gemeente")
    beheer = make_user("beheer", role=Role.ADMIN, organisation="Gemeente")
    beheer.is_staff = True  # as `slim createsuperuser` and the identity provider make a beheerder
    beheer.save()
    make_user("auditor", role=Role.AUDITOR, organisation="Gemeente")
    demo_team()
    demo_case()
    call_command("import_interventions", verbosity=0)
    call_command("generate_demo", clients=30, stdout=io.StringIO())
