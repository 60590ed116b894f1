"""The field specification of an intervention (interventions/fields.py) is what the file, the
model, the API and the detail page use: a field added there shows up everywhere, or a test says where not."""

import json
import re

import pytest
from django.core.management import call_command

from slim.interventions.exchange import bundled_file, dump_csv, read_rows
from slim.interventions.fields import FIELDS, NAMES, TAGGED
from slim.interventions.models import Intervention
from slim.interventions.records import clean, with_derived
from slim.interventions.store import all_records
from slim.interventions.vocabulary import BY_FACET

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
