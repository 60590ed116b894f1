from django.contrib import admin
from django.urls import include, path
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from slim.accounts import oidc
from slim.project.accessibility import statement
from slim.common import converters  # noqa: F401  registers <id:...> before the apps' URLs load
from slim.project.headers import with_inline_styles
from slim.project.start import start

urlpatterns = [
    path("", TemplateView.as_view(template_name="home.html"), name="home"),
    path("start/", start, name="start"),
    path("toegankelijkheid/", statement, name="accessibility"),
    path("kennis/", include("slim.knowledge.urls")),
    path("matching/", include("slim.matching.urls")),
    path("interventies/", include("slim.interventions.urls")),
    path("casussen/", include("slim.cases.urls")),
    path("spiegel/", include("slim.mirror.urls")),
    path("inzicht/", include("slim.insights.urls")),
    path("kwaliteit/", include("slim.quality.urls")),
    path("mijn/", include("slim.portal.urls")),
    path("account/", include("slim.accounts.urls")),
    # OpenID Connect login for staff; 404 unless SLIM_OIDC_* configure it (names as mozilla-django-oidc expects).
    path("oidc/authenticate/", oidc.oidc_start, name="oidc_authentication_init"),
    path("oidc/callback/", oidc.oidc_callback, name="oidc_authentication_callback"),
    path("audit/", include("slim.audit.urls")),
    path("privacy/", include("slim.privacy.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # Before the admin: its catch-all would answer /beheer/interventies-importeren/ with its own 404.
    path("", include("slim.operations.urls")),
    path("beheer/", admin.site.urls),
    path("api/v1/", include("slim.api.urls")),
    path("api/v1/", include("slim.interventions.api_urls")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # GET only: DRF would render a 405 for another method with the page's HTML template, and fail (a 500).
    path(
        "api/v1/docs/",
        require_safe(
            with_inline_styles(SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/swagger_ui.html"))
        ),
        name="api-docs",
    ),
]

handler400 = "slim.common.api_errors.bad_request"
handler403 = "slim.common.api_errors.permission_denied"
handler404 = "slim.common.api_errors.page_not_found"
# A lost database connection is a 503 (page or JSON), anything else a 500 (JSON under /api/).
handler500 = "slim.operations.views.server_error"
