"""Search in the databank; the one implementation behind the search page and the API.

Parameters are read and checked here: a bad value raises InputError, which the
page shows as a message and the API returns as a 400. Text, facet filters,
'fits this client' and sorting then become one ORM query. Facet counts are
GROUP BY queries on InterventionTag over the matches; within a facet
the selected values are alternatives (OR), so each facet is counted over the
results of all *other* selections, which tells the reader how many results
ticking one more value gives. Across facets the selections all apply (AND).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from slim.core import InputError

from . import catalogue, fit, fulltext
from .catalogue import Terms
from .models import Intervention, InterventionTag
from .parameters import listed
from .presentation import Description, Summary, summarise
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
    item: Description  # item.obj is a Summary
    relevance: float | None
    fit: fit.Fit | None


@dataclass(frozen=True)
class SearchResult:
    params: SearchParams
    query: str  # the text query as searched: the reader's own words, in normalised form
    suggestion: str | None  # 'Bedoelde je ...?': the query with words that occur nowhere replaced (never searched by itself)
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
    query, suggestion = _text_query(params.q, known)
    sort = params.sort or ("relevance" if query else "name")
    if sort == "relevance" and not query:
        sort = "name"
    matches = fulltext.matching_ids(query) if query else None  # a subquery of intervention ids
    everything = Intervention.objects.all()
    count = _filtered(everything.filter(pk__in=matches) if query else everything, params.filters, terms).count()
    page = _page(query, params, terms, sort) if count else []
    hits = tuple(Hit(item, item.obj.relevance, _fit(params.fit, item)) for item in summarise(page))
    return SearchResult(
        params=params,
        query=query.websearch() if query else "",
        suggestion=suggestion,
        ignored_query=bool(params.q) and not query,
        sort=sort,
        count=count,
        hits=hits,
        facets=_facets(matches, params.filters, terms),
    )


# After the fit score (when asked for), the page is ordered by these.
ORDER = {
    "relevance": ("-relevance", "name", "slug"),
    "recognition": (F("recognition_rank").desc(nulls_last=True), "name", "slug"),
    "name": ("name", "slug"),
}


def _page(query: Query | None, params: SearchParams, terms: Terms, sort: str) -> list[Summary]:
    """One page of results, ordered by fit (when asked for), then the sort."""
    chosen, order = Intervention.objects.all(), list(ORDER[sort])
    if params.fit:
        score = RawSQL(fit.score_sql(params.fit, connection.ops.quote_name(Intervention._meta.db_table) + ".logic_mask"), ())
        chosen = chosen.annotate(fit_score=score)
        order.insert(0, "-fit_score")
    if query:
        chosen = fulltext.matching(chosen, query).annotate(relevance=fulltext.rank(query))
    chosen = _filtered(chosen, params.filters, terms).order_by(*order)
    start = (params.page - 1) * params.page_size
    # Chosen from narrow columns, then the texts of that page alone: sorting every match with
    # its summary was most of the cost of a broad search.
    page = list(chosen.values_list("pk", "relevance" if query else "pk")[start : start + params.page_size])
    texts = Intervention.objects.filter(pk__in=[pk for pk, _ in page]).values_list("pk", "slug", "name", "summary")
    rows = {row[0]: row for row in texts}
    return [Summary(*rows[pk], relevance=relevance if query else None) for pk, relevance in page]


def _fit(client: tuple, item: Description) -> fit.Fit | None:
    return fit.explain_record(client, item.obj.name, item.record) if client else None


def _text_query(text: str, known: catalogue.Catalogue) -> tuple[Query | None, str | None]:
    """The query to search with (always the reader's own words) and a suggestion when a word occurs nowhere.

    The suggestion is only offered ('Bedoelde je ...?' as a link), never searched instead:
    'opvoeding puber' must not silently become 'opvoeding per'."""
    if not text:
        return None, None
    query = parse(text)
    if query.empty:
        return None, None
    fixes = corrections(query, known)
    return query, (query.corrected(fixes).websearch() if fixes else None)


def _filtered(queryset, filters: dict, terms: Terms, skip: str | None = None, column: str = "pk"):
    """Only the rows (whose intervention is `column`) carrying a selected code of every facet but skip."""
    for facet, codes in filters.items():
        if facet != skip:
            tagged = InterventionTag.objects.filter(term_id__in=terms.of(facet, codes)).values("intervention_id")
            queryset = queryset.filter(**{f"{column}__in": tagged})
    return queryset


def _counts(matches, filters: dict, terms: Terms) -> dict[int, int]:
    """{term id: interventions} over the matches (None: all), in one GROUP BY over their tags.

    A term of a facet with a selection is counted over the results of every *other* selection,
    a term of any other facet over the results of all of them: one conditional count each.
    """
    tags = InterventionTag.objects.all()
    if matches is not None:
        tags = tags.filter(intervention_id__in=matches)
    selected = {
        facet: Q(intervention_id__in=InterventionTag.objects.filter(term_id__in=terms.of(facet, codes)).values("intervention_id"))
        for facet, codes in filters.items()
    }

    def passing(skip=None):
        conditions = [condition for facet, condition in selected.items() if facet != skip]
        return Q(*conditions) if conditions else None

    def count(condition):  # COUNT(*) lets the (intervention, term) index answer without reading the tags
        return Count("*") if condition is None else Count("intervention_id", filter=condition)

    columns = {"all": count(passing())}
    columns.update((f"but_{number}", count(passing(facet))) for number, facet in enumerate(selected))
    counted = {}
    skip_column = {facet: f"but_{number}" for number, facet in enumerate(selected)}
    for row in tags.values("term_id").annotate(**columns).order_by():
        facet, _ = terms.by_id[row["term_id"]]
        counted[row["term_id"]] = row[skip_column.get(facet, "all")]
    return counted


def _facets(matches, filters: dict, terms: Terms) -> tuple[Facet, ...]:
    """Counts per facet value over `matches` (the text matches; None: every intervention)."""
    counts = {vocabulary.name: {} for vocabulary in FACETS}  # facet -> {code: interventions}
    for term, number in _counts(matches, filters, terms).items():
        facet, code = terms.by_id[term]
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
