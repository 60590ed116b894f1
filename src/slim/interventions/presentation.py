"""What the pages and the API show of one intervention: codes with their titles
and recognitions with their validity.

Kept apart from the views so the detail page, the comparison, the search
results and the API describe an intervention in exactly the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from django.utils import timezone

from . import fields
from .dates import PartialDate
from .models import Intervention
from .store import TAGGED_FIELDS, records_of, summaries_of
from .vocabulary import BY_FACET, DELIVERY, RECOGNITION, SCHEME, Vocabulary, validity_years


class Summary(NamedTuple):
    """One result as the page statement reads it (store.SUMMARY_FIELDS and the relevance): a
    results list needs no model instances, which cost more to make than the rest of a hit."""

    pk: int
    slug: str
    name: str
    summary: str
    relevance: float | None  # None without a text query


@dataclass(frozen=True)
class Label:
    code: str
    title: dict  # {nl, en}
    knowledge_slug: str | None = None  # where the term has its own page


@dataclass(frozen=True)
class RecognitionView:
    scheme: Label
    level: Label
    date: PartialDate | None
    valid_until: PartialDate | None
    current: bool | None  # None: no validity period (a status) or the date is unknown
    is_status: bool
    note: str | None
    verified: bool = True  # False: found in a source we could not confirm

    def to_dict(self) -> dict:
        return dict(self._dict)  # a copy: one view serves many results pages (_recognition_view)

    @cached_property
    def _dict(self) -> dict:
        return {
            "scheme": self.scheme.code,
            "level": self.level.code,
            "date": str(self.date) if self.date else None,
            "valid_until": str(self.valid_until) if self.valid_until else None,
            "current": self.current,
            "note": self.note,
            "verified": self.verified,
        }


def _labels(vocabulary: Vocabulary, codes: list[str]) -> list[Label]:
    return [Label(code, vocabulary.title(code), vocabulary.knowledge_slug) for code in codes]


# A pure function of its arguments, and results pages show the same recognitions again and again:
# worked out once per day rather than for every hit of every search.
@lru_cache(maxsize=4096)
def _recognition_view(
    scheme: str, level: str, date: str | None, note: str | None, today: dt.date, verified: bool = True
) -> RecognitionView:
    when = PartialDate.parse(date) if date else None
    years = validity_years(level)
    until = when.plus_years(years) if when and years else None
    return RecognitionView(
        scheme=Label(scheme, SCHEME.title(scheme), SCHEME.knowledge_slug),
        level=Label(level, RECOGNITION.title(level), RECOGNITION.knowledge_slug),
        date=when,
        valid_until=until,
        current=until.last_day() >= today if until else None,
        is_status=bool(RECOGNITION.terms[level].attributes.get("is_status")),
        note=note,
        verified=verified,
    )


@dataclass(frozen=True)
class Shown:
    """One field of the detail page with its value as the template shows it (see fields.py, display)."""

    field: fields.Field
    value: object

    @property
    def is_empty(self) -> bool:
        return self.value is None or self.value == "" or self.value == []


@dataclass(frozen=True)
class ShownSection:
    section: fields.Section
    fields: list[Shown]


class Description:
    """An intervention with everything resolved for display; each part is worked out when first used.

    For a search hit (summarise) `obj` is a Summary and `record` holds only what a list of
    results shows; otherwise `obj` is the Intervention and `record` its full record.
    """

    def __init__(self, obj: Intervention | Summary, record: dict, today: dt.date):
        self.obj, self.record, self.today = obj, record, today

    @cached_property
    def terms(self) -> dict[str, list[Label]]:
        """Record field of a coded list -> its labels."""
        return {field: _labels(BY_FACET[facet], self.record[field]) for field, facet in TAGGED_FIELDS.items()}

    @cached_property
    def delivery(self) -> list[str]:
        return [DELIVERY[code] for code in self.record["delivery"]]

    @cached_property
    def recognitions(self) -> list[RecognitionView]:
        return [_recognition_view(today=self.today, **item) for item in self.record["recognitions"]]

    def value(self, field: fields.Field) -> object:
        """The value of a field as the detail page shows it: codes with their titles, recognitions resolved."""
        if field.facet:
            return self.terms[field.name]
        if field.kind == "codes":
            names = field.allowed()
            return [names.get(code, code) for code in self.record[field.name]]
        if field.kind == "recognitions":
            return self.recognitions
        return self.record.get(field.name)

    @cached_property
    def sections(self) -> list[ShownSection]:
        """The sections of the detail page with their fields (fields.page_sections); a field without a
        value is left out unless the spec says what to show instead."""
        shown = []
        for section, members in fields.page_sections():
            values = [Shown(field, self.value(field)) for field in members]
            shown.append(ShownSection(section, [item for item in values if not item.is_empty or item.field.empty]))
        return shown


def describe(objs: list[Intervention]) -> list[Description]:
    today = timezone.localdate()
    return [Description(obj, record, today) for obj, record in zip(objs, records_of(objs))]


def summarise(objs: list[Summary]) -> list[Description]:
    """Descriptions for a list of results, from objects with a pk and store.SUMMARY_FIELDS."""
    today = timezone.localdate()
    return [Description(obj, record, today) for obj, record in zip(objs, summaries_of(objs))]
