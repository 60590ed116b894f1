"""Health checks for a load balancer or monitoring.

/gezond/ answers without touching the database: the process is alive and Django
serves requests. /gezond/database/ also runs one query, so a balancer can take an
app server out of rotation when it cannot reach PostgreSQL. Neither reveals anything
but "ok" or "unavailable".
"""

from django.db import DatabaseError, connection
from django.http import HttpResponse
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
