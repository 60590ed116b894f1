# SLIM as a container: gunicorn via `slim serve --production`, as a user without privileges.
# docker-compose.yml puts PostgreSQL and nginx (TLS) next to it; see docs/deployment.md §10.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --system --create-home --home-dir /home/slim --shell /usr/sbin/nologin slim \
    && mkdir -p /var/lib/slim && chown slim:slim /var/lib/slim

WORKDIR /opt/slim
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir . && rm -rf src

ENV SLIM_PRODUCTION=1 \
    SLIM_DATA_DIR=/var/lib/slim \
    SLIM_STATIC_ROOT=/opt/slim/static \
    SLIM_BIND=0.0.0.0:8000

# Static files are collected at build time, owned by root: the running app only reads them.
# The key below exists only for this build step; the container refuses to start without its own.
RUN SLIM_SECRET_KEY=build-step-only-not-a-secret slim collectstatic --noinput -v0

USER slim
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/gezond/database/', timeout=4)"]
CMD ["slim", "serve", "--production"]
