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

Numbers (int, float, Decimal) are written as numbers: -3 is a number, not a formula.

Dutch Excel: SLIM's CSV files open in Dutch Excel as they are. The separator is a semicolon
(Excel with Dutch regional settings splits on ';', not ','), a number with a fraction gets a
decimal comma (12,5), and a file or download starts with the UTF-8 byte order mark, without
which Excel reads 'cliënt' as 'cliÃ«nt'. Pass a Decimal to keep a fixed number of decimals
(Decimal("12.50") -> 12,50), so the page and the CSV show the same rounded figure.
"""

import csv
import re
from decimal import Decimal

DELIMITER = ";"
BOM = "\ufeff"

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


def number(value):
    """A float or Decimal with a decimal comma; ints and everything else unchanged."""
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return value


def sniff_delimiter(first_line: str) -> str:
    """';' for SLIM's (and Dutch Excel's) files, ',' for the older comma files."""
    return ";" if first_line.count(";") > first_line.count(",") else ","


def strip_bom(text: str) -> str:
    return text[1:] if text.startswith(BOM) else text


class _Writer:
    def __init__(self, handle, bom=True, **options):
        options.setdefault("delimiter", DELIMITER)
        if bom:
            handle.write(BOM)
        self._writer = csv.writer(handle, **options)

    def writerow(self, row):
        return self._writer.writerow([number(escape(cell)) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(handle, bom=True, **options) -> _Writer:
    """Like csv.writer, for Dutch Excel (see above), with every cell passed through `escape`.

    Writes the byte order mark first unless bom=False (for a stream that is not a whole file)."""
    return _Writer(handle, bom=bom, **options)
