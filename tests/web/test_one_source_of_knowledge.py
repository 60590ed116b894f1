"""One source of knowledge (issue 14): the engine and the knowledge pages read the same versioned files.

The engine reads slim/data directly; the pages read KnowledgeItem, which `slim load-knowledge`
fills from the same files, and the admin shows it read-only. A changed mismatch consequence in
a copy of the data shows on the logic's page and in the engine's warning.
"""

import shutil
from importlib import resources
from pathlib import Path

import pytest

from slim.core import Logic, alignment_warnings
from slim.core import knowledge as core_knowledge
from slim.core.model import Approach
from slim.knowledge import sources
from slim.knowledge.loader import load_knowledge
from slim.knowledge.models import KnowledgeItem
from tests.conftest import make_user, verify_second_step

OLD = "De cliënt voelt zich gecontroleerd en verzet zich."
NEW = "Gewijzigd in de databestanden: de cliënt haakt af."


@pytest.fixture
def changed_data(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(Path(str(resources.files("slim.data"))), copy)
    logics = copy / "knowledge" / "logics.yaml"
    text = logics.read_text(encoding="utf-8")
    assert text.count(OLD) == 1
    logics.write_text(text.replace(OLD, NEW), encoding="utf-8")
    monkeypatch.setattr(core_knowledge, "data_root", lambda: copy)
    core_knowledge.clear_cache()
    sources.source_registry.cache_clear()
    yield copy
    monkeypatch.undo()
    core_knowledge.clear_cache()
    sources.source_registry.cache_clear()


@pytest.mark.django_db
def test_a_change_in_the_data_shows_on_the_page_and_in_the_engine(client, changed_data):
    load_knowledge()
    page = client.get("/kennis/logicas/kansen/").content.decode()
    assert NEW in page and OLD not in page
    (warning,) = alignment_warnings("kansen", [Approach("professional", "eigen aanpak", Logic.STURING)])
    assert NEW in warning.message.nl


@pytest.mark.django_db
def test_the_admin_shows_knowledge_but_does_not_edit_it(client, knowledge):
    from slim.accounts.models import Role

    admin = make_user("eva", role=Role.ADMIN)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    verify_second_step(client, admin)
    item = KnowledgeItem.objects.get(kind="logic", code="kansen")
    assert client.get("/beheer/knowledge/knowledgeitem/").status_code == 200
    page = client.get(f"/beheer/knowledge/knowledgeitem/{item.pk}/change/")
    assert page.status_code == 200 and 'name="summary"' not in page.content.decode()
    assert client.get("/beheer/knowledge/knowledgeitem/add/").status_code == 403
    before = item.summary
    client.post(f"/beheer/knowledge/knowledgeitem/{item.pk}/change/", {"code": "kansen", "summary": '{"nl": "x", "en": "x"}'})
    item.refresh_from_db()
    assert item.summary == before
    assert client.post(f"/beheer/knowledge/knowledgeitem/{item.pk}/delete/", {"post": "yes"}).status_code == 403
    assert KnowledgeItem.objects.filter(pk=item.pk).exists()
