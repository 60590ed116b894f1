import pytest

from tests.browser.conftest import login


@pytest.mark.django_db(transaction=True)
def test_reader_navigates_the_knowledge_base_and_switches_language(page, knowledge):
    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kennisbank").click()
    page.get_by_role("link", name="De vier interventielogica's").click()
    page.get_by_role("heading", level=2).first.wait_for()
    page.locator(".card h2 a").first.click()
    assert page.locator("h1").inner_text()
    assert page.locator("#mismatch-tabel table").is_visible()
    page.get_by_label("Taal").select_option("en")
    page.get_by_role("button", name="Wissel taal").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.django_db(transaction=True)
def test_demo_user_logs_in_and_out(page, professional):
    login(page, "anna")
    assert page.get_by_role("button", name="Uitloggen").is_visible()
    page.get_by_role("button", name="Uitloggen").click()
    assert page.get_by_role("link", name="Inloggen").is_visible()


@pytest.mark.django_db(transaction=True)
def test_stylesheets_are_served_and_applied(page):
    page.goto("/")
    for sheet in ("slim.css", "print.css"):
        assert page.request.get(f"/static/slim/{sheet}").ok, sheet
    header_colour = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header_colour == "rgb(21, 66, 115)"
