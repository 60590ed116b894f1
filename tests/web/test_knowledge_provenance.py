"""Issue 18, points 2 and 11: every knowledge text says where it comes from, every source is readable."""

import re

import pytest
import yaml

from slim.knowledge.kinds import BY_CODE, KINDS
from slim.knowledge.loader import KnowledgeFileError, knowledge_dir, read_kind
from slim.knowledge.models import KnowledgeItem
from slim.knowledge.sources import PROVENANCES, source_registry


def _texts():
    """(where, text) for the summary of every item and every section in the real files."""
    for kind in KINDS:
        document = yaml.safe_load((knowledge_dir() / kind.file).read_text(encoding="utf-8"))
        for item in document["items"]:
            yield f"{kind.file}:{item['code']}", item
            for section in item["sections"]:
                yield f"{kind.file}:{item['code']}:{section['code']}", section


def test_every_text_has_a_provenance_and_only_known_sources():
    registry = source_registry()
    for where, text in _texts():
        assert text.get("provenance") in PROVENANCES, where
        for key in text.get("sources") or []:
            assert key in registry, f"{where}: bron {key} is niet opgelost"
        if text["provenance"] == "seed":
            assert any(registry[key]["seed"] for key in text["sources"]), where


def test_every_source_is_a_readable_reference():
    for key, ref in source_registry().items():
        assert ref["title"].strip() and ref["publisher"].strip(), key
        assert ref["url"] or ref["seed"], f"{key}: geen adres"
        assert ref["year"] is None or 1990 < ref["year"] < 2030, key


def test_our_interpretations_of_elements_and_principles_are_marked_ours():
    for where, text in _texts():
        if where.count(":") == 1 and where.split(":")[0] in ("werkzame_elementen.yaml", "principles.yaml"):
            assert text["provenance"] == "ours", where


def _write(tmp_path, text):
    (tmp_path / "levels.yaml").write_text(text, encoding="utf-8")


ITEM = """kind: level
version: "1"
items:
  - code: micro
    order: 1
    title: {nl: "Micro", en: "Micro"}
    summary: {nl: "x", en: "x"}
    inferred: false
    %(item_provenance)s
    sources: [%(sources)s]
    sections:
      - code: what
        title: {nl: "Wat", en: "What"}
        body: {nl: "x", en: "x"}
        inferred: false
        %(section_provenance)s
        sources: [%(sources)s]
    attributes: {}
"""


@pytest.mark.parametrize(
    "values, message",
    [
        ({"item_provenance": "", "section_provenance": "provenance: source", "sources": "MTG-4R"}, "ontbrekende velden"),
        ({"item_provenance": "provenance: source", "section_provenance": "", "sources": "MTG-4R"}, "provenance moet"),
        ({"item_provenance": "provenance: source", "section_provenance": "provenance: source", "sources": "XYZ-1"}, "onbekende bron"),
        ({"item_provenance": "provenance: seed", "section_provenance": "provenance: source", "sources": "MTG-4R"}, "seed"),
        ({"item_provenance": "provenance: source", "section_provenance": "provenance: ours", "sources": "MTG-4R"}, "spreken elkaar tegen"),
    ],
)
def test_loader_refuses_text_without_provenance_or_with_unknown_source(tmp_path, monkeypatch, values, message):
    from slim.knowledge import loader

    _write(tmp_path, ITEM % values)
    monkeypatch.setattr(loader, "knowledge_dir", lambda: tmp_path)
    with pytest.raises(KnowledgeFileError, match=message):
        read_kind(BY_CODE["level"])


RAW_KEY = re.compile(r"\b(?:SEED|MTG|INCL|DIV|MOVISIE|NJI|LGL|KCSB|TRIMBOS|JUSTITIE|RIJK)-[A-Z0-9-]+\b")


@pytest.mark.django_db
def test_pages_show_provenance_and_readable_sources(client, knowledge):
    for kind in KINDS:
        for item in KnowledgeItem.objects.filter(kind=kind.code):
            html = client.get(f"/kennis/{kind.slug}/{item.code}/").content.decode()
            assert not RAW_KEY.search(html), f"{kind.slug}/{item.code}: {RAW_KEY.search(html)}"
            assert html.count('class="provenance"') >= 1 + len(item.sections), item.code
    html = client.get("/kennis/werkzame-elementen/basishouding/").content.decode()
    lead = html.split('class="lead"')[1].split("</p>", 2)[1]
    assert "afgeleid" in lead
    assert "brontekst 003" in html and "Brontekst 003" in html
    html = client.get("/kennis/logicas/kansen/").content.decode()
    assert "https://mind-the-gap-academy.com/4-richtingen/" in html and "Vier richtingen" in html
