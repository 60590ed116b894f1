"""A policy maker opens the dashboards, reads a table and a chart, and downloads a CSV."""

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import include, path

from slim.accounts.models import Role
from slim.project import urls as project_urls
from tests.browser.conftest import login
from tests.conftest import make_user

# Until the project urls include the app, the test mounts it itself.
urlpatterns = list(project_urls.urlpatterns)
if not any(getattr(pattern, "namespace", None) == "insights" for pattern in urlpatterns):
    urlpatterns.append(path("inzicht/", include("slim.insights.urls")))

pytestmark = pytest.mark.urls(__name__)


@pytest.mark.django_db(transaction=True)
def test_policy_maker_reads_the_dashboard_and_downloads_a_csv(page, knowledge):
    make_user("dirk", role=Role.POLICY, organisation="Gemeente")
    call_command("generate_demo", clients=60, stdout=io.StringIO())

    login(page, "dirk")
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto("/inzicht/")
    assert page.get_by_role("heading", name="Inzicht voor beleid", level=1).is_visible()

    table = page.get_by_role("table", name="Aantal cliënten per leefgebied naar hun logica")
    assert table.is_visible()
    assert table.get_by_role("columnheader", name="Leefgebied").is_visible()
    assert table.get_by_role("rowheader", name="Werk", exact=True).is_visible()

    chart = page.get_by_role("img", name="Logica van cliënten per leefgebied")
    assert chart.is_visible()
    assert "Grootste logica per leefgebied" in chart.locator("desc").text_content()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download ‘Logica van cliënten per leefgebied’ als CSV").click()
    download = download_info.value
    assert download.suggested_filename == "slim-logica-per-leefgebied.csv"
    # Written for Dutch Excel: a byte-order mark, ';' between the cells (slim.common.safecsv).
    rows = list(csv.reader(io.StringIO(open(download.path(), encoding="utf-8-sig").read()), delimiter=";"))
    assert rows[0][0] == "Leefgebied" and any(row[0] == "Werk" for row in rows)
    assert not [error for error in errors if "Content Security Policy" in error]
