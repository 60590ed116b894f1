"""Writing clean records to the database and reading them back as records.

An import is all or nothing: every row of the file is checked first, and only a
file without a single problem is written, in one transaction. Writing is an
upsert by slug; interventions that are not in the file are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from . import searchtext
from .exchange import Row
from .models import IndexedWord, Intervention, InterventionTag, Recognition
from .records import FIELDS, DERIVED, FieldError, clean
from .vocabulary import recognition_rank

# Record field -> facet of its InterventionTag rows.
TAGGED_FIELDS = {
    "themes": "theme",
    "target_group_codes": "target_group",
    "logics": "logic",
    "element_codes": "element",
    "levels": "level",
}
RECOGNITION_FACET = "recognition"
MODEL_FIELDS = [name for name in FIELDS if name not in TAGGED_FIELDS and name not in DERIVED and name != "recognitions"]
BATCH = 500


@dataclass(frozen=True)
class RowError:
    line: int
    slug: str | None
    error: FieldError

    def __str__(self) -> str:
        where = f"regel {self.line}" + (f" ({self.slug})" if self.slug else "")
        return f"{where}: {self.error}"


class ImportRejected(Exception):
    """The file has problems; nothing was written."""

    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} fout(en)")
        self.errors = errors


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def validate(rows: Iterable[Row]) -> list[dict]:
    """Clean every row; raise ImportRejected listing every problem in the file."""
    records, errors, first_line = [], [], {}
    for row in rows:
        record, problems = clean(row.data)
        slug = row.data.get("slug") if isinstance(row.data, dict) else None
        slug = (slug.strip() or None) if isinstance(slug, str) else None
        errors.extend(RowError(row.line, slug, problem) for problem in [*row.errors, *problems])
        if slug in first_line:
            message = f"dubbele slug '{slug}' (staat ook op regel {first_line[slug]})"
            errors.append(RowError(row.line, slug, FieldError("slug", message)))
        elif slug:
            first_line[slug] = row.line
        if record:
            records.append(record)
    if errors:
        raise ImportRejected(errors)
    if not records:
        raise ImportRejected([RowError(1, None, FieldError(None, "het bestand bevat geen interventies"))])
    return records


def import_rows(rows: Iterable[Row]) -> ImportReport:
    records = validate(rows)
    report = ImportReport()
    with transaction.atomic():
        existing = _existing([record["slug"] for record in records])
        new, changed = [], []
        for record in records:
            obj = existing.get(record["slug"])
            if obj is None:
                new.append((Intervention(**_model_values(record)), record))
            elif to_record(obj) != record:
                for name, value in _model_values(record).items():
                    setattr(obj, name, value)
                changed.append((obj, record))
        Intervention.objects.bulk_create([obj for obj, _ in new], batch_size=BATCH)
        for obj, _ in changed:
            obj.save()
        changed_ids = [obj.pk for obj, _ in changed]
        InterventionTag.objects.filter(intervention_id__in=changed_ids).delete()
        Recognition.objects.filter(intervention_id__in=changed_ids).delete()
        _write_relations(new + changed)
        if new or changed:
            rebuild_vocabulary()
        report.created, report.updated = len(new), len(changed)
        report.unchanged = len(records) - len(new) - len(changed)
    return report


def _existing(slugs: list[str]) -> dict[str, Intervention]:
    found = {}
    for start in range(0, len(slugs), BATCH):
        batch = Intervention.objects.filter(slug__in=slugs[start : start + BATCH])
        found.update((obj.slug, obj) for obj in _with_relations(batch))
    return found


def _model_values(record: dict) -> dict:
    values = {name: record[name] for name in MODEL_FIELDS}
    text = searchtext.search_text(record)
    ranks = [recognition_rank(item["level"]) for item in record["recognitions"]]
    ranks = [rank for rank in ranks if rank is not None]
    values.update(search_text=text, stemmed_text=searchtext.stemmed(text), recognition_rank=max(ranks, default=None))
    return values


def _write_relations(pairs):
    tags, recognitions = [], []
    for obj, record in pairs:
        for field_name, facet in TAGGED_FIELDS.items():
            tags.extend(
                InterventionTag(intervention=obj, facet=facet, value=code, position=position)
                for position, code in enumerate(record[field_name])
            )
        levels = list(dict.fromkeys(item["level"] for item in record["recognitions"]))
        tags.extend(
            InterventionTag(intervention=obj, facet=RECOGNITION_FACET, value=level, position=position)
            for position, level in enumerate(levels)
        )
        recognitions.extend(
            Recognition(intervention=obj, position=position, **item) for position, item in enumerate(record["recognitions"])
        )
    InterventionTag.objects.bulk_create(tags, batch_size=BATCH)
    Recognition.objects.bulk_create(recognitions, batch_size=BATCH)


def rebuild_vocabulary():
    """Make IndexedWord hold exactly the words of all searchable texts."""
    found = {}
    for text in Intervention.objects.values_list("search_text", flat=True).iterator(chunk_size=BATCH):
        for word in set(searchtext.words(text)):
            if word not in found and searchtext.is_suggestable(word):
                found[word] = searchtext.stem(word)
    existing = set(IndexedWord.objects.values_list("word", flat=True))
    stale = list(existing - found.keys())
    for start in range(0, len(stale), BATCH):
        IndexedWord.objects.filter(word__in=stale[start : start + BATCH]).delete()
    IndexedWord.objects.bulk_create(
        [IndexedWord(word=word, stem=found[word]) for word in sorted(found.keys() - existing)], batch_size=BATCH
    )


def _with_relations(queryset):
    return queryset.prefetch_related("tags", "recognitions")


def to_record(obj: Intervention) -> dict:
    """The canonical record of a stored intervention (relations must be prefetched)."""
    values = {name: getattr(obj, name) for name in MODEL_FIELDS}
    for field_name, facet in TAGGED_FIELDS.items():
        values[field_name] = obj.codes(facet)
    values["recognitions"] = [
        {"scheme": item.scheme, "level": item.level, "date": item.date, "note": item.note}
        for item in sorted(obj.recognitions.all(), key=lambda item: item.position)
    ]
    return {name: values[name] for name in FIELDS if name not in DERIVED}


def all_records() -> list[dict]:
    """Every stored intervention as a record, sorted by slug (the export order)."""
    return [to_record(obj) for obj in _with_relations(Intervention.objects.order_by("slug"))]
