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
bm25. Both annotate `relevance`, higher is better.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import F, FloatField, Func, Value

from .models import SearchEntry
from .query import Query

# websearch_to_tsquery is only STABLE: as a scalar subquery PostgreSQL parses the query once per
# statement, as a plain call once for every row it ranks (the match itself: models.FtsMatch).
PARSED_ONCE = "(SELECT websearch_to_tsquery('dutch'::regconfig, %(expressions)s))"


def search(queryset, query: Query):
    """Keep the interventions matching the query and annotate their relevance.

    Used as a subquery (counts, facets) the annotation is dropped and only the match remains.
    """
    document = F("search_entry__document")
    if connection.vendor == "postgresql":
        tsquery = Func(Value(query.websearch()), function="websearch_to_tsquery", template=PARSED_ONCE)
        return queryset.filter(search_entry__document__match=query.websearch()).annotate(
            relevance=Func(document, tsquery, function="ts_rank", output_field=FloatField())
        )
    if connection.vendor == "sqlite":
        return queryset.filter(search_entry__document__match=query.fts5()).annotate(
            relevance=-Func(document, function="bm25", output_field=FloatField())
        )
    raise ImproperlyConfigured("Zoeken in de databank werkt op PostgreSQL en SQLite.")


def matching_ids(query: Query) -> list[int]:
    """The ids of the interventions matching the query, read from the search table alone.

    Fetched in one go on a plain cursor: thousands of ids through the ORM's iterator cost more
    than the query itself.
    """
    text = query.websearch() if connection.vendor == "postgresql" else query.fts5()
    sql, params = SearchEntry.objects.filter(document__match=text).values_list("intervention_id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
