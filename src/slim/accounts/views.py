"""Login with lockout, the optional (for admins required) TOTP step, and logging out everywhere."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import totp
from .forms import CodeForm, LockoutAuthenticationForm

VERIFIED = "slim_second_factor_ok"
NEXT = "slim_after_second_factor"


class SlimLoginView(LoginView):
    template_name = "accounts/login.html"
    form_class = LockoutAuthenticationForm

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        if user.requires_second_factor:
            self.request.session[VERIFIED] = False
            self.request.session[NEXT] = self.get_success_url()
            return redirect("accounts:second-step" if user.totp_confirmed else "accounts:totp-setup")
        return response


def _after_second_factor(request):
    target = request.session.pop(NEXT, None)
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect("home")


@login_required
def second_step(request):
    user = request.user
    if not user.totp_confirmed:
        return redirect("accounts:totp-setup")
    form = CodeForm(request.POST if request.method == "POST" else None, secret=user.totp_secret)
    if request.method == "POST" and form.is_valid():
        request.session[VERIFIED] = True
        return _after_second_factor(request)
    return render(request, "accounts/second_step.html", {"form": form})


@login_required
def totp_setup(request):
    user = request.user
    if not user.totp_secret or (request.method == "GET" and not user.totp_confirmed):
        user.totp_secret = totp.new_secret()
        user.save(update_fields=["totp_secret"])
    form = CodeForm(request.POST if request.method == "POST" else None, secret=user.totp_secret)
    if request.method == "POST" and form.is_valid():
        user.totp_confirmed = True
        user.save(update_fields=["totp_confirmed"])
        request.session[VERIFIED] = True
        messages.success(request, _("De tweede stap staat aan."))
        return _after_second_factor(request)
    context = {"form": form, "secret": user.totp_secret, "uri": totp.provisioning_uri(user.totp_secret, user.username)}
    return render(request, "accounts/totp_setup.html", context)


@login_required
def security(request):
    return render(request, "accounts/security.html")


@login_required
@require_POST
def logout_everywhere(request):
    user = request.user
    user.session_generation += 1
    user.save(update_fields=["session_generation"])
    logout(request)
    messages.success(request, _("Je bent op alle apparaten uitgelogd."))
    return redirect("accounts:login")
