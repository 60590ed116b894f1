from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user

WRONG = _("Deze code klopt niet of is verlopen. Probeer de nieuwste code.")
THROTTLED = _("Te veel foute codes. Wacht even en probeer het dan opnieuw met de nieuwste code.")


class CodeForm(forms.Form):
    """A code from the app (or a backup code), checked by django-otp: throttled, and each code once."""

    code = forms.CharField(label=_("Code uit je app (6 cijfers) of een back-upcode"), max_length=16, widget=forms.TextInput(
        attrs={"autocomplete": "one-time-code", "autocapitalize": "none"}
    ))

    def __init__(self, *args, devices, **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"].strip().replace(" ", "").lower()
        throttled = False
        for device in self.devices:
            with transaction.atomic():
                # Locked while checking: two sessions cannot both spend the same code (TOTPDevice.last_t).
                device = type(device).objects.select_for_update().get(pk=device.pk)
                if not device.verify_is_allowed()[0]:
                    throttled = True
                    continue
                if device.verify_token(code):
                    self.device = device
                    return code
        raise forms.ValidationError(THROTTLED if throttled else WRONG)


def confirmed_devices(user):
    return list(devices_for_user(user, confirmed=True))
