"""Cached readers for the YAML data the engine runs on.

The SLIM content (logics, life domains, conversation types) and the engine's own tables
(lexicon, intake questions, scoring weights) live in data files under slim.data, so they can
be corrected without touching code. Files are read once per process.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import yaml

from slim.core.errors import InputError, KnowledgeError
from slim.core.model import Logic, Text


def data_root():
    """The versioned data files (the slim.data package): the one source of knowledge.

    The engine reads them here; the knowledge pages read the KnowledgeItem table, a read model
    that `slim load-knowledge` fills from the same files (slim.knowledge.loader).
    """
    return resources.files("slim.data")


def clear_cache():
    """Forget what was read, so the next call reads the files again (after they changed)."""
    for function in (read_data, logic_definitions, life_domains, conversation_types):
        function.cache_clear()


@lru_cache(maxsize=None)
def read_data(relative_path: str):
    """Parse a YAML or JSON file below the slim.data package."""
    resource = data_root().joinpath(relative_path)
    if not resource.is_file():
        raise KnowledgeError(f"SLIM data file slim/data/{relative_path} is missing; the engine cannot run without it.")
    content = resource.read_text(encoding="utf-8")
    try:
        return json.loads(content) if relative_path.endswith(".json") else yaml.safe_load(content)
    except (yaml.YAMLError, ValueError) as exc:
        raise KnowledgeError(f"SLIM data file slim/data/{relative_path} cannot be parsed: {exc}") from exc


def _items(relative_path: str, kind: str) -> list[dict]:
    data = read_data(relative_path)
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise KnowledgeError(f"slim/data/{relative_path} has no 'items' list (expected kind '{kind}').")
    return data["items"]


@lru_cache(maxsize=1)
def logic_definitions() -> dict[Logic, dict]:
    """The four logics from knowledge/logics.yaml, keyed by Logic, in canonical order."""
    by_code = {item["code"]: item for item in _items("knowledge/logics.yaml", "logic")}
    missing = [logic.value for logic in Logic if logic.value not in by_code]
    if missing:
        raise KnowledgeError(f"knowledge/logics.yaml lacks the logic(s): {', '.join(missing)}.")
    return {logic: by_code[logic.value] for logic in Logic}


def logic_title(logic: Logic) -> Text:
    return Text.of(logic_definitions()[logic]["title"])


@lru_cache(maxsize=1)
def life_domains() -> dict[str, Text]:
    """Life-domain codes with their titles, from knowledge/life_domains.yaml."""
    return {item["code"]: Text.of(item["title"]) for item in _items("knowledge/life_domains.yaml", "life_domain")}


def life_domain_codes() -> tuple[str, ...]:
    return tuple(life_domains())


def require_domain(domain: str, field: str | None = "domain") -> str:
    """Return the domain code, or raise InputError('unknown_domain') listing the allowed codes."""
    codes = life_domain_codes()
    if domain not in codes:
        allowed = ", ".join(codes)
        raise InputError(
            "unknown_domain",
            f"Onbekend leefgebied '{domain}'. Kies uit: {allowed}.",
            f"Unknown life domain '{domain}'. Choose from: {allowed}.",
            field,
        )
    return domain


@lru_cache(maxsize=1)
def conversation_types() -> dict[int, dict]:
    """The seven conversation types from knowledge/conversation_types.yaml, keyed by number."""
    types = {item["attributes"]["number"]: item for item in _items("knowledge/conversation_types.yaml", "conversation_type")}
    if sorted(types) != list(range(1, 8)):
        raise KnowledgeError("knowledge/conversation_types.yaml must describe conversation types 1 to 7.")
    return types


def conversation_title(number: int) -> Text:
    return Text.of(conversation_types()[number]["title"])


def scoring_config() -> dict:
    """Weights and tables for turning evidence into a suggestion (engine/scoring.yaml)."""
    return read_data("engine/scoring.yaml")


def lexicon_data() -> dict:
    """The classifier lexicon (engine/lexicon.yaml)."""
    return read_data("engine/lexicon.yaml")


def intake_data() -> dict:
    """The draaischijf intake questions (engine/intake.yaml)."""
    return read_data("engine/intake.yaml")
