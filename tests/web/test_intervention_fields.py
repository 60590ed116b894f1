"""The field specification of an intervention (interventions/fields.py) is what the file, the
model, the API and the detail page use: a field added there shows up everywhere, or a test says where not."""

import json
import re
from html import unescape

import pytest
from django.core.management import call_command

from slim.interventions import fields, presentation
from slim.interventions.exchange import bundled_file, dump_csv, read_rows
from slim.interventions.fields import DISPLAYS, FIELDS, NAMES, SECTIONS, TAGGED, Field
from slim.interventions.models import Intervention
from slim.interventions.records import clean, with_derived
from slim.interventions.store import all_records
from slim.interventions.vocabulary import BY_FACET
from tests.factories import intervention_record as record
from tests.factories import load_interventions as load

pytestmark = pytest.mark.django_db

BUNDLED = json.loads(bundled_file().read_text(encoding="utf-8"))["interventions"]


@pytest.fixture
def databank():
    call_command("import_interventions", stdout=open("/dev/null", "w"))


def test_the_bundled_file_has_exactly_the_fields_of_the_specification_in_its_order():
    assert all(tuple(item) == NAMES for item in BUNDLED)
    assert {"core_elements", "adaptations", "checked_at"} <= set(NAMES)


def test_every_field_has_a_home_in_the_database():
    columns = {field.name for field in Intervention._meta.get_fields()}
    for field in FIELDS:
        if field.stored_on_model:
            assert field.name in columns, field.name
        elif field.facet:
            assert field.facet in BY_FACET, field.name
    assert set(TAGGED) == {field.name for field in FIELDS if field.facet}


def test_required_fields_are_reported_with_their_label():
    _, errors = clean({})
    messages = {error.field: error.message for error in errors}
    for field in FIELDS:
        if field.required:
            assert field.label in messages[field.name], field.name
    _, errors = clean({"recognitions": [{"scheme": "movisie", "level": "goed_beschreven", "verified": "ja"}]})
    assert "recognitions[1].verified: moet true of false zijn" in [str(error) for error in errors]


def test_the_api_and_the_csv_give_every_field(client, databank):
    body = client.get(f"/api/v1/interventions/{BUNDLED[0]['slug']}").json()
    assert [name for name in body if name != "url"] == list(NAMES)
    assert [recognition["verified"] for recognition in body["recognitions"]] == [
        item.get("verified", True) for item in BUNDLED[0]["recognitions"]
    ]
    records = [with_derived(record) for record in all_records()]
    text = dump_csv(records)
    assert text.splitlines()[0] == "\ufeff" + ";".join(NAMES)  # for Dutch Excel (slim.common.safecsv)
    assert [clean(row.data)[0] for row in read_rows(text.encode(), "csv")] == all_records()


def test_every_field_shown_on_the_detail_page_has_its_section(client, databank):
    html = client.get(f"/interventies/{BUNDLED[0]['slug']}/").content.decode()
    for field in FIELDS:
        if field.section:
            assert re.search(rf'<section id="{field.section}"', html), (field.name, field.section)


def _section(html, section_id):
    return html.split(f'<section id="{section_id}">')[1].split("</section>")[0]


def _text(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _expected(field, value):
    """What of this value the page must show: the words of texts, a link for each coded term."""
    if field.facet:
        return [f'/{code}/"' for code in value]  # the link to the term's knowledge page
    if field.kind == "codes":
        return [str(field.allowed()[code]) for code in value]
    if field.kind == "recognitions":
        return [f'/{item["scheme"]}/"' for item in value]
    if field.kind == "boolean":
        return ["ja" if value else "nee"]
    if field.display == "checked":  # a Dutch date on the page ("7 december 2026"), ISO only in <time datetime>
        from datetime import date

        from django.template.defaultfilters import date as date_filter
        from django.utils import translation

        with translation.override("nl"):
            return [date_filter(date.fromisoformat(value), "j F Y")]
    lines = value if isinstance(value, list) else str(value).splitlines()
    return [" ".join(line.split()) for line in lines if line.strip()]


def test_the_sections_and_displays_of_the_detail_page_are_known():
    assert {field.section for field in FIELDS if field.section} <= {section.id for section in SECTIONS}
    assert {field.display for field in FIELDS} <= DISPLAYS
    assert {section.layout for section in SECTIONS} <= {"blocks", "definitions"}
    for field in FIELDS:
        layout = next((section.layout for section in SECTIONS if section.id == field.section), None)
        if layout == "definitions":
            assert field.title, f"{field.name}: a definition list needs a title for every field"


def test_every_field_with_a_value_is_on_the_detail_page_in_its_section(client, databank):
    """For each field of the detail page: the first bundled intervention that has a value for it."""
    pages = {}
    for field in FIELDS:
        if field.section:
            item = next((item for item in BUNDLED if item[field.name] not in (None, "", [])), None)
            assert item, f"no bundled intervention has a value for {field.name}"
            pages.setdefault(item["slug"], []).append(field)
    for slug, shown in pages.items():
        html = client.get(f"/interventies/{slug}/").content.decode()
        item = next(item for item in BUNDLED if item["slug"] == slug)
        for field in shown:
            section = _section(html, field.section)
            for fragment in _expected(field, item[field.name]):
                assert fragment in (section if fragment.endswith('/"') else _text(section)), (slug, field.name, fragment)
            if field.title:
                assert str(field.title) in _text(section), (slug, field.name)


def test_a_field_added_to_the_specification_shows_on_the_detail_page(client, monkeypatch, tmp_path):
    """No template names the fields: a new field (here two, and a new section) is shown from the spec alone."""
    load(tmp_path, [record("nieuw")])
    added = (
        Field("quality_mark", "text", "keurmerk", section="uitvoering", title="Keurmerk", empty="onbekend"),
        Field("materials", "texts", "materialen", section="materialen", title="Werkmateriaal", display="items"),
        Field("costs", "text", "kosten", section="materialen", title="Kosten", empty="niet bekend"),
    )
    monkeypatch.setattr(fields, "FIELDS", FIELDS + added)
    monkeypatch.setattr(fields, "SECTIONS", SECTIONS + (fields.Section("materialen", "Materialen"),))
    records_of = presentation.records_of
    monkeypatch.setattr(
        presentation, "records_of",
        lambda objs: [dict(item, quality_mark="Gouden keurmerk", materials=["Werkboek", "Kaartjes"], costs=None) for item in records_of(objs)],
    )
    html = client.get("/interventies/nieuw/").content.decode()
    assert "<dt>Keurmerk</dt>" in _section(html, "uitvoering") and "Gouden keurmerk" in _section(html, "uitvoering")
    materials = _section(html, "materialen")
    assert "<h2>Materialen</h2>" in materials and "<h3>Werkmateriaal</h3>" in materials
    assert "<li>Werkboek</li><li>Kaartjes</li>" in materials
    assert 'Kosten: <span class="unknown">niet bekend</span>' in materials
    assert html.index('id="bron"') < html.index('id="materialen"')  # after the sections before it
