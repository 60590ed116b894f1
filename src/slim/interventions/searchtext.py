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
    """Everything a reader may search for, one field per line."""
    parts = []
    for name in SEARCH_FIELDS:
        value = record[name]
        parts.extend(value if isinstance(value, list) else [value or ""])
    return "\n".join(part for part in parts if part)


def is_suggestable(word: str) -> bool:
    low, high = SUGGESTION_LENGTH
    return low <= len(word) <= high and word.isalpha()
