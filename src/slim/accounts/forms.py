from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
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


class LoginForm(AuthenticationForm):
    """Django's login form, but a username longer than the model allows is a form error.

    AuthenticationForm sets the field's max_length after building it, so no validator checks it:
    authenticate() then ran with a 100,000-character name and django-axes failed to store that
    attempt (varchar 255) on PostgreSQL: a 500. Now such a post never reaches authenticate().
    """

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length or 150))


class ContactDetailsForm(forms.Form):
    """How clients reach this professional: shown on the client's plan under "Wie helpt mij?"."""

    contact_phone = forms.RegexField(
        label=_("Telefoon voor cliënten"), required=False, max_length=30, regex=r"^[0-9+() -]{6,30}$",
        error_messages={"invalid": _("Vul een telefoonnummer in met alleen cijfers, spaties, + of -.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mail voor cliënten"), required=False, max_length=254,
        error_messages={"invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
