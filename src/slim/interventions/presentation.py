"""What the pages and the API show of one intervention: codes with their titles,
recognitions with their validity, and which facts are unknown.

Kept apart from the views so the detail page, the comparison, the search
results and the API describe an intervention in exactly the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from .dates import PartialDate
from .models import Intervention
from .records import unknown_fields
from .store import TAGGED_FIELDS, to_record
from .vocabulary import BY_FACET, DELIVERY, RECOGNITION, SCHEME, Vocabulary, validity_years


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

    def to_dict(self) -> dict:
        return {
            "scheme": self.scheme.code,
            "level": self.level.code,
            "date": str(self.date) if self.date else None,
            "valid_until": str(self.valid_until) if self.valid_until else None,
            "current": self.current,
            "note": self.note,
        }


def labels(vocabulary: Vocabulary, codes: list[str]) -> list[Label]:
    return [Label(code, vocabulary.title(code), vocabulary.knowledge_slug) for code in codes]


def recognition_view(scheme: str, level: str, date: str | None, note: str | None, today: dt.date) -> RecognitionView:
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
    )


def recognitions(obj: Intervention) -> list[RecognitionView]:
    today = timezone.localdate()
    items = sorted(obj.recognitions.all(), key=lambda item: item.position)
    return [recognition_view(item.scheme, item.level, item.date, item.note, today) for item in items]


@dataclass
class Description:
    """An intervention with everything resolved for display (relations must be prefetched)."""

    obj: Intervention
    record: dict
    unknown: set[str]
    terms: dict[str, list[Label]]  # record field of a coded list -> labels
    delivery: list[str]
    recognitions: list[RecognitionView]


def describe(obj: Intervention) -> Description:
    record = to_record(obj)
    terms = {field: labels(BY_FACET[facet], record[field]) for field, facet in TAGGED_FIELDS.items()}
    return Description(
        obj=obj,
        record=record,
        unknown=set(unknown_fields(record)),
        terms=terms,
        delivery=[DELIVERY[code] for code in record["delivery"]],
        recognitions=recognitions(obj),
    )
