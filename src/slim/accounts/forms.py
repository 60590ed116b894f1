from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from . import lockout, totp
from .net import client_ip


class LockoutAuthenticationForm(AuthenticationForm):
    """Django's login form, refusing accounts with too many recent failures."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _(
            "Te veel mislukte pogingen. Dit account is tijdelijk geblokkeerd; probeer het over 15 minuten opnieuw."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if username and lockout.is_locked(username):
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                lockout.record_failure(username, client_ip(self.request) if self.request else None)
            raise
        lockout.clear_failures(username)
        return cleaned


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Code uit je app (6 cijfers)"), max_length=8, widget=forms.TextInput(
        attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
    ))

    def __init__(self, *args, secret, **kwargs):
        super().__init__(*args, **kwargs)
        self.secret = secret

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not totp.verify(self.secret, code):
            raise forms.ValidationError(_("Deze code klopt niet of is verlopen. Probeer de nieuwste code."))
        return code
