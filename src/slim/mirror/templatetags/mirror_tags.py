"""Number formatting for the mirror's tables: one decimal, in the reader's locale."""

from django import template
from django.utils.formats import number_format

register = template.Library()
# A template resolves a missing value (e.g. no earlier round) to "": shown as a dash, like None.
MISSING = (None, "")


@register.filter
def score(value):
    """A mean or standard deviation with one decimal ('3,5' in Dutch), or a dash when there is none."""
    return "–" if value in MISSING else number_format(round(value, 1), 1)


@register.filter
def change(value):
    """A difference with its sign ('+0,5', '−0,3', '0,0'), or a dash when there is nothing to compare."""
    if value in MISSING:
        return "–"
    rounded = round(value, 1)
    sign = "+" if rounded > 0 else ("−" if rounded < 0 else "")
    return sign + number_format(abs(rounded), 1)
