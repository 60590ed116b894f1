"""Dutch full-text matching and relevance, per database, as ORM expressions.

Both databases keep the index in a table of its own, joined through SearchEntry:
PostgreSQL: interventions_fts (migration 0003) holds to_tsvector('dutch',
search_text) per intervention, GIN-indexed, matched with websearch_to_tsquery
(models.FtsMatch) and ranked with SearchRank (ts_rank). The vectors are stored
because ts_rank needs one for every match.
SQLite: the FTS5 table of migration 0002 over the stemmed text, matched with
MATCH (models.FtsMatch) and ranked with bm25.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import F
from django.db.models.expressions import RawSQL

from .models import SearchEntry
from .query import Query


def _postgresql() -> bool:
    if connection.vendor not in ("postgresql", "sqlite"):
        raise ImproperlyConfigured("Zoeken in de databank werkt op PostgreSQL en SQLite.")
    return connection.vendor == "postgresql"


def _text(query: Query) -> str:
    return query.websearch() if _postgresql() else query.fts5()


def matching(queryset, query: Query):
    """The interventions of `queryset` that match the query, joined to the search table (for rank)."""
    return queryset.filter(search_entry__document__match=_text(query))


def matching_ids(query: Query):
    """The ids of the matching interventions, from the search table alone: for `pk__in`."""
    return SearchEntry.objects.filter(document__match=_text(query)).values("intervention_id")


def rank(query: Query):
    """The relevance (higher is better) of a queryset made by `matching`."""
    if _postgresql():
        from django.contrib.postgres.search import SearchQuery, SearchRank

        class ParsedOnce(SearchQuery):
            """websearch_to_tsquery is only STABLE: as a scalar subquery PostgreSQL parses the
            query once per statement, as a plain call once for every match it ranks."""

            def as_sql(self, compiler, connection, **extra):
                sql, params = super().as_sql(compiler, connection, **extra)
                return f"(SELECT {sql})", params

        return SearchRank(F("search_entry__document"), ParsedOnce(query.websearch(), config="dutch", search_type="websearch"))
    return RawSQL("-bm25(interventions_fts)", ())
