"""`slim serve --production`: gunicorn with the settings of gunicorn_conf.py."""

import os
import sys


def serve_production(rest):
    """Start gunicorn in the foreground; `rest` may hold one address:port."""
    os.environ["SLIM_PRODUCTION"] = "1"
    if not os.environ.get("SLIM_SECRET_KEY"):
        print("SLIM_SECRET_KEY ontbreekt: zet een eigen, geheime sleutel (zie docs/deployment.md).", file=sys.stderr)
        return 2
    from slim.audit.key import key_configured, key_file

    if not key_configured():
        print(
            f"SLIM_AUDIT_KEY ontbreekt en {key_file()} bestaat niet: het audittrail kan niet worden verzegeld "
            "(zie SECURITY.md).",
            file=sys.stderr,
        )
        return 2
    if len(rest) > 1:
        print("gebruik: slim serve --production [adres:poort]", file=sys.stderr)
        return 2
    if rest:
        os.environ["SLIM_BIND"] = rest[0]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "slim.project.settings")
    from gunicorn.app.wsgiapp import run

    sys.argv = ["gunicorn", "--config", "python:slim.operations.gunicorn_conf"]
    return run()
