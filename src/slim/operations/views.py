"""Health checks for a load balancer or monitoring.

/gezond/ answers without touching the database: the process is alive and Django
serves requests. /gezond/database/ also runs one query, so a balancer can take an
app server out of rotation when it cannot reach PostgreSQL. Neither reveals anything
but "ok" or "unavailable".
"""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache


def _text(body, status=200):
    return HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")


@never_cache
def live(request):
    return _text("ok\n")


@never_cache
def ready(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return _text("database unavailable\n", status=503)
    return _text("ok\n")


RETRY_AFTER_SECONDS = 10


def server_error(request):
    """handler500: a lost database connection is a 503 the user can retry, anything else a 500.

    Django calls this while it handles the exception, so sys.exc_info() holds it.
    While PostgreSQL restarts or a replica is promoted, requests fail with
    OperationalError/InterfaceError; nothing was saved by them, and trying again
    in a few seconds works. The API answers JSON, pages answer the Dutch page.
    """
    error = sys.exc_info()[1]
    unavailable = isinstance(error, OperationalError | InterfaceError)
    status = 503 if unavailable else 500
    if request.path.startswith("/api/"):
        body = (
            {"error": "unavailable", "detail": "De database is even niet bereikbaar. Probeer het over een paar seconden opnieuw.", "field": None}
            if unavailable
            else {"error": "server_error", "detail": "Er ging iets mis op de server. Probeer het opnieuw.", "field": None}
        )
        response = JsonResponse(body, status=status)
    else:
        template = loader.get_template("503.html" if unavailable else "500.html")
        response = HttpResponse(template.render(), status=status)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
