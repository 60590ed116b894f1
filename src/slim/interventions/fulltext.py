"""Dutch full-text matching and relevance, per database.

PostgreSQL: to_tsvector('dutch', search_text), served by the GIN expression
index of migration 0002, matched with websearch_to_tsquery and ranked with
ts_rank. SQLite: the FTS5 table of migration 0002 over the stemmed text, joined
through SearchEntry, ranked with bm25. Both annotate `relevance`, higher is better.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import BooleanField, F, Field, FloatField, Func, Value

from .query import Query

# Must equal the indexed expression of migration 0002, or PostgreSQL will not use the index.
VECTOR_TEMPLATE = "to_tsvector('dutch'::regconfig, %(expressions)s)"


class DutchVector(Func):
    template = VECTOR_TEMPLATE
    output_field = Field()  # a tsvector: only compared, never selected


class DutchWebQuery(Func):
    template = "websearch_to_tsquery('dutch'::regconfig, %(expressions)s)"
    output_field = Field()  # a tsquery: only compared, never selected


class Matches(Func):
    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def search(queryset, query: Query):
    """Keep the interventions matching the query and annotate their relevance.

    Used as a subquery (counts, facets) the annotation is dropped and only the match remains.
    """
    if connection.vendor == "postgresql":
        vector = DutchVector(F("search_text"))
        tsquery = DutchWebQuery(Value(query.websearch()))
        return queryset.filter(Matches(vector, tsquery)).annotate(
            relevance=Func(vector, tsquery, function="ts_rank", output_field=FloatField())
        )
    if connection.vendor == "sqlite":
        return queryset.filter(search_entry__document__match=query.fts5()).annotate(
            relevance=-Func(F("search_entry__document"), function="bm25", output_field=FloatField())
        )
    raise ImproperlyConfigured("Zoeken in de databank werkt op PostgreSQL en SQLite.")

