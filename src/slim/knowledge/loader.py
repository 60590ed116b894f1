"""Load the knowledge YAML files into the database, idempotently.

Every file is validated completely before anything is written, so a broken file
never leaves a half-loaded knowledge base behind.
"""

import hashlib
import json
from dataclasses import dataclass, field

import yaml
from django.db import transaction

from slim.core import knowledge as core_knowledge

from .kinds import KINDS, Kind
from .models import KnowledgeItem
from .sources import PROVENANCES, source_registry

ITEM_KEYS = {"code", "order", "title", "summary", "sections", "attributes", "inferred", "provenance", "sources"}
LANGUAGES = ("nl", "en")


class KnowledgeFileError(ValueError):
    """A knowledge file does not have the expected shape."""


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    per_kind: dict = field(default_factory=dict)

    @property
    def changed(self):
        return self.created + self.updated + self.removed


def knowledge_dir():
    """The same files the engine reads (slim.core.knowledge.data_root)."""
    return core_knowledge.data_root() / "knowledge"


def read_kind(kind: Kind) -> tuple[str, list[dict]]:
    """Read and validate one file; return (version, items)."""
    path = knowledge_dir() / kind.file
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KnowledgeFileError(f"{kind.file}: bestand ontbreekt") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeFileError(f"{kind.file}: geen geldige YAML ({exc})") from exc
    if not isinstance(document, dict) or document.get("kind") != kind.code:
        raise KnowledgeFileError(f"{kind.file}: verwacht 'kind: {kind.code}' bovenaan")
    items = document.get("items")
    if not isinstance(items, list) or not items:
        raise KnowledgeFileError(f"{kind.file}: 'items' moet een niet-lege lijst zijn")
    seen = set()
    for index, item in enumerate(items):
        where = f"{kind.file} item {index + 1}"
        _check_item(item, kind, where)
        if item["code"] in seen:
            raise KnowledgeFileError(f"{where}: code '{item['code']}' komt twee keer voor")
        seen.add(item["code"])
    return str(document.get("version", "")), items


def _check_item(item, kind: Kind, where: str):
    if not isinstance(item, dict):
        raise KnowledgeFileError(f"{where}: verwacht een mapping")
    missing = ITEM_KEYS - item.keys()
    if missing:
        raise KnowledgeFileError(f"{where}: ontbrekende velden {sorted(missing)}")
    _check_text(item["title"], f"{where} title")
    _check_text(item["summary"], f"{where} summary")
    _check_provenance(item, f"{where} ({item['code']}) summary")
    if item["inferred"] and item["provenance"] != "ours":
        raise KnowledgeFileError(f"{where} ({item['code']}): inferred: true vraagt provenance: ours")
    codes = []
    for section in item["sections"]:
        code = section.get("code")
        _check_text(section.get("title"), f"{where} section {code} title")
        _check_text(section.get("body"), f"{where} section {code} body")
        _check_provenance(section, f"{where} ({item['code']}) section {code}")
        if bool(section.get("inferred")) != (section["provenance"] == "ours"):
            raise KnowledgeFileError(f"{where} ({item['code']}) section {code}: inferred en provenance spreken elkaar tegen")
        codes.append(code)
    if kind.code == "principle":
        _check_professional((item["attributes"] or {}).get("professional"), f"{where} ({item['code']})")
    if kind.code == "life_domain":
        _check_prompts((item["attributes"] or {}).get("prompts"), f"{where} ({item['code']})")
    absent = [code for code in kind.required_sections if code not in codes]
    if absent:
        raise KnowledgeFileError(f"{where} ({item['code']}): verplichte onderdelen ontbreken: {absent}")


def _check_professional(value, where: str):
    """A principle says what a professional does and avoids (our own words, so provenance ours)."""
    if not isinstance(value, dict) or value.get("provenance") != "ours":
        raise KnowledgeFileError(f"{where}: attributes.professional met provenance: ours ontbreekt")
    for part in ("does", "avoids"):
        entries = value.get(part)
        if not isinstance(entries, list) or not entries:
            raise KnowledgeFileError(f"{where}: attributes.professional.{part} moet een niet-lege lijst zijn")
        for entry in entries:
            _check_text(entry, f"{where} professional.{part}")


PROMPT_CONCEPTS = ("agency", "circle", "orientation", "values")


def _check_prompts(value, where: str):
    """Each life domain has follow-up questions on the four ideas of seed 000 (agency ... values)."""
    if not isinstance(value, list):
        raise KnowledgeFileError(f"{where}: attributes.prompts ontbreekt")
    for prompt in value:
        _check_text(prompt, f"{where} prompt")
    missing = [concept for concept in PROMPT_CONCEPTS if concept not in {p.get("concept") for p in value}]
    if missing:
        raise KnowledgeFileError(f"{where}: geen doorvraag voor {missing}")


def _check_provenance(text: dict, where: str):
    """Every text says where it comes from: a seed, a named source, or ours (afgeleid)."""
    provenance = text.get("provenance")
    if provenance not in PROVENANCES:
        raise KnowledgeFileError(f"{where}: provenance moet een van {list(PROVENANCES)} zijn, niet {provenance!r}")
    sources = text.get("sources") or []
    if not isinstance(sources, list):
        raise KnowledgeFileError(f"{where}: sources moet een lijst zijn")
    registry = source_registry()
    unknown = [key for key in sources if key not in registry]
    if unknown:
        raise KnowledgeFileError(f"{where}: onbekende bron {unknown} (voeg hem toe aan sources.yaml)")
    if provenance == "seed" and not any(registry[key]["seed"] for key in sources):
        raise KnowledgeFileError(f"{where}: provenance seed zonder seed in sources")
    if provenance == "source" and not any(not registry[key]["seed"] for key in sources):
        raise KnowledgeFileError(f"{where}: provenance source zonder genoemde bron in sources")


def _check_text(value, where: str):
    if not isinstance(value, dict) or any(not str(value.get(lang) or "").strip() for lang in LANGUAGES):
        raise KnowledgeFileError(f"{where}: tekst in het Nederlands én Engels vereist")


def _hash(item: dict, version: str) -> str:
    payload = json.dumps([version, item], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def load_knowledge(kinds=KINDS) -> LoadReport:
    """Make the database equal to the files: create, update or remove items."""
    documents = [(kind, *read_kind(kind)) for kind in kinds]
    report = LoadReport()
    with transaction.atomic():
        for kind, version, items in documents:
            existing = {obj.code: obj for obj in KnowledgeItem.objects.filter(kind=kind.code)}
            for item in items:
                digest = _hash(item, version)
                obj = existing.pop(item["code"], None)
                if obj is not None and obj.content_hash == digest:
                    report.unchanged += 1
                    continue
                values = {
                    "order": item["order"],
                    "title": item["title"],
                    "summary": item["summary"],
                    "sections": item["sections"],
                    "attributes": item["attributes"] or {},
                    "inferred": bool(item["inferred"]),
                    "provenance": item["provenance"],
                    "sources": item["sources"] or [],
                    "version": version,
                    "content_hash": digest,
                }
                KnowledgeItem.objects.update_or_create(kind=kind.code, code=item["code"], defaults=values)
                if obj is None:
                    report.created += 1
                else:
                    report.updated += 1
            for stale in existing.values():
                stale.delete()
                report.removed += 1
            report.per_kind[kind.code] = len(items)
    return report
