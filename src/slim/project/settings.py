"""Settings for SLIM, driven by environment variables.

The embedded default is SQLite in ./var so that `make run` works on a fresh
machine; production sets SLIM_DATABASE_URL (PostgreSQL), SLIM_SECRET_KEY,
SLIM_ALLOWED_HOSTS and SLIM_PRODUCTION=1.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from slim.common.logs import configure as configure_structlog

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("SLIM_DATA_DIR", Path.cwd() / "var")).resolve()

PRODUCTION = os.environ.get("SLIM_PRODUCTION", "") == "1"
# Debug pages (they list every URL) only on explicit request: `make run` shows SLIM's own 404/500 pages.
DEBUG = os.environ.get("SLIM_DEBUG", "0") == "1"

if PRODUCTION:
    SECRET_KEY = os.environ["SLIM_SECRET_KEY"]
else:
    SECRET_KEY = os.environ.get("SLIM_SECRET_KEY", "slim-development-only-not-for-production")

ALLOWED_HOSTS = os.environ.get("SLIM_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "slim.accounts.apps.SlimAdminConfig",  # Django's admin, with the second step required (accounts/admin_site.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "mozilla_django_oidc",
    "slim.ui",
    "slim.accounts",
    "slim.knowledge",
    "slim.clients",
    "slim.cases",
    "slim.matching",
    "slim.interventions",
    "slim.audit",
    "slim.privacy",
    "slim.mirror",
    "slim.insights",
    "slim.quality",
    "slim.portal",
    "slim.api",
    "slim.operations",
    "slim.project",  # top layer: the demo orchestration (management/commands/load_demo.py)
]

MIDDLEWARE = [
    "slim.common.logs.RequestIdMiddleware",
    "slim.common.api_errors.ApiErrorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "slim.project.headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "slim.project.sessions.IdleTimeoutMiddleware",
    "slim.project.language.ChosenLanguageMiddleware",  # Dutch unless the user chose English
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "slim.project.headers.NoStoreMiddleware",
    "slim.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "slim.audit.middleware.AuditMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# WhiteNoise serves the static files: in production the collected ones (gunicorn), with `slim serve`
# straight from the app folders (no collectstatic needed, and also without DEBUG).
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "whitenoise.middleware.WhiteNoiseMiddleware")
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION

ROOT_URLCONF = "slim.project.urls"
# Django's form templates, except that <select>, <textarea> and <input> are written in Python (ui/form_renderer.py:
# a template per option and per field was the largest cost of the case and plan pages).
FORM_RENDERER = "slim.ui.form_renderer.FormRenderer"
WSGI_APPLICATION = "slim.project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "slim.accounts.capabilities.context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="SLIM_DATABASE_URL",
        default=f"sqlite:///{DATA_DIR / 'slim.sqlite3'}",
        conn_max_age=int(os.environ.get("SLIM_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite under concurrent requests: readers never block the one writer (WAL), a writer waits
    # for the write lock instead of failing at once (timeout), and every transaction takes that
    # lock at its start (IMMEDIATE), so a transaction that read first cannot fail halfway when it
    # wants to write ("database is locked" without waiting). synchronous=NORMAL is safe with WAL.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("SLIM_SQLITE_TIMEOUT", "20")),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Optional PostgreSQL hot standby for the read-only reports (common/replica.py).
if os.environ.get("SLIM_REPLICA_DATABASE_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["SLIM_REPLICA_DATABASE_URL"], conn_max_age=DATABASES["default"]["CONN_MAX_AGE"]
    )
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["slim.common.replica.ReportRouter"]
SLIM_REPLICA_MAX_LAG_SECONDS = float(os.environ.get("SLIM_REPLICA_MAX_LAG_SECONDS", "30"))
SLIM_REPLICA_CHECK_SECONDS = float(os.environ.get("SLIM_REPLICA_CHECK_SECONDS", "5"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "home"

# Axes first: it refuses a locked-out username before any backend checks a password or an OIDC code.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

PASSWORD_HASHERS = [
    "slim.accounts.hashers.SlimArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("SLIM_STATIC_ROOT", DATA_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Idle timeout: the session ends after this many seconds without a request. The expiry moves
# forward at most once a minute (slim.project.sessions), not with a write on every request.
SESSION_COOKIE_AGE = int(os.environ.get("SLIM_SESSION_SECONDS", str(30 * 60)))
SLIM_TRUST_PROXY = os.environ.get("SLIM_TRUST_PROXY", "") == "1"
# Anonymise clients this many years after their last case closed (slim apply-retention).
SLIM_RETENTION_YEARS = int(os.environ.get("SLIM_RETENTION_YEARS", "7"))
# The policy dashboards answer from a stored snapshot of their figures no older than this (insights/models.py).
SLIM_INSIGHTS_MAX_AGE_MINUTES = int(os.environ.get("SLIM_INSIGHTS_MAX_AGE_MINUTES", "15"))

# Team mirror: per-element results, minima, maxima and spread only when at least this many members
# answered (below that a figure could be one person's score: "niemand ziet wie wat heeft gescoord").
SLIM_MIRROR_MIN_RESPONDENTS = int(os.environ.get("SLIM_MIRROR_MIN_RESPONDENTS", "3"))

# Lockout (django-axes), the same for every login path (our form, /beheer/, OIDC), with two limits:
# 5 failures per username (over all addresses) and 50 per address (over all usernames), each in 15
# minutes. The address limit is high because a municipality's staff share one outgoing address.
# Axes has one limit per setting; the second one is counted in slim.accounts.lockout.SlimAxesHandler.
AXES_HANDLER = "slim.accounts.lockout.SlimAxesHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("SLIM_LOCKOUT_ATTEMPTS", "5"))
SLIM_LOCKOUT_ADDRESS_ATTEMPTS = int(os.environ.get("SLIM_LOCKOUT_ADDRESS_ATTEMPTS", "50"))
AXES_COOLOFF_TIME = timedelta(seconds=int(os.environ.get("SLIM_LOCKOUT_SECONDS", str(15 * 60))))
# Only "username" here: it also decides which failures a good login clears (only that user's).
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 asks for "ip_address" in AXES_LOCKOUT_PARAMETERS; that would put the address under the
# username's limit of 5. The address is counted by SlimAxesHandler instead (SECURITY.md, 'Inloggen').
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "slim.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "slim.accounts.net.client_ip"
AXES_VERBOSE = False

# Second step (django-otp): wrong codes slow down exponentially (1, 2, 4 ... seconds) per device.
OTP_TOTP_ISSUER = "SLIM"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Staff login through the municipality's identity provider (OpenID Connect); off unless configured.
from slim.accounts.oidc_settings import oidc_settings  # noqa: E402

globals().update(oidc_settings(os.environ))
if SLIM_OIDC_ENABLED:  # noqa: F821 - set by oidc_settings
    AUTHENTICATION_BACKENDS.append("slim.accounts.oidc.SlimOIDCBackend")

# The accessibility statement (/toegankelijkheid/): who offers SLIM and where to report a problem.
SLIM_ORGANISATION = os.environ.get("SLIM_ORGANISATION", "")
SLIM_ACCESSIBILITY_CONTACT = os.environ.get("SLIM_ACCESSIBILITY_CONTACT", "")

# SLIM takes no file uploads anywhere: without upload handlers Django reads a file part of a
# multipart body and throws it away, so nobody can fill the disk's temp directory. (Other form
# fields stay under DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB; nginx caps the whole body.)
FILE_UPLOAD_HANDLERS = []
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "slim.common.api_errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = os.environ.get("SLIM_SSL_REDIRECT", "1") == "1"
    # Health checks come from the balancer or monitoring on plain HTTP, behind the TLS proxy.
    SECURE_REDIRECT_EXEMPT = [r"^gezond/"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # The API speaks JSON only; anything else is a 415 with a reason.
    "DEFAULT_PARSER_CLASSES": ["slim.api.parsers.SafeJSONParser"],
    "EXCEPTION_HANDLER": "slim.common.api_errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "SLIM API",
    "DESCRIPTION": "Kennis, matching en interventies van SLIM (Subjectief Logisch Interventie Model).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Without deep links the path is plain text, not a link nested inside the operation's button.
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
}

# Structured logs (slim.common.logs): JSON lines with a request id, no client data.
configure_structlog()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "slim.common.logs.json_formatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SLIM_LOG_LEVEL", "WARNING")},
    # One line per request (method, path without query, status, duration, user id); '' or WARNING: none.
    "loggers": {
        "slim.request": {"level": os.environ.get("SLIM_REQUEST_LOG_LEVEL", "INFO") or "WARNING"},
        # Django's own console handler prints plain text; its records go to the JSON handler instead.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
    },
}
