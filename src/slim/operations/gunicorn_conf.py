"""Gunicorn settings for SLIM, read from the environment.

Use it with `slim serve --production` or directly:

    gunicorn -c python:slim.operations.gunicorn_conf slim.project.wsgi:application

SLIM_BIND          address to listen on (default 127.0.0.1:8000; the reverse proxy connects here)
SLIM_WORKERS       worker processes (default 2 x CPUs + 1)
SLIM_THREADS       threads per worker (default 1: sync workers behind a buffering proxy)
SLIM_TIMEOUT       seconds before a stuck worker is restarted (default 60; PDFs and CSV exports take a while)
SLIM_FORWARDED_ALLOW_IPS   proxies whose X-Forwarded-* headers gunicorn believes (default loopback)
SLIM_ACCESS_LOG    '-' for stdout (default), a file, or '' for none
"""

import multiprocessing
import os


def _int(name, default):
    return int(os.environ.get(name, default))


bind = os.environ.get("SLIM_BIND", "127.0.0.1:8000").split(",")
workers = _int("SLIM_WORKERS", 2 * multiprocessing.cpu_count() + 1)
threads = _int("SLIM_THREADS", 1)
timeout = _int("SLIM_TIMEOUT", 60)
graceful_timeout = 30
keepalive = 5
# Restart a worker now and then so a slow leak never grows without bound.
max_requests = _int("SLIM_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("SLIM_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("SLIM_ACCESS_LOG", "-") or None
# The access log stores no query strings: search words can say something about a client.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
logger_class = "slim.operations.gunicorn_logging.JsonLogger"  # JSON lines, like slim.common.logs
loglevel = os.environ.get("SLIM_GUNICORN_LOG_LEVEL", "info")
# Several SLIM instances may run under one user (test, acceptance, production); a shared
# control socket in the home directory would make them trip over each other.
control_socket_disable = True
proc_name = os.environ.get("SLIM_PROC_NAME", "slim")
wsgi_app = "slim.project.wsgi:application"


def on_starting(server):
    """Refuse to start without collected static files: every page would fail on them otherwise."""
    from django.conf import settings

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "slim.project.settings")
    manifest = settings.STATIC_ROOT / "staticfiles.json"
    if settings.PRODUCTION and not manifest.exists():
        raise SystemExit(
            f"Geen verzamelde statische bestanden in {settings.STATIC_ROOT}. Voer eerst `slim collectstatic --noinput` uit."
        )
