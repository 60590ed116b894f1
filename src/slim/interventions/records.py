"""One intervention as a plain record: the shape of the import and export files.

Cleaning collects every problem of a record instead of stopping at the first,
so whoever maintains the file can fix all of them in one go. A clean record is
canonical (texts stripped, empty optional texts become None), which is what
makes export -> import -> export give the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from .dates import PartialDate
from .fields import BY_NAME, NAMES, RECOGNITION_KEYS, of_kind
from .models import Intervention
from .vocabulary import RECOGNITION, SCHEME

# The field specification is fields.FIELDS; these are views of it in the shapes cleaning needs.
FIELDS = NAMES
REQUIRED_TEXTS = tuple(field.name for field in of_kind("text") if field.required)
OPTIONAL_TEXTS = tuple(field.name for field in of_kind("text") if field.nullable)  # None means 'onbekend'
BLANK_TEXTS = tuple(field.name for field in of_kind("text") if not field.required and not field.nullable)
# List of free texts -> whether at least one is required.
TEXT_LISTS = {field.name: field.required for field in of_kind("texts")}
# List of codes -> (allowed codes, whether at least one is required).
CODE_LISTS = {field.name: (field.allowed, field.required) for field in of_kind("codes")}
# 'unknown' is derived from the empty fields on export and ignored on import.
DERIVED = tuple(field.name for field in of_kind("derived"))
CHECKED_AT = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Lists are written as 'a | b' in CSV, so an item must not contain the separator.
LIST_SEPARATOR = "|"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_SLUGS = {"vergelijk"}  # taken by the comparison page's URL

# Dutch names for fields in error messages.
LABELS = {name: field.label for name, field in BY_NAME.items()}


@dataclass(frozen=True)
class FieldError:
    field: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


def clean(raw) -> tuple[dict | None, list[FieldError]]:
    """Check one raw record; return (canonical record, []) or (None, every problem found)."""
    if not isinstance(raw, dict):
        return None, [FieldError(None, "een interventie moet een object met velden zijn")]
    errors = [FieldError(key, "onbekend veld") for key in raw if key not in FIELDS]
    record = {}
    for name in REQUIRED_TEXTS + OPTIONAL_TEXTS + BLANK_TEXTS:
        record[name] = _text(raw.get(name), name, errors)
    for name, required in TEXT_LISTS.items():
        record[name] = _list(raw.get(name), name, required, None, errors)
    for name, (allowed, required) in CODE_LISTS.items():
        record[name] = _list(raw.get(name), name, required, allowed(), errors)
    for kind, check in (("recognitions", _recognitions), ("date", _date), ("boolean", _boolean)):
        for field in of_kind(kind):
            record[field.name] = check(raw.get(field.name), field.name, errors)
    _check_slug(record["slug"], errors)
    for field in of_kind("text"):
        if field.url:
            _check_url(record[field.name], field.name, errors)
    if errors:
        return None, errors
    return {name: record[name] for name in FIELDS if name not in DERIVED}, []


def unknown_fields(record: dict) -> list[str]:
    """Which facts the sources did not give; shown as 'onbekend'."""
    unknown = [name for name in OPTIONAL_TEXTS if record[name] is None]
    if record["volunteers"] is None:
        unknown.append("volunteers")
    if not record["executing_organisations"]:
        unknown.append("executing_organisations")
    if not record["recognitions"]:
        unknown.append("recognitions")
    elif any(recognition["date"] is None for recognition in record["recognitions"]):
        unknown.append("recognitions.date")
    return sorted(unknown)


def with_derived(record: dict) -> dict:
    """The record as exported: every field in file order, including 'unknown'."""
    full = dict(record, unknown=unknown_fields(record))
    return {name: full[name] for name in FIELDS}


def _text(value, name, errors):
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors.append(FieldError(name, "moet tekst zijn"))
        return None
    value = value.replace("\r\n", "\n").strip()
    if not value:
        if name in REQUIRED_TEXTS:
            errors.append(FieldError(name, f"{LABELS[name]} ontbreekt (verplicht)"))
        return "" if name in BLANK_TEXTS else None
    limit = _max_length(name)
    if limit and len(value) > limit:
        errors.append(FieldError(name, f"te lang ({len(value)} tekens; maximaal {limit})"))
    return value


def _max_length(name):
    return getattr(Intervention._meta.get_field(name), "max_length", None)


def _list(value, name, required, allowed, errors):
    if value is None:
        value = []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        errors.append(FieldError(name, "moet een lijst met teksten zijn"))
        return []
    items = [item.strip() for item in value]
    if any(not item for item in items):
        errors.append(FieldError(name, "bevat een leeg onderdeel"))
    if any(LIST_SEPARATOR in item for item in items):
        errors.append(FieldError(name, f"een onderdeel mag geen '{LIST_SEPARATOR}' bevatten"))
    if required and not items:
        errors.append(FieldError(name, f"{LABELS[name]}: minstens één is verplicht"))
    if allowed is not None:
        for item in items:
            if item not in allowed:
                errors.append(FieldError(name, f"onbekende code '{item}' (kies uit: {', '.join(allowed)})"))
        if len(set(items)) != len(items):
            errors.append(FieldError(name, "een code staat er twee keer in"))
    return items


def _recognitions(value, name, errors):
    if value is None:
        return []
    if not isinstance(value, list):
        errors.append(FieldError(name, "moet een lijst met erkenningen zijn"))
        return []
    cleaned = []
    for number, item in enumerate(value, start=1):
        field = f"{name}[{number}]"
        if not isinstance(item, dict):
            errors.append(FieldError(field, "moet een object met scheme, level, date en note zijn"))
            continue
        errors.extend(FieldError(f"{field}.{key}", "onbekend veld") for key in item if key not in RECOGNITION_KEYS)
        scheme, level = item.get("scheme"), item.get("level")
        if scheme not in SCHEME.terms:
            errors.append(FieldError(f"{field}.scheme", f"onbekende regeling '{scheme}' (kies uit: {', '.join(SCHEME.terms)})"))
        if level not in RECOGNITION.terms:
            errors.append(FieldError(f"{field}.level", f"onbekend erkenningsniveau '{level}' (kies uit: {', '.join(RECOGNITION.terms)})"))
        date = item.get("date")
        if date is not None:
            try:
                date = str(PartialDate.parse(str(date)))
            except ValueError as exc:
                errors.append(FieldError(f"{field}.date", str(exc)))
        note = item.get("note")
        if note is not None and not isinstance(note, str):
            errors.append(FieldError(f"{field}.note", "moet tekst zijn"))
            note = None
        note = (note or "").replace("\r\n", "\n").strip() or None
        verified = item.get("verified", True)  # false: the recognition is in a source we could not confirm
        if not isinstance(verified, bool):
            errors.append(FieldError(f"{field}.verified", "moet true of false zijn"))
            verified = True
        cleaned.append({"scheme": scheme, "level": level, "date": date or None, "note": note, "verified": verified})
    return cleaned


def _date(value, name, errors):
    """A day as JJJJ-MM-DD (such as when someone last checked the entry against its source), or None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str) or not CHECKED_AT.match(value.strip()):
        errors.append(FieldError(name, f"'{value}' is geen datum als JJJJ-MM-DD"))
        return None
    try:
        PartialDate.parse(value.strip())
    except ValueError as exc:
        errors.append(FieldError(name, str(exc)))
        return None
    return value.strip()


def _boolean(value, name, errors):
    if value is not None and not isinstance(value, bool):
        errors.append(FieldError(name, "moet true, false of null (onbekend) zijn"))
        return None
    return value


def _check_slug(slug, errors):
    if slug is None:
        return
    if not SLUG.match(slug):
        errors.append(FieldError("slug", f"ongeldige slug '{slug}' (alleen kleine letters, cijfers en losse streepjes)"))
    elif slug in RESERVED_SLUGS:
        errors.append(FieldError("slug", f"'{slug}' is gereserveerd; kies een andere slug"))


def _check_url(url, name, errors):
    if url is None:
        return
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        errors.append(FieldError(name, f"ongeldig webadres '{url}'"))
