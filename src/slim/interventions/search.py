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

from django.db import connection
from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _

from slim.core import InputError

from . import facetbits, fit, fulltext
from .models import Intervention, InterventionTag, Term
from .parameters import listed
from .presentation import Description, describe
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


@dataclass(frozen=True)
class Hit:
    item: Description
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
    query, corrected_from = _text_query(params.q)
    terms = Terms()
    matches = fulltext.search(Intervention.objects.all(), query) if query else Intervention.objects.all()
    results = _filtered(matches, params.filters, terms)
    sort = params.sort or ("relevance" if query else "name")
    if sort == "relevance" and not query:
        sort = "name"
    # A text search counts its results and facets from bitmaps of its matches (facetbits.py).
    bits = facetbits.Matches(fulltext.matching_ids(query)) if query else None
    count = bits.total(params.filters, terms) if bits else results.count()
    objs = _page(_ordered(results, params.fit, sort), (params.page - 1) * params.page_size, params.page_size)
    hits = tuple(
        Hit(item, getattr(item.obj, "relevance", None), _fit(params.fit, item))
        for item in describe(objs)
    )
    return SearchResult(
        params=params,
        query=query.websearch() if query else "",
        corrected_from=corrected_from,
        ignored_query=bool(params.q) and not query,
        sort=sort,
        count=count,
        hits=hits,
        facets=_facets(bits, matches if query else None, params.filters, terms),
    )


def _page(ordered, start: int, size: int) -> list[Intervention]:
    """One page of results.

    PostgreSQL in two steps: first which ones, from the narrow columns only (an index); then the
    texts of just that page. Reading the long texts of every match to sort them was most of the
    cost of a broad search there. SQLite reads its FTS5 index and the rows in one query.
    """
    if connection.vendor != "postgresql":
        return list(ordered.defer("search_text", "stemmed_text")[start : start + size])
    ranked = "relevance" in ordered.query.annotations
    rows = list(ordered.values_list(*(("pk", "relevance") if ranked else ("pk",)))[start : start + size])
    found = Intervention.objects.defer("search_text", "stemmed_text").in_bulk([row[0] for row in rows])
    objs = []
    for row in rows:
        obj = found[row[0]]
        if ranked:
            obj.relevance = row[1]
        objs.append(obj)
    return objs


def _fit(client: tuple, item: Description) -> fit.Fit | None:
    return fit.explain(client, item.obj.name, item.record["logics"]) if client else None


def _text_query(text: str) -> tuple[Query | None, str | None]:
    """The query to search with, and the reader's own wording if words had to be corrected."""
    if not text:
        return None, None
    query = parse(text)
    if query.empty:
        return None, None
    fixes = corrections(query)
    if not fixes:
        return query, None
    return query.corrected(fixes), query.websearch()


class Terms:
    """The stored terms, read once per search: filters and counts work on their ids."""

    def __init__(self):
        self.by_id = {pk: (facet, code) for pk, facet, code in Term.objects.values_list("pk", "facet", "code")}
        self.ids = {key: pk for pk, key in self.by_id.items()}

    def of(self, facet: str, codes=None) -> list[int]:
        """Ids of these codes of a facet, or of all its codes (a code no intervention has, has no term)."""
        return [pk for (name, code), pk in self.ids.items() if name == facet and (codes is None or code in codes)]


def _filtered(queryset, filters: dict, terms: Terms, skip: str | None = None):
    for facet, codes in filters.items():
        if facet != skip:
            tagged = InterventionTag.objects.filter(term_id__in=terms.of(facet, codes)).values("intervention_id")
            queryset = queryset.filter(pk__in=tagged)
    return queryset


def _ordered(queryset, client: tuple, sort: str):
    order = []
    if client:
        queryset = queryset.annotate(fit_score=fit.score_expression(client))
        order.append(F("fit_score").desc())
    if sort == "relevance":
        order.append(F("relevance").desc())
    elif sort == "recognition":
        order.append(F("recognition_rank").desc(nulls_last=True))
    return queryset.order_by(*order, "name", "slug")


def _term_counts(matches, filters: dict, terms: Terms, skip: str | None, names: list[str]):
    """(term id, interventions) over the results of every selection but skip's, from the tags."""
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


def _facets(bits: facetbits.Matches | None, matches, filters: dict, terms: Terms) -> tuple[Facet, ...]:
    """Counts per facet value; `matches` is the text-matched set, or None for everything.

    With a text query the counts come from the bitmaps of its matches (facetbits.py);
    without one, from the tag index, which counts everything fast.
    """
    counts = {}
    groups = [(None, [f.name for f in FACETS if f.name not in filters])] + [(name, [name]) for name in filters]
    for skip, names in groups:
        if not names:
            continue
        if bits is not None:
            numbers = bits.counts(filters, terms, skip).items()
        else:
            numbers = _term_counts(matches, filters, terms, skip, names)
        for term, number in numbers:
            key = terms.by_id[term]
            if key[0] in names:
                counts[key] = number
    facets = []
    for vocabulary in FACETS:
        selected = filters.get(vocabulary.name, ())
        options = tuple(
            FacetOption(code, term.title, counts.get((vocabulary.name, code), 0), code in selected)
            for code, term in vocabulary.terms.items()
            if counts.get((vocabulary.name, code)) or code in selected
        )
        facets.append(Facet(vocabulary.name, vocabulary.label, options))
    return tuple(facets)
