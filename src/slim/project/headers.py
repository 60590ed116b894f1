"""Security headers Django 5.2 does not set itself.

The CSP allows scripts and styles only from our own origin: no inline scripts,
so injected markup cannot run code.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

STATIC_PREFIX = "/" + settings.STATIC_URL.lstrip("/")

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# Swagger UI (the API documentation) sets inline styles; only that page allows them. Scripts stay strict.
DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class NoStoreMiddleware:
    """Nothing a logged-in person sees may stay in a browser or proxy cache.

    Case pages, gegevens.json, PDFs and CSV downloads all hold client data; instead of
    remembering a decorator per view, every response to an authenticated request gets
    `Cache-Control: private, no-store` (static files excepted: they hold no data).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Asked before the view runs: a logout view replaces request.user, but its page was still personal.
        user = getattr(request, "user", None)
        personal = user is not None and user.is_authenticated and not request.path.startswith(STATIC_PREFIX)
        response = self.get_response(request)
        if personal:
            patch_cache_control(response, private=True, no_store=True)
        return response


def with_inline_styles(view):
    """For third-party pages that style elements inline (the API documentation)."""

    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Content-Security-Policy"] = DOCS_CONTENT_SECURITY_POLICY
        return response

    return wrapped
