"""The one CSV writer of SLIM: no cell can start a spreadsheet formula.

Excel, LibreOffice and Google Sheets run a cell that starts with = + - @ (or a tab or
carriage return before one of them) as a formula; an intervention called
`=HYPERLINK(...)` would then run on the computer of whoever opens the export.

Rule (OWASP's advice): a text cell that starts with one of those characters, possibly
after apostrophes already there, gets one extra apostrophe in front. Spreadsheets show
the rest as plain text. `unescape` takes exactly one apostrophe off again, so reading a
file SLIM wrote gives back the exact original text:

    '=SUM(A1)'  ->  "'=SUM(A1)"  ->  '=SUM(A1)'
    "'=x"       ->  "''=x"       ->  "'=x"
    'gewoon'    ->  'gewoon'     ->  'gewoon'

Numbers (int, float) are written as they are: -3 is a number, not a formula.
"""

import csv
import re

TRIGGERS = "=+-@\t\r"
_ESCAPED = re.compile(rf"'*[{re.escape(TRIGGERS)}]")


def escape(value):
    if isinstance(value, str) and _ESCAPED.match(value):
        return "'" + value
    return value


def unescape(value: str) -> str:
    if value.startswith("'") and _ESCAPED.match(value):
        return value[1:]
    return value


class _Writer:
    def __init__(self, handle, **options):
        self._writer = csv.writer(handle, **options)

    def writerow(self, row):
        return self._writer.writerow([escape(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(handle, **options) -> _Writer:
    """Like csv.writer, with every cell passed through `escape`."""
    return _Writer(handle, **options)
