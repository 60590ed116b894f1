"""Issue 18, points 3-6 and 8: model fidelity of the knowledge base."""

import pytest
import yaml
from django.urls import reverse
from django.utils.html import escape

from slim.cases.models import Client
from slim.core import Logic
from slim.core.conversation import follow_up_for, next_conversation
from slim.knowledge.loader import knowledge_dir
from slim.knowledge.models import KnowledgeItem


def _items(file):
    return {item["code"]: item for item in yaml.safe_load((knowledge_dir() / file).read_text("utf-8"))["items"]}


def test_conversation_order_in_data_agrees_with_engine():
    """Point 4: 1 and 2 come first, so the data may not allow a jump from 1 to a follow-up."""
    by_number = {item["attributes"]["number"]: item for item in _items("conversation_types.yaml").values()}
    # Engine: after a flowing first conversation without a shared goal, conversation 2 follows.
    after_one = next_conversation(None, has_shared_goal=False, last_flowed=True).number
    assert by_number[1]["attributes"]["next_on_flow"] == [after_one] == [2]
    # Engine: once there is a shared goal, the client's logic decides the follow-up.
    follow_ups = sorted(follow_up_for(logic) for logic in Logic)
    assert sorted(by_number[2]["attributes"]["next_on_flow"]) == follow_ups
    for number in follow_ups:
        assert 1 not in by_number[number]["attributes"]["next_on_flow"]


def test_consortium_belongs_to_the_theory_not_the_book():
    origin = _items("concepts.yaml")["herkomst"]
    sections = {section["code"]: section for section in origin["sections"]}
    assert "Europe" not in sections["book"]["body"]["nl"] + sections["book"]["body"]["en"]
    assert "SEED-000" in sections["consortium"]["sources"]
    assert "theorie" in sections["consortium"]["body"]["nl"]


def test_principle_text_borrowed_from_a_logic_says_the_mapping_is_ours():
    """Point 3: a 'Wat is het?' text built from a logic description is ours and says so."""
    for code, item in _items("principles.yaml").items():
        what = next(section for section in item["sections"] if section["code"] == "what")
        mapped = [entry["logic"] for entry in item["attributes"]["logics"] if entry["confidence"] == "high"]
        if mapped:
            assert what["provenance"] == "ours", code
            assert "onze eigen indeling" in what["body"]["nl"] and "our own grouping" in what["body"]["en"], code


@pytest.mark.django_db
def test_principle_pages_show_what_a_professional_does_and_avoids(client, knowledge):
    """Point 5: houding en inhoud per principle, marked as ours."""
    for item in KnowledgeItem.objects.filter(kind="principle"):
        professional = item.attributes["professional"]
        assert professional["provenance"] == "ours" and professional["does"] and professional["avoids"]
        html = client.get(f"/kennis/principes/{item.code}/").content.decode()
        section = html.split('id="professional"')[1].split("</section>")[0]
        assert "afgeleid" in section
        for entry in professional["does"] + professional["avoids"]:
            assert escape(entry["nl"]) in section


@pytest.mark.django_db
def test_agency_concepts_page_and_intake_prompts(client_as_professional, professional, knowledge):
    """Point 6: a page on agency, circle of influence, orientation and values, and prompts in the intake."""
    page = client_as_professional.get("/kennis/model/invloed_orientatie_waarden/").content.decode()
    for word in ("Cirkel van invloed", "Sociale oriëntatie", "Waarden en ambities", "afgeleid"):
        assert word in page
    person = Client.objects.create(name="Mevrouw K.", created_by=professional)
    html = client_as_professional.get(reverse("matching:intake-new", args=[person.pk])).content.decode()
    for item in KnowledgeItem.objects.filter(kind="life_domain"):
        concepts = {prompt["concept"] for prompt in item.attributes["prompts"]}
        assert concepts == {"agency", "circle", "orientation", "values"}, item.code
        block = html.split(f'id="blok-{item.code}"')[1].split("</details>")[0]
        for prompt in item.attributes["prompts"]:
            assert escape(prompt["nl"]) in block
    assert "/kennis/model/invloed_orientatie_waarden/" in html


def test_seed_001_and_000_uses_are_in_the_knowledge_base():
    """Point 8: all functional relationships (seed 001), policy and a team's repertoire (seed 000)."""
    sections = {section["code"]: section for section in _items("concepts.yaml")["werken_met_slim"]["sections"]}
    assert sections["functional_relations"]["sources"] == ["SEED-001"]
    assert "werkrelaties" in sections["functional_relations"]["body"]["nl"]
    assert "SEED-000" in sections["policy"]["sources"] and "beleid" in sections["policy"]["body"]["nl"]
    assert "SEED-000" in sections["repertoire"]["sources"] and "repertoire" in sections["repertoire"]["body"]["nl"]


@pytest.mark.django_db
def test_element_pages_follow_the_fixed_structure_of_seed_003(client, knowledge):
    """Point 8: Wat is het? ... Hoe werkt dit in de praktijk? ... Meer uitleg en verder lezen (Onderbouwing, Verder lezen)."""
    order = ["Wat is het?", "Hoe werkt dit in de praktijk?", "Meer uitleg en verder lezen", "Onderbouwing", "Verder lezen"]
    for item in KnowledgeItem.objects.filter(kind="werkzaam_element"):
        html = client.get(f"/kennis/werkzame-elementen/{item.code}/").content.decode()
        positions = [html.find(heading) for heading in order]
        assert -1 not in positions and positions == sorted(positions), item.code
        reading = next(section for section in item.sections if section["code"] == "further_reading")
        assert "SEED-003" in reading["sources"] and len(reading["sources"]) > 1
