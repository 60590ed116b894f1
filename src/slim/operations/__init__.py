"""Running SLIM in production: health checks, the gunicorn configuration, backup and restore."""
