"""Dutch full-text matching and relevance, per database.

PostgreSQL: the search_vector column that migration 0002 adds there, generated
as to_tsvector('dutch', search_text) and GIN-indexed, matched with
websearch_to_tsquery and ranked with ts_rank. The vector is stored rather than
only indexed as an expression because ts_rank needs it for every match: with an
expression index alone, ranking 2,400 of 10,000 interventions took 700 ms.
SQLite: the FTS5 table of migration 0002 over the stemmed text, joined through
SearchEntry, ranked with bm25. Both annotate `relevance`, higher is better.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import BooleanField, F, Field, FloatField, Func, Value
from django.db.models.expressions import Col, Expression

from .query import Query

# The PostgreSQL-only column, named for Col; the model does not declare it, so it is never selected.
VECTOR_COLUMN = Field()
VECTOR_COLUMN.set_attributes_from_name("search_vector")


class StoredVector(Expression):
    """search_vector of the intervention table, under whatever alias the query gives that table."""

    output_field = Field()  # a tsvector: only compared, never selected

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        text = F("search_text").resolve_expression(query, allow_joins, reuse, summarize, for_save)
        return Col(text.alias, VECTOR_COLUMN, output_field=self.output_field)


class DutchWebQuery(Func):
    """The parsed query. As a scalar subquery PostgreSQL parses it once per statement; as a plain
    call it is parsed again for every row it checks (websearch_to_tsquery is only STABLE)."""

    template = "(SELECT websearch_to_tsquery('dutch'::regconfig, %(expressions)s))"
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
        vector = StoredVector()
        tsquery = DutchWebQuery(Value(query.websearch()))
        return queryset.filter(Matches(vector, tsquery)).annotate(
            relevance=Func(vector, tsquery, function="ts_rank", output_field=FloatField())
        )
    if connection.vendor == "sqlite":
        return queryset.filter(search_entry__document__match=query.fts5()).annotate(
            relevance=-Func(F("search_entry__document"), function="bm25", output_field=FloatField())
        )
    raise ImproperlyConfigured("Zoeken in de databank werkt op PostgreSQL en SQLite.")

