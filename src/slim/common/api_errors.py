"""One error shape for the whole API: {"error", "detail", "field"}.

Bad input must always come back as a 4xx with a reason a developer can act on,
whether the engine, a serializer or DRF itself found the problem.
"""

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, JsonResponse
from django.views import defaults
from django.views.csrf import csrf_failure as html_csrf_failure
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
    if isinstance(exc, RequestDataTooBig):
        return Response(TOO_BIG, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
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


# Outside DRF's views -----------------------------------------------------------------------------
# Django's own error pages (400, 403, 404, 405, 500, CSRF) are HTML. Under /api/ every error is the
# JSON shape above instead: Django's error handlers and CSRF failure view are pointed here (project
# urls and settings), and ApiErrorsMiddleware turns any other non-JSON error under /api/ into JSON.

API_PREFIX = "/api/"
TOO_BIG = {
    "error": "too_large",
    "detail": "Het verzoek is te groot (maximaal 2,5 MB).",
    "detail_en": "The request body is too large (at most 2.5 MB).",
    "field": None,
}
REASONS = {
    400: ("bad_request", "Het verzoek is ongeldig.", "The request is invalid."),
    401: ("not_authenticated", "Log eerst in.", "Authentication is required."),
    403: ("permission_denied", "Dit mag je niet doen.", "You may not do this."),
    404: ("not_found", "Niet gevonden.", "Not found."),
    405: ("method_not_allowed", "Deze methode is hier niet toegestaan.", "This method is not allowed here."),
    413: ("too_large", TOO_BIG["detail"], TOO_BIG["detail_en"]),
    500: ("server_error", "Er ging iets mis op de server.", "Something went wrong on the server."),
}


def is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def json_error(status_code: int, detail_en: str | None = None) -> JsonResponse:
    code, detail, default_en = REASONS.get(status_code, (f"http_{status_code}", f"HTTP {status_code}", f"HTTP {status_code}"))
    body = {"error": code, "detail": detail, "detail_en": detail_en or default_en, "field": None}
    return JsonResponse(body, status=status_code)


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        if is_api(request):
            return JsonResponse(TOO_BIG, status=413)
        return defaults.bad_request(request, exception)
    if is_api(request):
        return json_error(400, str(exception) if exception else None)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception=None):
    return json_error(403) if is_api(request) else defaults.permission_denied(request, exception)


def page_not_found(request, exception=None):
    return json_error(404) if is_api(request) else defaults.page_not_found(request, exception)


def server_error(request):
    return json_error(500) if is_api(request) else defaults.server_error(request)


def csrf_failure(request, reason=""):
    if is_api(request):
        return json_error(403, f"CSRF check failed: {reason}")
    return html_csrf_failure(request, reason=reason)


class ApiErrorsMiddleware:
    """Any error response under /api/ that is not JSON (a 405 of a plain view, say) becomes JSON."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_api(request) and response.status_code >= 400 and "json" not in response.get("Content-Type", ""):
            replacement = json_error(response.status_code)
            for header in ("Allow", "WWW-Authenticate"):
                if header in response:
                    replacement[header] = response[header]
            return replacement
        return response
