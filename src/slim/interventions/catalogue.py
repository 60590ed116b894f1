"""The terms and the words of the index, held per process and per databank version.

They only change when the databank does. A search reads the version (one row: the
DatabankVersion token, which every import renews, with the newest tag id, which changes
when tags are written without an import) and gets the catalogue of that version: each
part is read on first use and then shared by the searches of that process. Matches,
counts and the results page always come from the database.
"""

from __future__ import annotations

import functools
import threading
from collections import defaultdict
from functools import cached_property

from django.db import connection
from django.db.models import Subquery

from .models import DatabankVersion, IndexedWord, InterventionTag, Term

_current: dict[tuple, Catalogue] = {}  # version key -> its catalogue; at most one entry
_lock = threading.Lock()


class Terms:
    """The stored terms: filters and counts work on their ids."""

    def __init__(self, rows):
        self.by_id = {pk: (facet, code) for pk, facet, code in rows}
        self.ids = {key: pk for pk, key in self.by_id.items()}

    def of(self, facet: str, codes=None) -> list[int]:
        """Ids of these codes of a facet, or of all its codes (a code no intervention has, has no term)."""
        return [pk for (name, code), pk in self.ids.items() if name == facet and (codes is None or code in codes)]


class Catalogue:
    """One databank version's terms and index words."""

    @cached_property
    def terms(self) -> Terms:
        return Terms(Term.objects.values_list("pk", "facet", "code"))

    @cached_property
    def stems(self) -> frozenset[str]:
        """Every stem in the index: a query word with another stem occurs nowhere."""
        return frozenset(IndexedWord.objects.values_list("stem", flat=True).distinct())

    @cached_property
    def _words(self) -> dict[str, list[str]]:
        by_letter = defaultdict(list)
        for word in IndexedWord.objects.order_by("word").values_list("word", flat=True).iterator(chunk_size=2000):
            by_letter[word[:1]].append(word)
        return by_letter

    def words_like(self, word: str, slack: int) -> list[str]:
        """Indexed words with the same first letter and at most `slack` letters more or fewer."""
        return [known for known in self._words.get(word[:1], ()) if abs(len(known) - len(word)) <= slack]


@functools.cache
def _version_sql() -> tuple[str, tuple]:
    """The statement that reads the version, compiled once: it is the same for every search."""
    newest_tag = InterventionTag.objects.order_by("-pk").values_list("pk", flat=True)[:1]
    version = DatabankVersion.objects.annotate(tag=Subquery(newest_tag))
    return version.values_list("token", "tag").order_by()[:1].query.sql_with_params()


def current() -> Catalogue:
    """The catalogue of the databank as it is now (one query to read its version)."""
    with connection.cursor() as cursor:
        cursor.execute(*_version_sql())
        key = cursor.fetchone()
    if key is None:  # no version row: nothing says when the databank changes, so nothing is kept
        return Catalogue()
    found = _current.get(key)
    if found is None:
        found = Catalogue()
        with _lock:
            _current.clear()
            _current[key] = found
    return found
