"""Form errors are announced: one summary at the top with links to the fields, and every field with an
error carries aria-invalid and points at its error text with aria-describedby."""

import pytest
from django.template import Context, Template

from slim.cases.demo import demo as demo_case
from tests.conftest import make_user
from tests.helpers import Elements


def summary_of(page):
    summaries = [element for element in page.elements if "data-error-summary" in element["attrs"]]
    assert len(summaries) == 1
    summary = summaries[0]
    assert summary["attrs"]["role"] == "alert" and summary["attrs"]["tabindex"] == "-1"
    return summary


def assert_described_error(page, element, error_id, text):
    assert element["attrs"].get("aria-invalid") == "true"
    assert error_id in element["attrs"].get("aria-describedby", "").split()
    assert text in page.by_id(error_id)["text"]


@pytest.mark.django_db
def test_a_text_field_error_is_summarised_linked_and_described(client_as_professional):
    response = client_as_professional.post("/matching/", {"name": "", "bsn": ""})
    assert response.status_code == 200
    page = Elements(response.content.decode())
    summary = summary_of(page)
    assert "Controleer wat je hebt ingevuld" in summary["text"]
    assert page.find("a", href="#id_name"), "de samenvatting linkt naar het veld"
    name = page.by_id("id_name")
    assert_described_error(page, name, "id_name_error", "Dit veld is vereist")
    assert page.by_id("id_bsn")["attrs"].get("aria-invalid") is None


@pytest.mark.django_db
def test_a_radio_group_error_is_described_on_its_fieldset(client, knowledge):
    anna = make_user("anna")
    make_user("bram", organisation="Schuldhulp Stad")
    case, _ = demo_case()
    client.force_login(anna)
    response = client.post(f"/casussen/{case.pk}/contacten/", {"held_on": "", "user": anna.pk})
    page = Elements(response.content.decode())
    summary_of(page)
    assert page.find("a", href="#id_flowed_0") and page.find("a", href="#id_held_on")
    fieldset = [element for element in page.find("fieldset") if "id_flowed_error" in element["attrs"].get("aria-describedby", "")]
    assert len(fieldset) == 1 and "Hoe ging het gesprek?" in fieldset[0]["text"]
    for option in ("id_flowed_0", "id_flowed_1"):
        assert page.by_id(option)["attrs"].get("aria-invalid") == "true"
    assert page.by_id("id_flowed_error")["text"].strip()
    assert_described_error(page, page.by_id("id_held_on"), "id_held_on_error", "Dit veld is vereist")


@pytest.mark.django_db
def test_non_field_errors_are_in_the_summary_and_a_valid_form_has_none(client_as_professional):
    invalid = Elements(client_as_professional.post("/casussen/nieuw/", {"name": "", "shared_goal": ""}).content.decode())
    assert "Kies een cliënt of vul de naam van een nieuwe cliënt in" in summary_of(invalid)["text"]
    fresh = client_as_professional.get("/casussen/nieuw/").content.decode()
    assert "data-error-summary" not in fresh and 'aria-invalid="true"' not in fresh


def test_the_shared_tags_render_any_form_the_same_way():
    from django import forms

    class Example(forms.Form):
        title = forms.CharField(label="Titel", help_text="Kort")
        kind = forms.ChoiceField(label="Soort", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)

    form = Example(data={})
    html = Template("{% load slim_forms %}{% error_summary form %}{% form_field form.title %}{% form_field form.kind %}").render(
        Context({"form": form})
    )
    page = Elements(html)
    summary_of(page)
    title = page.by_id("id_title")
    assert title["attrs"]["aria-describedby"] == "id_title_helptext id_title_error"
    assert "utrecht-textbox--invalid" in title["attrs"]["class"]
    assert page.find("label", **{"for": "id_title"}) and page.by_id("id_title_helptext")["text"] == "Kort"
    assert page.find("fieldset", **{"aria-describedby": "id_kind_error"})
    assert [link["attrs"]["href"] for link in page.find("a")] == ["#id_title", "#id_kind_0"]


@pytest.mark.django_db
def test_another_logic_without_a_reason_is_an_error_at_the_reason_field(client, knowledge):
    from slim.matching.models import Decision, Intake

    anna = make_user("anna")
    make_user("bram", organisation="Schuldhulp Stad")
    case, _ = demo_case()
    intake = Intake.objects.filter(client=case.client).first()
    domain = intake.domain_results()[0]
    other = next(logic for logic in ("kansen", "competenties", "sturing", "ondernemen") if logic != domain["logic"])
    client.force_login(anna)
    before = Decision.objects.count()
    response = client.post(f"/matching/intakes/{intake.pk}/besluit/", {"domain": domain["domain"], "chosen_logic": other})
    assert response.status_code == 200 and Decision.objects.count() == before
    page = Elements(response.content.decode())
    summary = summary_of(page)
    assert "Geef een korte reden" in summary["text"]
    field_id = f"id_{domain['domain']}_reason"
    assert page.find("a", href=f"#{field_id}")
    section = page.by_id(f"domein-{domain['domain']}")
    assert "Controleer wat je hebt ingevuld" in section["text"], "de fout staat bij het leefgebied, niet bovenaan"
    reason = page.by_id(field_id)
    assert reason["tag"] == "textarea" and int(reason["attrs"]["rows"]) >= 4
    assert_described_error(page, reason, f"{field_id}_error", "Geef een korte reden")
    assert not page.find("div", role="status"), "geen tweede melding bovenaan de pagina"
