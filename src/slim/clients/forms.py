import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .bsn import validate_bsn
from .models import Client


class BSNField(forms.CharField):
    """A BSN as people type it: "1234 56 782" and "1234.56.782" are cleaned to nine digits, then the elfproef."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("BSN (optioneel)"))
        kwargs.setdefault("required", False)
        super().__init__(max_length=20, validators=[validate_bsn], **kwargs)

    def to_python(self, value):
        return re.sub(r"[\s.]", "", super().to_python(value))


class ClientForm(forms.ModelForm):
    bsn = BSNField()

    class Meta:
        model = Client
        fields = ["name", "bsn"]
