"""The searchable text of an intervention and the Dutch stems behind the SQLite index.

Both databases must find the same things, so SQLite stems with Snowball's
classic Dutch algorithm: the one PostgreSQL's 'dutch' configuration runs, called
'dutch_porter' since snowballstemmer 3. The newer 'dutch' algorithm (used by
slim.core.text) does not suit search: it stems 'schulden' to 'schul' but
'schuld' to 'schuld', and strips 'ge' so that 'gezin' becomes 'zin'.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from slim.core.knowledge import read_data
from slim.core.text import normalise

# Runs of letters and digits: apostrophes and hyphens split words, as in FTS5 and PostgreSQL.
_WORD = re.compile(r"[^\W_]+")
SEARCH_FIELDS = ("name", "aliases", "summary", "goal", "target_groups", "approach", "werkzame_elementen", "research")
# Words suggested in 'Bedoelde je ...?': real words of a sensible length, no numbers.
SUGGESTION_LENGTH = (3, 40)


def words(text: str) -> list[str]:
    """Normalised words (lowercase, no accents) in text order."""
    return _WORD.findall(normalise(text))


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("dutch_porter")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def stemmed(text: str) -> str:
    """The text as space-separated stems: what the SQLite FTS5 table indexes."""
    return " ".join(stem(word) for word in words(text))


def search_text(record: dict) -> str:
    """Everything a reader may search for, one field per line; last the words of its themes and target groups."""
    parts = []
    for name in SEARCH_FIELDS:
        value = record[name]
        parts.extend(value if isinstance(value, list) else [value or ""])
    parts.extend(vocabulary_words(record))
    return "\n".join(part for part in parts if part)


@lru_cache(maxsize=1)
def _synonyms() -> dict:
    return read_data("interventions/search_synonyms.yaml")


def vocabulary_words(record: dict) -> list[str]:
    """The Dutch titles of the record's themes and target groups and their search words
    (data/interventions/search_synonyms.yaml): "schulden" finds the theme 'Armoede en schulden'."""
    from .vocabulary import TARGET_GROUP, THEME

    synonyms, lines = _synonyms(), []
    for vocabulary, field in ((THEME, "themes"), (TARGET_GROUP, "target_group_codes")):
        for code in record.get(field) or ():
            term = vocabulary.terms.get(code)
            words = synonyms.get(vocabulary.name, {}).get(code) or []
            line = " ".join(([term.title["nl"]] if term else []) + list(words))
            if line:
                lines.append(line)
    return lines


def is_suggestable(word: str) -> bool:
    low, high = SUGGESTION_LENGTH
    return low <= len(word) <= high and word.isalpha()
