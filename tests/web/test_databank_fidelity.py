"""Issue 18, points 7, 10 and 12: modeltrouw fields, an honest databank page, checked entries."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.html import escape

from slim.interventions.exchange import bundled_file
from slim.interventions.models import Intervention
from tests.factories import intervention_record as record
from tests.factories import run_command as run
from tests.factories import write_interventions as write_json

pytestmark = pytest.mark.django_db

BUNDLED = json.loads(bundled_file().read_text(encoding="utf-8"))["interventions"]


def faithful(slug="trouw", **changes):
    values = {
        "core_elements": ["Een vaste vrijwilliger per gezin."],
        "adaptations": ["Het aantal bezoeken per week."],
        "checked_at": "2026-12-07",
        "recognitions": [{"scheme": "movisie", "level": "goed_onderbouwd", "date": "2016-06", "note": "Niet gevonden in het register.", "verified": False}],
    }
    values.update(changes)
    return record(slug, **values)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_new_fields_survive_an_exact_round_trip(tmp_path, fmt):
    run("import_interventions", str(write_json(tmp_path, [faithful(), record("leeg")])))
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    run("export_interventions", "--format", fmt, "--output", str(first))
    Intervention.objects.all().delete()
    run("import_interventions", str(first))
    run("export_interventions", "--format", fmt, "--output", str(second))
    assert first.read_bytes() == second.read_bytes()
    if fmt == "json":
        exported = {item["slug"]: item for item in json.loads(first.read_text())["interventions"]}
        assert exported["trouw"]["core_elements"] == ["Een vaste vrijwilliger per gezin."]
        assert exported["trouw"]["adaptations"] == ["Het aantal bezoeken per week."]
        assert exported["trouw"]["checked_at"] == "2026-12-07"
        assert exported["trouw"]["recognitions"][0]["verified"] is False
        assert exported["leeg"]["core_elements"] == [] and exported["leeg"]["checked_at"] is None


@pytest.mark.parametrize("value", ["7-12-2026", "2026-13-01", 20261207])
def test_a_bad_checked_date_is_refused(tmp_path, value):
    err = StringIO()
    with pytest.raises(Exception):
        call_command("import_interventions", str(write_json(tmp_path, [faithful(checked_at=value)])), stderr=err)
    assert "checked_at" in err.getvalue()
    assert not Intervention.objects.exists()


def test_detail_page_shows_modeltrouw_verification_and_check_date(client, tmp_path):
    run("import_interventions", str(write_json(tmp_path, [faithful(), record("leeg")])))
    html = client.get("/interventies/trouw/").content.decode()
    section = html.split('id="modeltrouw"')[1].split("</section>")[0]
    assert "Een vaste vrijwilliger per gezin." in section and "Het aantal bezoeken per week." in section
    assert "niet bevestigd" in html and "2026-12-07" in html
    empty = client.get("/interventies/leeg/").content.decode()
    section = empty.split('id="modeltrouw"')[1].split("</section>")[0]
    assert section.count("niet beschreven in de bron") == 2
    assert "geen erkenning bekend" in empty and "Nog niet opnieuw nagekeken" in empty
    api = client.get("/api/v1/interventions/trouw").json()
    assert api["core_elements"] and api["checked_at"] == "2026-12-07" and api["recognitions"][0]["verified"] is False


def test_modeltrouw_knowledge_page_has_the_critique(client, knowledge):
    html = client.get("/kennis/model/modeltrouw/").content.decode()
    assert "keurslijf" in html and "afgeleid" in html and "brontekst 002" in html


def test_databank_pages_say_what_the_databank_is_with_counts_per_level(client):
    run("import_interventions")
    # 'niet erkend' and 'in beoordeling' are verdicts without a level: such entries sit in the 'geen erkenning bekend' row.
    unranked = {"niet_erkend", "in_beoordeling"}
    without = sum(1 for item in BUNDLED if all(r["level"] in unranked for r in item["recognitions"]))
    for url in ("/interventies/", "/"):
        html = client.get(url).content.decode()
        assert "beschreven zoals in de databank van Movisie" not in html
        table = html.split('class="databank-overview"')[1].split("</table>")[0]
        assert f"geen erkenning bekend</th><td>{without}</td>" in table
        counts = [int(cell.split("</td>")[0]) for cell in table.split("<td>")[1:]]
        assert sum(counts) == len(BUNDLED)


def test_every_bundled_entry_has_a_check_date_or_says_it_was_not_rechecked():
    checked = [item for item in BUNDLED if item["checked_at"]]
    assert checked, "at least some entries are re-checked against their source"
    for item in BUNDLED:
        assert "checked_at" in item


def test_spot_check_corrections():
    """Point 12: the data errors found in the spot check."""
    by_slug = {item["slug"]: item for item in BUNDLED}
    bewegen = by_slug["bewegen-werkt"]
    assert [(r["scheme"], r["level"], r["date"]) for r in bewegen["recognitions"]] == [("rivm", "effectief_eerste", "2019-02-14")]
    assert bewegen["developer"]
    oranje = by_slug["oranje-huis-aanpak"]["recognitions"][0]  # found the source: Movisie's news item of August 2016
    assert oranje["verified"] and "16 augustus 2016" in oranje["note"] and oranje["date"] == "2016-06"
    assert "Met een maatje durf ik wel" in by_slug["vriendendienst"]["aliases"]  # the title of its Movisie page
    assert "Insoo Kim Berg" in json.dumps(by_slug["oplossingsgericht-werken"], ensure_ascii=False)
    assert "Kim Berg" not in json.dumps(by_slug["oplossingsgericht-werken"], ensure_ascii=False).replace("Insoo Kim Berg", "")
    assert "huiselijk_seksueel_geweld" not in by_slug["nu-niet-zwanger"]["themes"]
    assert "opennieuwsbank" not in by_slug["kamers-met-kansen"]["source_url"]
