"""Where a request came from, for the audit trail and the lockout."""

from django.conf import settings


def client_ip(request):
    """The client's address; X-Forwarded-For only counts behind a trusted reverse proxy."""
    if settings.SLIM_TRUST_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip() or None
    return request.META.get("REMOTE_ADDR") or None
