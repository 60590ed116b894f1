"""Settings for SLIM, driven by environment variables.

The embedded default is SQLite in ./var so that `make run` works on a fresh
machine; production sets SLIM_DATABASE_URL (PostgreSQL), SLIM_SECRET_KEY,
SLIM_ALLOWED_HOSTS and SLIM_PRODUCTION=1.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("SLIM_DATA_DIR", Path.cwd() / "var")).resolve()

PRODUCTION = os.environ.get("SLIM_PRODUCTION", "") == "1"
DEBUG = os.environ.get("SLIM_DEBUG", "0" if PRODUCTION else "1") == "1"

if PRODUCTION:
    SECRET_KEY = os.environ["SLIM_SECRET_KEY"]
else:
    SECRET_KEY = os.environ.get("SLIM_SECRET_KEY", "slim-development-only-not-for-production")

ALLOWED_HOSTS = os.environ.get("SLIM_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "slim.project.admin.SlimAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "slim.accounts",
    "slim.knowledge",
    "slim.cases",
    "slim.matching",
    "slim.interventions",
    "slim.audit",
    "slim.privacy",
    "slim.mirror",
    "slim.insights",
    "slim.api",
    "slim.operations",
]

MIDDLEWARE = [
    "slim.api.errors.ApiErrorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "slim.project.headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "slim.project.headers.NoStoreMiddleware",
    "slim.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "slim.audit.middleware.AuditMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

if PRODUCTION:
    # In production gunicorn serves the collected static files itself.
    MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "slim.project.urls"
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
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

# Idle timeout: the session ends after this many seconds without a request.
SESSION_COOKIE_AGE = int(os.environ.get("SLIM_SESSION_SECONDS", str(30 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SLIM_LOCKOUT_ATTEMPTS = int(os.environ.get("SLIM_LOCKOUT_ATTEMPTS", "5"))
SLIM_LOCKOUT_SECONDS = int(os.environ.get("SLIM_LOCKOUT_SECONDS", str(15 * 60)))
SLIM_TRUST_PROXY = os.environ.get("SLIM_TRUST_PROXY", "") == "1"
# Anonymise clients this many years after their last case closed (slim apply-retention).
SLIM_RETENTION_YEARS = int(os.environ.get("SLIM_RETENTION_YEARS", "7"))
# The policy dashboards answer from a stored snapshot of their figures no older than this (insights/models.py).
SLIM_INSIGHTS_MAX_AGE_MINUTES = int(os.environ.get("SLIM_INSIGHTS_MAX_AGE_MINUTES", "15"))
# SLIM takes no file uploads anywhere: without upload handlers Django reads a file part of a
# multipart body and throws it away, so nobody can fill the disk's temp directory. (Other form
# fields stay under DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB; nginx caps the whole body.)
FILE_UPLOAD_HANDLERS = []
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "slim.api.errors.csrf_failure"
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
    "EXCEPTION_HANDLER": "slim.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "SLIM API",
    "DESCRIPTION": "Kennis, matching en interventies van SLIM (Subjectief Logisch Interventie Model).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SLIM_LOG_LEVEL", "WARNING")},
}
