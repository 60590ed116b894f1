"""REST endpoints for the engine: the same functions as `slim classify` and `slim match`."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from slim.common.api_errors import ERROR
from slim.accounts.api_permissions import UsesEngine
from slim.core import classify, match_intake


class ClassifyRequest(serializers.Serializer):
    text = serializers.CharField(trim_whitespace=False, allow_blank=True, max_length=20000)
    domain = serializers.CharField(required=False, allow_null=True, allow_blank=True)


class ClassifyView(APIView):
    permission_classes = [IsAuthenticated, UsesEngine]

    @extend_schema(
        operation_id="classify",
        summary="Duid één uitspraak van een cliënt",
        request=ClassifyRequest,
        responses={200: dict, 400: ERROR},
        examples=[OpenApiExample("werk", value={"text": "Ik wil best werken, maar ik weet niet hoe dat moet.", "domain": "werk"})],
    )
    def post(self, request):
        body = ClassifyRequest(data=request.data)
        body.is_valid(raise_exception=True)
        result = classify(body.validated_data["text"], domain=body.validated_data.get("domain") or None)
        return Response(result.to_dict())


class MatchView(APIView):
    permission_classes = [IsAuthenticated, UsesEngine]

    @extend_schema(
        operation_id="match",
        summary="Duid een hele intake (per leefgebied)",
        request=dict,
        responses={200: dict, 400: ERROR},
        examples=[
            OpenApiExample(
                "intake",
                value={
                    "domains": [
                        {
                            "domain": "werk",
                            "answers": {"richting": "system", "kunnen": "not_yet", "behoefte": "leren"},
                            "statements": ["Ik wil wel een vaste baan, maar contact met collega's vind ik lastig."],
                            "approach": "kansen",
                        }
                    ]
                },
            )
        ],
    )
    def post(self, request):
        return Response(match_intake(request.data).to_dict())
