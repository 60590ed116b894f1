"""One error shape for the whole API: {"error", "detail", "field"}.

Bad input must always come back as a 4xx with a reason a developer can act on,
whether the engine, a serializer or DRF itself found the problem.
"""

from django.http import Http404
from drf_spectacular.utils import inline_serializer
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from slim.core import InputError

# The same shape in the OpenAPI schema, for the 4xx responses of every endpoint.
ERROR = inline_serializer(
    "Error",
    {
        "error": serializers.CharField(),
        "detail": serializers.CharField(),
        "detail_en": serializers.CharField(required=False),
        "field": serializers.CharField(allow_null=True, required=False),
    },
)


def exception_handler(exc, context):
    if isinstance(exc, InputError):
        body = {"error": exc.code, "detail": exc.message, "detail_en": exc.message_en, "field": exc.field}
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        field, message = _first_error(exc.detail)
        response.data = {"error": "invalid", "detail": message, "field": field}
    elif isinstance(exc, exceptions.APIException):
        response.data = {"error": exc.default_code, "detail": str(exc.detail), "field": None}
    return response


def _first_error(detail, path=""):
    """Walk DRF's nested error structure down to the first message and its field path."""
    if isinstance(detail, dict):
        key, value = next(iter(detail.items()))
        name = "" if key == "non_field_errors" else str(key)
        return _first_error(value, f"{path}.{name}".strip(".") if name else path)
    if isinstance(detail, list) and detail:
        return _first_error(detail[0], path)
    return (path or None), str(detail)
