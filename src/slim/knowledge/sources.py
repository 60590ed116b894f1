"""The source registry: every key in a knowledge file's "sources" list, as a readable reference.

The registry lives in src/slim/data/knowledge/sources.yaml. The loader refuses knowledge files that
use a key the registry does not have, so a page never shows a raw key such as "MTG-4R".
"""

from functools import lru_cache
import yaml

from slim.core import knowledge as core_knowledge

SOURCE_KEYS = ("title", "publisher", "year", "url")
PROVENANCES = ("seed", "source", "ours")


@lru_cache(maxsize=1)
def source_registry() -> dict[str, dict]:
    path = core_knowledge.data_root() / "knowledge" / "sources.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    registry = {}
    for key, entry in (document.get("sources") or {}).items():
        missing = [name for name in SOURCE_KEYS if name not in (entry or {})]
        if missing or not str(entry.get("title") or "").strip() or not str(entry.get("publisher") or "").strip():
            raise ValueError(f"sources.yaml: bron {key} mist {missing or ['title/publisher']}")
        registry[key] = {"key": key, "seed": bool(entry.get("seed")), **{name: entry[name] for name in SOURCE_KEYS}}
    return registry


def is_seed(key: str) -> bool:
    return source_registry().get(key, {}).get("seed", False)


def resolve(keys) -> list[dict]:
    """Readable references for a list of keys; a key the registry lacks raises KeyError."""
    registry = source_registry()
    return [registry[key] for key in keys or []]
