"""Dutch full-text matching and relevance, per database.

Both databases keep the index in a table of its own, joined through SearchEntry:
PostgreSQL: interventions_fts (migration 0003) holds to_tsvector('dutch',
search_text) per intervention, GIN-indexed, matched with websearch_to_tsquery and
ranked with ts_rank. The vectors are stored rather than only indexed as an
expression because ts_rank needs one for every match (with an expression index
alone, ranking 2,400 of 10,000 interventions took 700 ms), and they sit in a
narrow table because reading them from the wide intervention rows was the
largest cost of broad searches.
SQLite: the FTS5 table of migration 0002 over the stemmed text, ranked with
bm25. The results page is one statement written out by hand (search._page);
match_sql and rank_sql give its full-text parts for either database.
"""

import functools

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from .models import SearchEntry
from .query import Query

# websearch_to_tsquery is only STABLE: as a scalar subquery PostgreSQL parses the query once per
# statement, as a plain call once for every row it ranks (the match itself: models.FtsMatch).
PARSED_ONCE = "(SELECT websearch_to_tsquery('dutch'::regconfig, %s))"


def _postgresql() -> bool:
    if connection.vendor not in ("postgresql", "sqlite"):
        raise ImproperlyConfigured("Zoeken in de databank werkt op PostgreSQL en SQLite.")
    return connection.vendor == "postgresql"


def match_sql(query: Query) -> tuple[str, list]:
    """The match as SQL over the search table joined as `interventions_fts`, with its parameters,
    for the statement search._page writes out by hand."""
    if _postgresql():
        return f"interventions_fts.interventions_fts @@ {PARSED_ONCE}", [query.websearch()]
    return "interventions_fts.interventions_fts MATCH %s", [query.fts5()]


def rank_sql(query: Query) -> tuple[str, list]:
    """The relevance (higher is better) in the same way as match_sql."""
    if _postgresql():
        return f"ts_rank(interventions_fts.interventions_fts, {PARSED_ONCE})", [query.websearch()]
    return "-bm25(interventions_fts.interventions_fts)", []


def matching_ids(query: Query) -> list[int]:
    """The ids of the interventions matching the query, read from the search table alone.

    Fetched in one go on a plain cursor: thousands of ids through the ORM's iterator cost more
    than the query itself.
    """
    text = query.websearch() if _postgresql() else query.fts5()
    with connection.cursor() as cursor:
        cursor.execute(_matching_sql(), [text])
        return [row[0] for row in cursor.fetchall()]


@functools.cache
def _matching_sql() -> str:
    """The statement behind matching_ids, compiled once; only the query text differs per search."""
    sql, params = SearchEntry.objects.filter(document__match="").values_list("intervention_id").query.sql_with_params()
    assert list(params) == [""], params  # the query text must be its only parameter
    return sql
