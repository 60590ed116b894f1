"""The admin at /beheer/: only for staff who finished the second step, and without a login form of its own.

django-otp's OTPAdminSite requires a verified device; SLIM also accepts a session whose identity
provider did the MFA (SLIM_OIDC_SKIP_SECOND_STEP=1). Its login page sends people to SLIM's own
login, so there is one password form, one lockout and one second step.
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
        return AdminSite.has_permission(self, request) and second_step_done(request)

    def login(self, request, extra_context=None):
        return redirect_to_login(request.GET.get("next") or reverse("admin:index"), reverse("accounts:login"))
