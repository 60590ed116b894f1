"""Small-number suppression: no cell may be traced back to a handful of clients.

Every number on the dashboards is a Cell that knows how many distinct clients
it rests on. Below MIN_CLIENTS it is shown as '<10', in the page and in the CSV
alike, because both are built from the same Cell objects.

A single hidden cell in a row whose total is shown can be recovered by
subtraction, so protect_parts() then also hides the smallest visible part
(secondary suppression).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

MIN_CLIENTS = 10
SUPPRESSED = "<10"


@dataclass(frozen=True)
class Cell:
    """A number on a dashboard.

    clients is the number of distinct clients the value rests on; None means the
    value is not about clients at all (for example interventions in the databank).
    """

    value: float | int | None
    clients: int | None = None
    percent: bool = False
    hidden: bool = False
    decimals: int = 0

    @property
    def suppressed(self):
        return self.hidden or (self.clients is not None and self.clients < MIN_CLIENTS)

    def hide(self):
        return Cell(self.value, self.clients, self.percent, True, self.decimals)

    def text(self):
        """For the page: Dutch number format."""
        if self.suppressed:
            return SUPPRESSED
        if self.value is None:
            return "–"
        if self.percent:
            return f"{number_format(self.rounded(), 1)}%"
        return number_format(self.rounded(), self.decimals, force_grouping=True)

    def csv(self):
        """For the CSV: the page's rounded figure as a number (safecsv writes 80,0), the same '<10' when suppressed."""
        if self.suppressed:
            return SUPPRESSED
        if self.value is None:
            return ""
        rounded = self.rounded()
        return int(rounded) if rounded == rounded.to_integral_value() and not self.percent and not self.decimals else rounded

    def rounded(self) -> Decimal:
        """The value rounded half up to the shown decimals, once, for the page and the CSV alike.

        (number_format cuts a float's decimals off: 30.77 would show as 30,7 on the page and 30.8 in the CSV.)"""
        decimals = 1 if self.percent else self.decimals
        return Decimal(str(self.value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)

    @property
    def chart_value(self):
        """The value to draw, or None when it must not be shown."""
        return None if self.suppressed or self.value is None else self.value


def count(value, clients):
    return Cell(value or 0, clients or 0)


def share(part, whole, based_on=None):
    """part / whole as a percentage; hidden when its numerator is hidden."""
    value = 100.0 * part.value / whole.value if whole.value else None
    clients = part.clients if based_on is None else based_on
    return Cell(value, clients, percent=True, hidden=part.suppressed or whole.suppressed)


def protect_parts(parts, total):
    """Secondary suppression for parts that add up to a shown total.

    Returns the parts with, if exactly one is hidden, the smallest visible one hidden as well.
    """
    parts = list(parts)
    hidden = [index for index, part in enumerate(parts) if part.suppressed]
    if total.suppressed or len(hidden) != 1:
        return parts
    visible = [index for index, part in enumerate(parts) if not part.suppressed]
    if visible:
        smallest = min(visible, key=lambda index: parts[index].value or 0)
        parts[smallest] = parts[smallest].hide()
    return parts
