import pytest
from django.core.management import call_command
from django.utils.html import escape

from slim.knowledge.kinds import KINDS
from slim.knowledge.loader import KnowledgeFileError, load_knowledge, read_kind
from slim.knowledge.models import KnowledgeItem


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    first = load_knowledge()
    assert first.created > 0 and first.updated == 0
    snapshot = list(KnowledgeItem.objects.values_list("kind", "code", "content_hash"))
    second = load_knowledge()
    assert second.changed == 0
    assert second.unchanged == first.created
    assert list(KnowledgeItem.objects.values_list("kind", "code", "content_hash")) == snapshot


@pytest.mark.django_db
def test_expected_knowledge_is_complete(knowledge):
    counts = knowledge.per_kind
    assert counts["logic"] == 4
    assert counts["principle"] == 6
    assert counts["conversation_type"] == 7
    assert counts["level"] == 3
    assert counts["success_factor"] == 3
    assert counts["regie"] == 2
    assert counts["werkzaam_element"] == 15
    assert counts["theme"] >= 12
    codes = set(KnowledgeItem.objects.filter(kind="logic").values_list("code", flat=True))
    assert codes == {"kansen", "competenties", "sturing", "ondernemen"}
    numbers = sorted(i.attributes["number"] for i in KnowledgeItem.objects.filter(kind="conversation_type"))
    assert numbers == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.django_db
def test_inferred_content_is_marked(knowledge):
    """The axes and the mismatch matrix are our reconstruction; the data must say so."""
    axes = KnowledgeItem.objects.get(kind="concept", code="twee_assen")
    assert axes.inferred or all(section["inferred"] for section in axes.sections)
    for logic in KnowledgeItem.objects.filter(kind="logic"):
        mismatch = next(s for s in logic.sections if s["code"] == "mismatch")
        assert mismatch["inferred"] is True


@pytest.mark.django_db
def test_changed_item_is_updated_and_stale_item_removed(knowledge):
    item = KnowledgeItem.objects.get(kind="logic", code="kansen")
    item.content_hash = "stale"
    item.save()
    KnowledgeItem.objects.create(kind="logic", code="verouderd", title={"nl": "x", "en": "x"}, version="0", content_hash="x")
    report = load_knowledge()
    assert report.updated == 1 and report.removed == 1
    assert not KnowledgeItem.objects.filter(code="verouderd").exists()


def test_every_file_validates():
    for kind in KINDS:
        version, items = read_kind(kind)
        assert version and items


def test_broken_file_is_refused(tmp_path, monkeypatch):
    from slim.knowledge import loader

    (tmp_path / "logics.yaml").write_text("kind: logic\nitems:\n  - code: kansen\n", encoding="utf-8")
    monkeypatch.setattr(loader, "knowledge_dir", lambda: tmp_path)
    with pytest.raises(KnowledgeFileError, match="ontbrekende velden"):
        read_kind(next(k for k in KINDS if k.code == "logic"))


@pytest.mark.django_db
def test_command_reports_counts(capsys):
    call_command("load_knowledge")
    assert "Kennisbank geladen" in capsys.readouterr().out


@pytest.mark.django_db
def test_pages_render_in_dutch_and_english(client, knowledge):
    response = client.get("/kennis/")
    assert response.status_code == 200
    assert "De 15 werkzame elementen" in response.content.decode()
    for kind in KINDS:
        listing = client.get(f"/kennis/{kind.slug}/")
        assert listing.status_code == 200, kind.slug
        for item in KnowledgeItem.objects.filter(kind=kind.code):
            page = client.get(f"/kennis/{kind.slug}/{item.code}/")
            assert page.status_code == 200
            assert escape(item.title["nl"]) in page.content.decode()
    client.cookies["django_language"] = "en"  # the language switch's remembered choice
    english = client.get("/kennis/logicas/kansen/")
    item = KnowledgeItem.objects.get(kind="logic", code="kansen")
    assert item.title["en"] in english.content.decode()
    assert "Knowledge base" in english.content.decode()


@pytest.mark.django_db
def test_element_page_shows_fixed_sections(client, knowledge):
    element = KnowledgeItem.objects.filter(kind="werkzaam_element").first()
    html = client.get(f"/kennis/werkzame-elementen/{element.code}/").content.decode()
    for code in ("what_is", "why_resident", "starting_points", "tools", "policy_organisation", "examples"):
        assert f'id="{code}"' in html


@pytest.mark.django_db
def test_unknown_pages_are_404(client, knowledge):
    assert client.get("/kennis/bestaat-niet/").status_code == 404
    assert client.get("/kennis/logicas/bestaat-niet/").status_code == 404


def test_richtext_escapes_and_makes_lists():
    from slim.ui.templatetags.slim_text import richtext

    html = richtext({"nl": "Eerste <b>alinea</b>\n\n- een\n- twee", "en": "x"})
    assert html == "<p>Eerste &lt;b&gt;alinea&lt;/b&gt;</p><ul><li>een</li><li>twee</li></ul>"
