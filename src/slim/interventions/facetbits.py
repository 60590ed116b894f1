"""Facet counts of a text search from bitmaps: per term, one integer with a bit per intervention.

Counting the facets of a broad search by reading the tags of thousands of matches was
its slowest part. Each process keeps, per term, the interventions that carry it as the
bits of one Python integer. A count is then popcount(matches & term), and a selection
in another facet is one more AND. The matches themselves always come from the database
for the search at hand, so an intervention removed since the bitmaps were built never
counts. The bitmaps are rebuilt when an import changes the tags: it writes a new random
DatabankVersion token, which every search reads (one row, with the newest tag id).
"""

import threading

from django.db.models import Subquery

from .models import DatabankVersion, InterventionTag

_built = {}  # (token, newest tag id) -> {term id: bitmap}; at most one entry
_lock = threading.Lock()


def bitmap(ids) -> int:
    """The integer with bit i set for every intervention id i."""
    ids = list(ids)
    if not ids:
        return 0
    bits = bytearray(max(ids) // 8 + 1)
    for pk in ids:
        bits[pk >> 3] |= 1 << (pk & 7)
    return int.from_bytes(bits, "little")


def term_bitmaps() -> dict[int, int]:
    """{term id: bitmap of its interventions}, built once per databank version and process."""
    # The newest tag id beside the token: tags written without an import still change the key.
    newest = InterventionTag.objects.order_by("-pk").values_list("pk", flat=True)[:1]
    token = DatabankVersion.objects.annotate(newest=Subquery(newest)).values_list("token", "newest").first()
    found = _built.get(token)
    if found is not None:
        return found
    per_term = {}
    for term, intervention in InterventionTag.objects.values_list("term_id", "intervention_id").iterator(2000):
        per_term.setdefault(term, []).append(intervention)
    built = {term: bitmap(ids) for term, ids in per_term.items()}
    if token:  # without a version row nothing says when the tags change: build every time
        with _lock:
            _built.clear()
            _built[token] = built
    return built


class Matches:
    """The matches of one text search as a bitmap, with the term bitmaps read once for that search."""

    def __init__(self, match_ids):
        self.by_term = term_bitmaps()
        self.bits = bitmap(match_ids)

    def scope(self, filters: dict, terms, skip: str | None = None) -> int:
        """The matches that also pass every facet selection except skip's (OR within a facet, AND across)."""
        scope = self.bits
        for facet, codes in filters.items():
            if facet != skip:
                selected = 0
                for term in terms.of(facet, codes):
                    selected |= self.by_term.get(term, 0)
                scope &= selected
        return scope

    def total(self, filters: dict, terms) -> int:
        """How many matches pass all selections: the number of results, without counting them in SQL."""
        return self.scope(filters, terms).bit_count()

    def counts(self, filters: dict, terms, skip: str | None) -> dict[int, int]:
        """{term id: interventions} over the matches and every facet selection except skip's."""
        scope = self.scope(filters, terms, skip)
        return {term: (scope & bits).bit_count() for term, bits in self.by_term.items()}
