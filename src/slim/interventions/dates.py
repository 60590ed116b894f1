"""Recognition dates, which the sources give as a year, a month or a day.

'Erkend in 2017' must stay '2017': inventing a day would be false precision. So a
date keeps its precision, and the validity ('geldig tot') is computed and shown
at the same precision.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from django.utils import formats

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse YYYY, YYYY-MM or YYYY-MM-DD; ValueError with a Dutch reason otherwise."""
        match = _PATTERN.match(text)
        if not match:
            raise ValueError(f"ongeldige datum '{text}' (gebruik JJJJ, JJJJ-MM of JJJJ-MM-DD)")
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError:
            raise ValueError(f"ongeldige datum '{text}' (deze dag of maand bestaat niet)") from None
        return cls(year, month, day)

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{part:02d}" for part in (self.month, self.day) if part]
        return "-".join(parts)

    def plus_years(self, years: int) -> PartialDate:
        day = self.day
        if day and self.month == 2 and day == 29 and not calendar.isleap(self.year + years):
            day = 28
        return PartialDate(self.year + years, self.month, day)

    def last_day(self) -> dt.date:
        """The last calendar day the date may stand for: 2022 counts until 31 December 2022."""
        if self.day:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def display(self) -> str:
        """Localised: '2017', 'november 2016', '3 november 2016'."""
        if self.day:
            return formats.date_format(dt.date(self.year, self.month, self.day), "j F Y")
        if self.month:
            return formats.date_format(dt.date(self.year, self.month, 1), "F Y")
        return str(self.year)
