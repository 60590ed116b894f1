"""The admin at /beheer/: only for the beheerder role, after the second step, without a login form of its own.

django-otp's OTPAdminSite requires a verified device; SLIM also accepts a session whose identity
provider did the MFA (SLIM_OIDC_SKIP_SECOND_STEP=1). Its login page sends people to SLIM's own
login, so there is one password form, one lockout and one second step.

Django's admin lets in any staff user; SLIM also asks the role's capability
(slim.accounts.capabilities.ADMIN_SITE), so a staff flag alone is not enough. What a beheerder
needs is users, mirror teams and the knowledge base: clients and cases are not registered here
at all (they are managed by their casusregisseur, and erased through the privacy pages or
`slim apply-retention`). Every admin request is written to the audit trail (slim.audit.middleware).
"""

from django.contrib.admin import AdminSite
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp.admin import OTPAdminSite

from .secondstep import second_step_done


class SlimAdminSite(OTPAdminSite):
    def __init__(self, name="admin"):
        super().__init__(name)

    def has_permission(self, request):
        from .capabilities import ADMIN_SITE, has  # not at import: settings load this module

        return AdminSite.has_permission(self, request) and has(request.user, ADMIN_SITE) and second_step_done(request)

    def login(self, request, extra_context=None):
        return redirect_to_login(request.GET.get("next") or reverse("admin:index"), reverse("accounts:login"))
