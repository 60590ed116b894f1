"""Structured logs: one JSON object per line, with the request id of the request it belongs to.

Every log line, also those of Django and other libraries through the standard logging module,
goes through structlog's ProcessorFormatter and gets the context bound by RequestIdMiddleware.
Client data stays out: the request line has the path without its query string (search words
can say something about a client), no form data, no names; the audit trail is where reading
client data is recorded, in the database.
"""

import re
import time
import uuid

import structlog
from django.core.signals import request_finished
from django.dispatch import receiver

# An id from the reverse proxy (nginx: proxy_set_header X-Request-ID $request_id) is kept when it looks like one.
INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

SHARED = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.add_log_level,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def json_formatter():
    """The formatter of settings.LOGGING: any log record as one JSON line."""
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=SHARED,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ],
    )


def configure():
    structlog.configure(
        processors=[structlog.stdlib.filter_by_level, *SHARED, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


class RequestIdMiddleware:
    """Give each request an id, bind it into every log line of that request, and log the request once."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.log = structlog.get_logger("slim.request")

    def __call__(self, request):
        from django.conf import settings

        incoming = request.headers.get("X-Request-ID", "")
        trusted = settings.SLIM_TRUST_PROXY and INCOMING_ID.match(incoming)
        request_id = incoming if trusted else uuid.uuid4().hex
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        user = getattr(request, "user", None)
        self.log.info(
            "request",
            method=request.method,
            path=request.path,  # without the query string
            status=response.status_code,
            ms=round((time.perf_counter() - started) * 1000, 1),
            user_id=user.pk if user is not None and user.is_authenticated else None,
        )
        return response


@receiver(request_finished)
def _forget_request_id(**kwargs):
    # Only now: Django logs a 4xx/5xx response ("Not Found: ...") after the middleware has returned.
    structlog.contextvars.clear_contextvars()

