"""Search in the databank; the one implementation behind the search page and the API.

Parameters are read and checked here: a bad value raises InputError, which the
page shows as a message and the API returns as a 400. Text, facet filters,
'fits this client' and sorting then become one SQL query. Facet counts come
from per-term bitmaps over the ids of the text matches (facetbits.py), or,
without text, from GROUP BY queries on InterventionTag; within a facet
the selected values are alternatives (OR), so each facet is counted over the
results of all *other* selections, which tells the reader how many results
ticking one more value gives. Across facets the selections all apply (AND).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from slim.core import InputError

from . import catalogue, facetbits, fit, fulltext
from .catalogue import Terms
from .models import Intervention, InterventionTag
from .parameters import listed
from .presentation import Description, summarise
from .query import Query, corrections, parse
from .vocabulary import BY_FACET, FACETS

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000
SORTS = {"relevance": _("relevantie"), "name": _("naam"), "recognition": _("erkenningsniveau")}
PARAMETERS = ("q", *BY_FACET, "fit", "sort", "page", "page_size")


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet -> selected codes
    fit: tuple[fit.ClientLogic, ...] = ()
    sort: str = ""  # as asked; empty means the default
    page: int = 1
    page_size: int = PAGE_SIZE

    @classmethod
    def from_query(cls, query, strict: bool = False) -> SearchParams:
        """Read a QueryDict; strict (the API) also refuses parameters it does not know."""
        if strict:
            for name in query:
                if name not in PARAMETERS:
                    raise InputError(
                        "unknown_parameter",
                        f"Onbekende parameter '{name}'. Mogelijk: {', '.join(PARAMETERS)}.",
                        f"Unknown parameter '{name}'. Possible: {', '.join(PARAMETERS)}.",
                        name,
                    )
        filters = {}
        for name, vocabulary in BY_FACET.items():
            codes = listed(query.getlist(name))
            for code in codes:
                if code not in vocabulary.terms:
                    raise InputError(
                        "unknown_value",
                        f"Onbekende waarde '{code}' voor {name}. Kies uit: {', '.join(vocabulary.terms)}.",
                        f"Unknown value '{code}' for {name}. Choose from: {', '.join(vocabulary.terms)}.",
                        name,
                    )
            if codes:
                filters[name] = tuple(codes)
        sort = query.get("sort", "").strip()
        if sort and sort not in SORTS:
            raise InputError(
                "invalid_sort",
                f"Onbekende sortering '{sort}'. Kies uit: {', '.join(SORTS)}.",
                f"Unknown sort order '{sort}'. Choose from: {', '.join(SORTS)}.",
                "sort",
            )
        return cls(
            q=query.get("q", "").strip(),
            filters=filters,
            fit=fit.parse(query.getlist("fit")),
            sort=sort,
            page=_number(query.get("page"), "page", 1, MAX_PAGE, 1),
            page_size=_number(query.get("page_size"), "page_size", 1, MAX_PAGE_SIZE, PAGE_SIZE),
        )


def _number(value, name, low, high, default) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise InputError(
            f"invalid_{name}",
            f"'{value}' is geen geldige waarde voor {name}: gebruik een geheel getal van {low} tot en met {high}.",
            f"'{value}' is not a valid {name}: use a whole number from {low} to {high}.",
            name,
        )
    return number


@dataclass(frozen=True)
class FacetOption:
    value: str
    title: dict
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: tuple[FacetOption, ...]


class Summary(NamedTuple):
    """One result as the page statement reads it (store.SUMMARY_FIELDS and the relevance): a
    results list needs no model instances, which cost more to make than the rest of a hit."""

    pk: int
    slug: str
    name: str
    summary: str
    relevance: float | None  # None without a text query


@dataclass(frozen=True)
class Hit:
    item: Description  # item.obj is a Summary
    relevance: float | None
    fit: fit.Fit | None


@dataclass(frozen=True)
class SearchResult:
    params: SearchParams
    query: str  # the text query as searched (after correction), in normalised form
    corrected_from: str | None  # the reader's query when words were corrected ('Bedoelde je ...?')
    ignored_query: bool  # the query had no words to search for (only stopwords or punctuation)
    sort: str
    count: int
    hits: tuple[Hit, ...]
    facets: tuple[Facet, ...]

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.params.page_size))


def search(params: SearchParams) -> SearchResult:
    known = catalogue.current()
    terms = known.terms
    query, corrected_from = _text_query(params.q, known)
    sort = params.sort or ("relevance" if query else "name")
    if sort == "relevance" and not query:
        sort = "name"
    if query:  # a text search counts its results and facets from bitmaps of its matches (facetbits.py)
        bits = facetbits.Matches(fulltext.matching_ids(query), known.bitmaps)
        count = bits.total(params.filters, terms)
    else:
        bits = None
        count = _filtered(Intervention.objects.all(), params.filters, terms).count()
    page = _page(query, params, terms, sort)
    hits = tuple(Hit(item, item.obj.relevance, _fit(params.fit, item)) for item in summarise(page, known))
    return SearchResult(
        params=params,
        query=query.websearch() if query else "",
        corrected_from=corrected_from,
        ignored_query=bool(params.q) and not query,
        sort=sort,
        count=count,
        hits=hits,
        facets=_facets(bits, params.filters, terms),
    )


# After the fit score (when asked for), the page is ordered by these columns of the inner query.
ORDER = {
    "relevance": ("relevance DESC", "name", "slug"),
    "recognition": ("recognition_rank DESC NULLS LAST", "name", "slug"),
    "name": ("name", "slug"),
}


def _page(query: Query | None, params: SearchParams, terms: Terms, sort: str) -> list[Summary]:
    """One page of results.

    One statement, written out by hand: building it through the ORM, compiling it and turning
    its rows into models cost 1 to 2 ms of Python per search, up to half of what the database
    needed for it. The inner query chooses the page from narrow columns only (on PostgreSQL an
    index): reading the long texts of every match to sort them was most of the cost of a broad
    search. The outer query reads the texts of that page alone.
    """
    columns, order = ["i.id", "i.name", "i.slug"], list(ORDER[sort])
    tables, conditions, values = "interventions_intervention i", [], []
    if sort == "recognition":
        columns.append("i.recognition_rank")
    if params.fit:
        columns.append(f"({fit.score_sql(params.fit, 'i.logic_mask')}) AS fit_score")
        order.insert(0, "fit_score DESC")
    if query:
        rank, rank_values = fulltext.rank_sql(query)
        match, match_values = fulltext.match_sql(query)
        columns.append(f"{rank} AS relevance")
        tables += " JOIN interventions_fts ON interventions_fts.rowid = i.id"
        conditions.append(match)
        values += rank_values + match_values  # in statement order: the columns, then the conditions
    for facet, codes in params.filters.items():  # the same selection as _filtered
        ids = terms.of(facet, codes)
        if not ids:  # only codes that no intervention has
            return []
        placeholders = ", ".join(["%s"] * len(ids))
        conditions.append(f"i.id IN (SELECT intervention_id FROM interventions_interventiontag WHERE term_id IN ({placeholders}))")
        values += ids
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    chosen = f"SELECT {', '.join(columns)} FROM {tables}{where} ORDER BY {', '.join(order)} LIMIT %s OFFSET %s"
    read = "i.id, i.slug, i.name, i.summary" + (", page.relevance" if query else "")  # the fields of Summary
    sql = (
        f"SELECT {read} FROM ({chosen}) page JOIN interventions_intervention i ON i.id = page.id "
        f"ORDER BY {', '.join('page.' + column for column in order)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, params.page_size, (params.page - 1) * params.page_size])
        rows = cursor.fetchall()
    return [Summary(*row) if query else Summary(*row, relevance=None) for row in rows]


def _fit(client: tuple, item: Description) -> fit.Fit | None:
    return fit.explain(client, item.obj.name, item.record["logics"]) if client else None


def _text_query(text: str, known: catalogue.Catalogue) -> tuple[Query | None, str | None]:
    """The query to search with, and the reader's own wording if words had to be corrected."""
    if not text:
        return None, None
    query = parse(text)
    if query.empty:
        return None, None
    fixes = corrections(query, known)
    if not fixes:
        return query, None
    return query.corrected(fixes), query.websearch()


def _filtered(queryset, filters: dict, terms: Terms, skip: str | None = None):
    for facet, codes in filters.items():
        if facet != skip:
            tagged = InterventionTag.objects.filter(term_id__in=terms.of(facet, codes)).values("intervention_id")
            queryset = queryset.filter(pk__in=tagged)
    return queryset


def _term_counts(matches, filters: dict, terms: Terms, skip: str | None, names: list[str]):
    """(term id, interventions) over the results of every selection but skip's, from the tags.

    `matches`: the interventions to count over, None for all (searches without text; the tests
    pass a text match to check the bitmaps against the tags).
    """
    # Every tag belongs to one of the facets: without a term condition the planner reads
    # the tags per matching intervention instead of every tag of a facet.
    tags = InterventionTag.objects.all()
    if len(names) < len(FACETS):
        tags = tags.filter(term_id__in=[pk for name in names for pk in terms.of(name)])
    if matches is not None or any(name != skip for name in filters):  # else: counted over everything
        scope = _filtered(matches if matches is not None else Intervention.objects.all(), filters, terms, skip)
        tags = tags.filter(intervention__in=scope)
    # COUNT(*), not COUNT(id): the (intervention, term) index then answers without reading the tags.
    return tags.values_list("term_id").annotate(number=Count("*")).order_by()


def _facets(bits: facetbits.Matches | None, filters: dict, terms: Terms) -> tuple[Facet, ...]:
    """Counts per facet value; `bits` holds the matches of a text search, None counts everything.

    With a text query the counts come from the bitmaps of its matches (facetbits.py);
    without one, from the tag index, which counts everything fast.
    """
    counts = {vocabulary.name: {} for vocabulary in FACETS}  # facet -> {code: interventions}
    groups = [(None, [f.name for f in FACETS if f.name not in filters])] + [(name, [name]) for name in filters]
    for skip, names in groups:
        if not names:
            continue
        if bits is not None:
            numbers = bits.counts(filters, terms, skip, terms.of(skip) if skip else None).items()
        else:
            numbers = _term_counts(None, filters, terms, skip, names)
        for term, number in numbers:
            facet, code = terms.by_id[term]
            if facet in names:
                counts[facet][code] = number
    facets = []
    for vocabulary in FACETS:
        selected, numbers, options = filters.get(vocabulary.name, ()), counts[vocabulary.name], []
        for code, term in vocabulary.terms.items():
            number = numbers.get(code, 0)
            if number or code in selected:
                options.append(FacetOption(code, term.title, number, code in selected))
        facets.append(Facet(vocabulary.name, vocabulary.label, tuple(options)))
    return tuple(facets)
