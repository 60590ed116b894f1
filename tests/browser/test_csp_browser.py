import pytest

from tests.browser.conftest import login

PAGES = ["/", "/kennis/", "/kennis/logicas/kansen/", "/interventies/", "/matching/", "/casussen/", "/spiegel/", "/api/v1/docs/"]


@pytest.mark.django_db(transaction=True)
def test_main_pages_run_without_content_security_policy_violations(page, professional, knowledge):
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    login(page, "anna")
    for path in PAGES:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert not violations, violations
    page.goto("/api/v1/docs/")
    page.locator(".swagger-ui").first.wait_for()
    page.get_by_text("/api/v1/classify").first.wait_for(state="visible")
