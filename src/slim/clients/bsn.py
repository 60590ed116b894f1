"""The Dutch citizen service number (BSN): elfproef validation and masking."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def passes_elfproef(value: str) -> bool:
    """Nine digits whose weighted sum (9..2, and -1 for the last) is divisible by 11."""
    if len(value) != 9 or not value.isdigit() or value == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(digit) * weight for digit, weight in zip(value, weights)) % 11 == 0


def validate_bsn(value: str):
    if not passes_elfproef(value):
        raise ValidationError(_("Dit is geen geldig BSN: het moet uit 9 cijfers bestaan en de elfproef doorstaan."))


def mask_bsn(value: str) -> str:
    """Show only the last three digits, enough to check against a letter."""
    return f"******{value[-3:]}" if value else ""
