"""Reading and writing intervention files (JSON and CSV), keeping line numbers.

Every record read from a file carries the line it starts on, so an import can
say 'regel 214: ...' for each problem. Writing is deterministic (fixed field
order, sorted by slug, fixed formatting), which makes export -> import ->
export byte-identical.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from importlib import resources

from slim.common import safecsv

from .fields import BY_NAME, FIELDS
from .records import FieldError

FORMATS = ("json", "csv")
CSV_SEPARATOR = " | "
CSV_BOOLEANS = {"ja": True, "nee": False, "": None}
COLUMNS = tuple(field.name for field in FIELDS)
FORMAT_HELP = (
    "JSON: een object {\"interventions\": [...]} zoals het meegeleverde bestand (een losse lijst mag ook). "
    "CSV: UTF-8, puntkomma als scheidingsteken (zoals Nederlandse Excel; een oud bestand met komma's kan ook), één interventie per rij, de veldnamen van het JSON-bestand als kolomkoppen. "
    "Lijsten staan in één cel, gescheiden door ' | ' (bijvoorbeeld 'jeugd | ouderen'). "
    "Erkenningen staan als JSON-lijst in één cel, bijvoorbeeld "
    "[{\"scheme\": \"movisie\", \"level\": \"goed_onderbouwd\", \"date\": \"2017\", \"note\": null}]. "
    "Vrijwilligers: ja, nee of leeg (onbekend). Een lege cel betekent onbekend of geen. "
    "De kolom 'unknown' wordt bij export berekend en bij import genegeerd."
)


def bundled_file():
    """The databank that ships with SLIM."""
    return resources.files("slim.data") / "interventions" / "interventions.json"


@dataclass
class Row:
    line: int
    data: object
    errors: list[FieldError] = field(default_factory=list)  # problems found while decoding the row


class FileFormatError(ValueError):
    """The file as a whole cannot be read; nothing about single rows can be said."""

    def __init__(self, line: int, message: str):
        super().__init__(f"regel {line}: {message}")


def format_of(name: str, explicit: str | None = None) -> str:
    if explicit:
        return explicit
    suffix = str(name).rsplit(".", 1)[-1].lower()
    if suffix not in FORMATS:
        raise FileFormatError(1, f"onbekend bestandstype '.{suffix}'; gebruik .json of .csv of geef --format op")
    return suffix


def read_rows(content: bytes, fmt: str) -> list[Row]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        raise FileFormatError(line, "het bestand is geen UTF-8") from None
    return read_json(text) if fmt == "json" else read_csv(text)


# JSON -------------------------------------------------------------------------------------------


def read_json(text: str) -> list[Row]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileFormatError(exc.lineno, f"geen geldige JSON: {exc.msg}") from None
    decoder = json.JSONDecoder()
    if isinstance(document, list):
        items, start = document, _skip_space(text, 0)
    elif isinstance(document, dict) and isinstance(document.get("interventions"), list):
        items, start = document["interventions"], _member_position(text, decoder, "interventions")
    else:
        raise FileFormatError(1, "verwacht een lijst met interventies of een object met de sleutel 'interventions'")
    rows, line, previous = [], 1, 0
    for position, item in zip(_element_positions(text, decoder, start), items):
        line += text.count("\n", previous, position)
        previous = position
        rows.append(Row(line, item))
    return rows


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def _member_position(text: str, decoder: json.JSONDecoder, wanted: str) -> int:
    """Where the value of a top-level key starts (the last one wins, as in json.loads)."""
    found, index = None, _skip_space(text, 0) + 1
    while True:
        index = _skip_space(text, index)
        if text[index] == "}":
            return found
        key, index = decoder.raw_decode(text, index)
        index = _skip_space(text, index) + 1  # past ':'
        index = _skip_space(text, index)
        if key == wanted:
            found = index
        _, index = decoder.raw_decode(text, index)
        index = _skip_space(text, index)
        if text[index] == ",":
            index += 1


def _element_positions(text: str, decoder: json.JSONDecoder, start: int):
    """Start offsets of the elements of the (already validated) array at `start`."""
    index = start + 1
    while True:
        index = _skip_space(text, index)
        if text[index] == "]":
            return
        yield index
        _, index = decoder.raw_decode(text, index)
        index = _skip_space(text, index)
        if text[index] == ",":
            index += 1


def dump_json(records: list[dict]) -> str:
    return json.dumps({"interventions": records}, ensure_ascii=False, indent=2) + "\n"


# CSV --------------------------------------------------------------------------------------------


def read_csv(text: str) -> list[Row]:
    text = safecsv.strip_bom(text)
    delimiter = safecsv.sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header:
            raise FileFormatError(1, "het bestand is leeg; verwacht een kopregel met veldnamen")
        _check_header(header)
        rows = []
        line = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append(_csv_row(line, header, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise FileFormatError(reader.line_num, f"geen geldige CSV: {exc}") from None
    return rows


def _check_header(header: list[str]):
    unknown = [name for name in header if name not in BY_NAME]
    if unknown:
        raise FileFormatError(1, f"onbekende kolom(men): {', '.join(unknown)} (toegestaan: {', '.join(COLUMNS)})")
    doubles = sorted({name for name in header if header.count(name) > 1})
    if doubles:
        raise FileFormatError(1, f"kolom(men) staan er twee keer in: {', '.join(doubles)}")
    missing = [field.name for field in FIELDS if field.required and field.name not in header]
    if missing:
        raise FileFormatError(1, f"verplichte kolom(men) ontbreken: {', '.join(missing)}")


def _csv_row(line: int, header: list[str], cells: list[str]) -> Row:
    row = Row(line, {})
    if len(cells) != len(header):
        row.errors.append(FieldError(None, f"verwacht {len(header)} cellen, gevonden {len(cells)}"))
        return row
    for name, cell in zip(header, cells):
        cell = safecsv.unescape(cell)  # undo the formula guard of dump_csv (slim.common.safecsv)
        kind = BY_NAME[name].kind
        if kind == "derived":
            continue
        if BY_NAME[name].is_list:
            row.data[name] = [item.strip() for item in cell.split("|")] if cell.strip() else []
        elif kind == "recognitions":
            row.data[name] = _json_cell(cell, name, row)
        elif kind == "boolean":
            row.data[name] = _boolean_cell(cell, name, row)
        else:
            row.data[name] = cell
    return row


def _json_cell(cell: str, name: str, row: Row):
    if not cell.strip():
        return []
    try:
        return json.loads(cell)
    except json.JSONDecodeError as exc:
        row.errors.append(FieldError(name, f"geen geldige JSON in de cel: {exc.msg}"))
        return []


def _boolean_cell(cell: str, name: str, row: Row):
    value = cell.strip().lower()
    if value not in CSV_BOOLEANS:
        row.errors.append(FieldError(name, f"'{cell}' is geen ja, nee of leeg"))
        return None
    return CSV_BOOLEANS[value]


def dump_csv(records: list[dict]) -> str:
    out = io.StringIO()
    writer = safecsv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow([_cell(field.kind, record[field.name]) for field in FIELDS])
    return out.getvalue()


def _cell(kind: str, value) -> str:
    if kind == "recognitions":
        return json.dumps(value, ensure_ascii=False) if value else ""
    if kind == "boolean":
        return {True: "ja", False: "nee", None: ""}[value]
    if isinstance(value, list):
        return CSV_SEPARATOR.join(value)
    return value or ""
