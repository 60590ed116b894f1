"""Login (lockout by django-axes), the second step (django-otp), backup codes and logging out everywhere."""

import base64

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import CodeForm, ContactDetailsForm, LoginForm, confirmed_devices
from .secondstep import NEXT, forget_second_step, has_second_factor, mark_verified, second_step_done

BACKUP_CODES = 10


class SlimLoginView(LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "oidc_enabled": settings.SLIM_OIDC_ENABLED}

    def form_valid(self, form):
        response = super().form_valid(form)
        forget_second_step(self.request)
        user = form.get_user()
        if user.requires_second_factor:
            self.request.session[NEXT] = self.get_success_url()
            return redirect("accounts:second-step" if has_second_factor(user) else "accounts:totp-setup")
        return response


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login, on every login path: a Dutch page, status 429."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(request, "accounts/locked.html", {"cooloff_minutes": minutes}, status=429)


def after_second_factor(request):
    target = request.session.pop(NEXT, None)
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect("start")


@login_required
def second_step(request):
    devices = confirmed_devices(request.user)
    if not devices:
        return redirect("accounts:totp-setup")
    form = CodeForm(request.POST if request.method == "POST" else None, devices=devices)
    if request.method == "POST" and form.is_valid():
        mark_verified(request, form.device)
        return after_second_factor(request)
    return render(request, "accounts/second_step.html", {"form": form})


@never_cache
@login_required
def totp_setup(request):
    user = request.user
    if has_second_factor(user):
        # Never show or accept a confirmed device here: that would let a password alone pass the second step.
        return redirect("accounts:security" if second_step_done(request) else "accounts:second-step")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if request.method == "GET" or device is None:
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name="SLIM", confirmed=False)
    form = CodeForm(request.POST if request.method == "POST" else None, devices=[device])
    if request.method == "POST" and form.is_valid():
        device = form.device
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        mark_verified(request, device)
        messages.success(request, _("De tweede stap staat aan."))
        return after_second_factor(request)
    secret = base64.b32encode(device.bin_key).decode("ascii")
    return render(request, "accounts/totp_setup.html", {"form": form, "secret": secret, "uri": device.config_url})


@login_required
def security(request, contact_form=None):
    user = request.user
    backup = StaticDevice.objects.filter(user=user, name="backup").first()
    context = {
        "has_totp": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        "backup_left": backup.token_set.count() if backup else 0,
        "contact_form": contact_form or ContactDetailsForm(
            initial={"contact_phone": user.contact_phone, "contact_email": user.contact_email}
        ),
    }
    return render(request, "accounts/security.html", context, status=400 if contact_form else 200)


@login_required
@require_POST
def contact_details(request):
    """The phone number and e-mail address clients see on their plan; Post/Redirect/Get."""
    form = ContactDetailsForm(request.POST)
    if not form.is_valid():
        return security(request, contact_form=form)
    user = request.user
    user.contact_phone = form.cleaned_data["contact_phone"].strip()
    user.contact_email = form.cleaned_data["contact_email"]
    user.save(update_fields=["contact_phone", "contact_email"])
    messages.success(request, _("Je contactgegevens zijn opgeslagen."))
    return redirect("accounts:security")


@never_cache
@login_required
@require_POST
def backup_codes(request):
    """A new set of backup codes, shown once; the old set stops working."""
    user = request.user
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("accounts:security")
    StaticDevice.objects.filter(user=user, name="backup").delete()
    device = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return render(request, "accounts/backup_codes.html", {"codes": codes})


@login_required
@require_POST
def logout_everywhere(request):
    user = request.user
    user.session_generation += 1
    user.save(update_fields=["session_generation"])
    logout(request)
    messages.success(request, _("Je bent op alle apparaten uitgelogd."))
    return redirect("accounts:login")
