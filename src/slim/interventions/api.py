"""REST endpoints of the databank: the same search as the page, and one intervention.

Public, like the pages: the databank holds knowledge, no client data. The
serializers below describe the responses for the OpenAPI schema; the responses
themselves are built as plain dicts from the same objects the pages use.
"""

import functools

from django.urls import get_script_prefix, reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from slim.common.api_errors import ERROR

from .fields import FIELDS
from .models import Intervention
from .presentation import Description, describe
from .records import with_derived
from .search import MAX_PAGE_SIZE, PAGE_SIZE, SORTS, SearchParams, search
from .vocabulary import FACETS


class TextSerializer(serializers.Serializer):
    nl = serializers.CharField()
    en = serializers.CharField()


class RecognitionSerializer(serializers.Serializer):
    scheme = serializers.CharField()
    level = serializers.CharField()
    date = serializers.CharField(allow_null=True, help_text="JJJJ, JJJJ-MM of JJJJ-MM-DD; null = onbekend")
    valid_until = serializers.CharField(allow_null=True, help_text="datum + geldigheidsduur van het niveau")
    current = serializers.BooleanField(allow_null=True, help_text="nog geldig; null als er geen geldigheid is")
    note = serializers.CharField(allow_null=True)
    verified = serializers.BooleanField(help_text="false: staat in een bron die we niet konden bevestigen")


class ReasonSerializer(serializers.Serializer):
    domain = serializers.CharField()
    logic = serializers.CharField()
    message = TextSerializer()


class WarningSerializer(serializers.Serializer):
    kind = serializers.CharField()
    message = TextSerializer()
    severity = serializers.CharField()
    inferred = serializers.BooleanField()
    subject = serializers.CharField(allow_null=True)
    subject_kind = serializers.CharField(allow_null=True)
    subject_logic = serializers.CharField(allow_null=True)
    client_logic = serializers.CharField(allow_null=True)
    consequence = TextSerializer(allow_null=True)
    risks = serializers.ListField(child=serializers.CharField())


class ClashSerializer(serializers.Serializer):
    domain = serializers.CharField()
    client_logic = serializers.CharField()
    warnings = WarningSerializer(many=True)


class FitSerializer(serializers.Serializer):
    score = serializers.IntegerField(help_text="op hoeveel leefgebieden de interventie uitgaat van de logica van de cliënt")
    reasons = ReasonSerializer(many=True)
    clashes = ClashSerializer(many=True)


def _codes(help_text):
    return serializers.ListField(child=serializers.CharField(), help_text=help_text)


class HitSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.URLField()
    api_url = serializers.URLField()
    themes = _codes("codes uit themes.yaml")
    target_group_codes = _codes("codes uit target_groups.yaml")
    logics = _codes("SLIM-logica's")
    levels = _codes("micro, meso, macro")
    element_codes = _codes("werkzame elementen")
    recognitions = RecognitionSerializer(many=True)
    relevance = serializers.FloatField(allow_null=True)
    fit = FitSerializer(allow_null=True)


class FacetOptionSerializer(serializers.Serializer):
    value = serializers.CharField()
    title = TextSerializer()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class FacetSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    options = FacetOptionSerializer(many=True)


class SearchResponseSerializer(serializers.Serializer):
    query = serializers.CharField(help_text="de zoekvraag zoals gezocht (na verbetering)")
    suggested_query = serializers.CharField(
        allow_null=True,
        help_text="een voorstel als een woord in geen enkele interventie voorkomt ('Bedoelde je ...?'); "
        "gezocht is altijd op de zoekvraag zoals gegeven",
    )
    ignored_query = serializers.BooleanField(help_text="de zoekvraag had geen woorden om op te zoeken")
    sort = serializers.ChoiceField(choices=list(SORTS))
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = HitSerializer(many=True)
    facets = FacetSerializer(many=True)


def _serializer_field(field):
    """The API shape of one field of the specification (fields.FIELDS)."""
    if field.kind == "recognitions":
        return RecognitionSerializer(many=True)
    if field.kind == "boolean":
        return serializers.BooleanField(allow_null=True)
    if field.kind == "date":
        return serializers.CharField(allow_null=True, help_text=field.help)
    if field.is_list:
        return _codes(field.help)
    if field.url:
        return serializers.URLField()
    return serializers.CharField(allow_null=field.nullable)


InterventionSerializer = type(
    "InterventionSerializer",
    (serializers.Serializer,),
    {**{field.name: _serializer_field(field) for field in FIELDS}, "url": serializers.URLField()},
)


def _parameters():
    parameters = [
        OpenApiParameter("q", str, description='Zoekvraag: alle woorden moeten voorkomen; "woordgroep", or, -uitsluiten.'),
    ]
    parameters += [
        OpenApiParameter(
            vocabulary.name, str, many=True, enum=list(vocabulary.terms),
            description=f"{vocabulary.label}: herhaal of scheid met komma's; binnen een filter OF, tussen filters EN.",
        )
        for vocabulary in FACETS
    ]
    parameters += [
        OpenApiParameter("fit", str, many=True, description="Logica van de cliënt per leefgebied, bijv. werk:competenties."),
        OpenApiParameter("sort", str, enum=list(SORTS), description="Standaard relevantie bij een zoekvraag, anders naam."),
        OpenApiParameter("page", int, description="Vanaf 1."),
        OpenApiParameter("page_size", int, description=f"1 tot en met {MAX_PAGE_SIZE}; standaard {PAGE_SIZE}."),
    ]
    return parameters


@functools.lru_cache(maxsize=16)
def _link_paths(script_prefix: str) -> tuple[str, str]:
    """The paths of an intervention's page and API entry, with _Links.MARK for the slug.

    Reversing cost more than the rest of a response's links; the answer changes with nothing
    but the script prefix (the cache key), which a deployment under a sub-path sets.
    """
    return reverse("interventions:detail", args=[_Links.MARK]), reverse("api-intervention", args=[_Links.MARK])


class _Links:
    """Absolute URLs of an intervention's page and API entry: made once per response, not per hit."""

    MARK = "__slug__"

    def __init__(self, request):
        page, api = _link_paths(get_script_prefix())
        self.page = request.build_absolute_uri(page)
        self.api = request.build_absolute_uri(api)

    def __call__(self, slug) -> dict:
        return {"url": self.page.replace(self.MARK, slug), "api_url": self.api.replace(self.MARK, slug)}


def _hit(hit, links: _Links) -> dict:
    record = hit.item.record
    return {
        "slug": record["slug"],
        "name": record["name"],
        "summary": record["summary"],
        **links(record["slug"]),
        **{name: record[name] for name in ("themes", "target_group_codes", "logics", "levels", "element_codes")},
        "recognitions": [recognition.to_dict() for recognition in hit.item.recognitions],
        "relevance": hit.relevance,
        "fit": hit.fit.to_dict() if hit.fit else None,
    }


def _detail(item: Description, links: _Links) -> dict:
    return {
        **with_derived(item.record),
        "recognitions": [recognition.to_dict() for recognition in item.recognitions],
        "url": links(item.record["slug"])["url"],
    }


class InterventionSearchView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="interventions_search",
        summary="Zoek interventies (tekst, filters, past bij deze cliënt)",
        parameters=_parameters(),
        responses={200: SearchResponseSerializer, 400: ERROR},
    )
    def get(self, request):
        result = search(SearchParams.from_query(request.query_params, strict=True))
        links = _Links(request)
        return Response(
            {
                "query": result.query,
                "suggested_query": result.suggestion,
                "ignored_query": result.ignored_query,
                "sort": result.sort,
                "count": result.count,
                "page": result.params.page,
                "page_size": result.params.page_size,
                "pages": result.pages,
                "results": [_hit(hit, links) for hit in result.hits],
                "facets": [
                    {
                        "name": facet.name,
                        "label": str(facet.label),
                        "options": [vars(option) for option in facet.options],
                    }
                    for facet in result.facets
                ],
            }
        )


class InterventionDetailView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="interventions_detail",
        summary="Eén interventie, met erkenning per regeling en geldigheid",
        responses={200: InterventionSerializer, 404: ERROR},
    )
    def get(self, request, slug):
        obj = Intervention.objects.filter(slug=slug).first()
        if obj is None:
            raise NotFound(f"Onbekende interventie '{slug}'.")
        return Response(_detail(describe([obj])[0], _Links(request)))
