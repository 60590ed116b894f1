"""The controlled vocabularies of the databank, read from the knowledge files.

Codes in an import file and values in a search filter are checked against these
lists, so a new theme or target group is a data change, not a code change. They
are read with slim.core's cached reader rather than from the KnowledgeItem
table, so importing and searching work before `slim load-knowledge` has run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from slim.core.knowledge import life_domains, read_data
from slim.knowledge.kinds import BY_CODE


@dataclass(frozen=True)
class Entry:
    """One code of a vocabulary, as its knowledge file describes it."""

    title: dict  # {nl, en}
    attributes: dict


@dataclass(frozen=True)
class Vocabulary:
    name: str  # the facet and query parameter name
    kind: str  # the knowledge kind whose file holds the terms
    label: str  # lazy Dutch label, translated when shown

    @property
    def knowledge_slug(self) -> str:
        """Where the terms have their own page: /kennis/<slug>/<code>/."""
        return BY_CODE[self.kind].slug

    @property
    def terms(self) -> dict[str, Entry]:
        return _terms(self.kind)

    def title(self, code: str) -> dict:
        return self.terms[code].title


@lru_cache(maxsize=None)
def _terms(kind: str) -> dict[str, Entry]:
    document = read_data(f"knowledge/{BY_CODE[kind].file}")
    items = sorted(document["items"], key=lambda item: item["order"])
    return {item["code"]: Entry(item["title"], item.get("attributes") or {}) for item in items}


THEME = Vocabulary("theme", "theme", _("Thema"))
TARGET_GROUP = Vocabulary("target_group", "target_group", _("Doelgroep"))
RECOGNITION = Vocabulary("recognition", "recognition_level", _("Erkenningsniveau"))
LOGIC = Vocabulary("logic", "logic", _("SLIM-logica"))
ELEMENT = Vocabulary("element", "werkzaam_element", _("Werkzaam element"))
LEVEL = Vocabulary("level", "level", _("Niveau"))
SCHEME = Vocabulary("scheme", "recognition_scheme", _("Regeling"))

# The facets of the search page and the API, in the order they are shown.
FACETS = (THEME, TARGET_GROUP, RECOGNITION, LOGIC, ELEMENT, LEVEL)
BY_FACET = {vocabulary.name: vocabulary for vocabulary in FACETS}

# How an intervention is delivered. Not a knowledge kind: a short fixed list.
DELIVERY = {
    "individueel": _("individueel"),
    "groep": _("in een groep"),
    "gezin": _("met het gezin"),
    "netwerk": _("met het netwerk"),
    "wijk": _("in de wijk"),
}


def recognition_rank(level: str) -> int | None:
    """Place on the recognition ladder (0..4); None for a status such as 'niet erkend'."""
    return RECOGNITION.terms[level].attributes.get("rank")


def validity_years(level: str) -> int | None:
    return RECOGNITION.terms[level].attributes.get("validity_years")


def domain_titles() -> dict[str, dict]:
    """Life domains for the 'fits this client' form, as {code: {nl, en}}."""
    return {code: title.to_dict() for code, title in life_domains().items()}


def intervention_domains(themes: list[str], target_groups: list[str]) -> frozenset[str]:
    """The life domains an intervention is about, from the `life_domains` its themes and target groups
    carry in the knowledge files (data, so changing the mapping needs no code). Empty when none of them
    names a domain: such an intervention is not tied to one domain."""
    domains: set[str] = set()
    for vocabulary, codes in ((THEME, themes), (TARGET_GROUP, target_groups)):
        for code in codes:
            entry = vocabulary.terms.get(code)
            if entry:
                domains.update(entry.attributes.get("life_domains") or ())
    return frozenset(domains)
