"""What a search reads besides its matches, held per process and per databank version.

The terms, each intervention's tags and recognitions, the facet bitmaps and the words of
the index only change when the databank does. Reading them again for every search cost
four queries and most of the time a search spent outside the database. A search reads the
version instead (one row: the DatabankVersion token, which every import renews, with the
newest tag and recognition ids, which change when rows are written without an import) and
gets the catalogue of that version: each part is read on first use and then shared by the
searches of that process. The matches and the results page always come from the database,
so what a search shows never includes an intervention that is gone.
"""

from __future__ import annotations

import functools
import threading
from collections import defaultdict
from functools import cached_property

from django.db import connection
from django.db.models import Subquery

from .facetbits import bitmap
from .models import DatabankVersion, IndexedWord, InterventionTag, Recognition, Term
from .records import RECOGNITION_KEYS

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
    """One databank version's terms, tags, recognitions, bitmaps and index words."""

    @cached_property
    def terms(self) -> Terms:
        return Terms(Term.objects.values_list("pk", "facet", "code"))

    @cached_property
    def _tags(self) -> tuple[dict, dict]:
        per_term, codes = defaultdict(list), defaultdict(lambda: defaultdict(list))
        by_id = self.terms.by_id
        rows = InterventionTag.objects.order_by("intervention_id", "position").values_list("intervention_id", "term_id")
        for intervention, term in rows.iterator(chunk_size=2000):
            per_term[term].append(intervention)
            facet, code = by_id[term]
            codes[intervention][facet].append(code)
        return {term: bitmap(ids) for term, ids in per_term.items()}, codes

    @property
    def bitmaps(self) -> dict[int, int]:
        """{term id: bitmap of the interventions that carry it} (facetbits.py)."""
        return self._tags[0]

    def codes(self, intervention: int) -> dict[str, list[str]]:
        """{facet: codes in their stored order} of one intervention; a copy, so callers may change it."""
        return {facet: list(codes) for facet, codes in self._tags[1].get(intervention, {}).items()}

    @cached_property
    def _recognitions(self) -> dict[int, list[dict]]:
        found = defaultdict(list)
        for row in Recognition.objects.order_by("intervention_id", "position").values("intervention_id", *RECOGNITION_KEYS):
            found[row.pop("intervention_id")].append(row)
        return found

    def recognitions(self, intervention: int) -> list[dict]:
        """The recognitions of one intervention in their stored order; copies, so callers may change them."""
        return [dict(item) for item in self._recognitions.get(intervention, ())]

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
    newest_recognition = Recognition.objects.order_by("-pk").values_list("pk", flat=True)[:1]
    version = DatabankVersion.objects.annotate(tag=Subquery(newest_tag), recognition=Subquery(newest_recognition))
    return version.values_list("token", "tag", "recognition").order_by()[:1].query.sql_with_params()


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
