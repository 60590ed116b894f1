"""Writing clean records to the database and reading them back as records.

An import is all or nothing: every row of the file is checked first, and only a
file without a single problem is written, in one transaction. Writing is an
upsert by slug; interventions that are not in the file are left alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, transaction

from . import fit, searchtext
from .exchange import Row
from .models import DatabankVersion, IndexedWord, Intervention, InterventionTag, Recognition, SearchEntry, Term
from .fields import FIELDS, RECOGNITION_KEYS, TAGGED
from .records import FieldError, clean
from .vocabulary import recognition_rank

# Record field -> facet of its InterventionTag rows.
TAGGED_FIELDS = TAGGED
RECOGNITION_FACET = "recognition"
MODEL_FIELDS = [field.name for field in FIELDS if field.stored_on_model]
# The texts a list of results shows; the rest of a hit is its coded lists and recognitions.
SUMMARY_FIELDS = ("slug", "name", "summary")
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
            obj, stored = existing.get(record["slug"], (None, None))
            if obj is None:
                new.append((Intervention(**_model_values(record)), record))
            elif stored != record or obj.search_text != searchtext.search_text(record):  # new search words: re-index
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
            DatabankVersion.bump()  # searches read fresh terms and words (catalogue.py)
            _refresh_statistics()
        report.created, report.updated = len(new), len(changed)
        report.unchanged = len(records) - len(new) - len(changed)
    return report


def _existing(slugs: list[str]) -> dict[str, tuple[Intervention, dict]]:
    """The stored interventions among these slugs, with their records."""
    found = {}
    for start in range(0, len(slugs), BATCH):
        objs = list(Intervention.objects.filter(slug__in=slugs[start : start + BATCH]))
        found.update((obj.slug, (obj, record)) for obj, record in zip(objs, records_of(objs)))
    return found


def _model_values(record: dict) -> dict:
    values = {name: record[name] for name in MODEL_FIELDS}
    text = searchtext.search_text(record)
    ranks = [recognition_rank(item["level"]) for item in record["recognitions"]]
    ranks = [rank for rank in ranks if rank is not None]
    # Only SQLite's FTS5 index reads the stems; PostgreSQL stems search_text itself (migration 0003).
    stems = searchtext.stemmed(text) if connection.vendor == "sqlite" else ""
    values.update(
        search_text=text,
        stemmed_text=stems,
        recognition_rank=max(ranks, default=None),
        logic_mask=fit.logic_mask(record["logics"]),
    )
    return values


def _write_relations(pairs):
    coded = [(obj, list(_codes(record)), record["recognitions"]) for obj, record in pairs]
    terms = _term_ids({(facet, code) for _, codes, _ in coded for facet, code, _ in codes})
    tags, recognitions = [], []
    for obj, codes, items in coded:
        tags.extend(
            InterventionTag(intervention=obj, term_id=terms[facet, code], position=position)
            for facet, code, position in codes
        )
        recognitions.extend(Recognition(intervention=obj, position=position, **item) for position, item in enumerate(items))
    InterventionTag.objects.bulk_create(tags, batch_size=BATCH)
    Recognition.objects.bulk_create(recognitions, batch_size=BATCH)


def _codes(record: dict):
    """(facet, code, position) of every tag of a record, including its recognition levels."""
    for field_name, facet in TAGGED_FIELDS.items():
        for position, code in enumerate(record[field_name]):
            yield facet, code, position
    levels = dict.fromkeys(item["level"] for item in record["recognitions"])
    for position, level in enumerate(levels):
        yield RECOGNITION_FACET, level, position


def _term_ids(needed: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    Term.objects.bulk_create([Term(facet=facet, code=code) for facet, code in needed], ignore_conflicts=True)
    return {(facet, code): pk for pk, facet, code in Term.objects.values_list("pk", "facet", "code")}


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


def _refresh_statistics():
    """Tell the query planner the new table sizes: it chooses between the text and facet indexes by them."""
    with connection.cursor() as cursor:
        for model in (Intervention, InterventionTag, Term, Recognition, IndexedWord, SearchEntry):
            if model._meta.managed or connection.vendor == "postgresql":  # SQLite's FTS5 table keeps its own
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _relations(ids: list[int]) -> tuple[dict, dict]:
    """{id: {facet: codes}} and {id: recognitions} of these interventions, in stored order.

    Read as plain values, two queries, which is much cheaper than model instances for every tag.
    """
    codes = defaultdict(lambda: defaultdict(list))
    tags = InterventionTag.objects.filter(intervention_id__in=ids).order_by("position")
    for intervention_id, facet, code in tags.values_list("intervention_id", "term__facet", "term__code"):
        codes[intervention_id][facet].append(code)
    recognitions = defaultdict(list)
    rows = Recognition.objects.filter(intervention_id__in=ids).order_by("position")
    for row in rows.values("intervention_id", *RECOGNITION_KEYS):
        recognitions[row.pop("intervention_id")].append(row)
    return codes, recognitions


def records_of(objs: list[Intervention]) -> list[dict]:
    """The canonical records of stored interventions, in the same order."""
    records = []
    for start in range(0, len(objs), BATCH):
        batch = objs[start : start + BATCH]
        codes, recognitions = _relations([obj.pk for obj in batch])
        records.extend(_record(obj, codes[obj.pk], recognitions[obj.pk]) for obj in batch)
    return records


def summaries_of(objs: list) -> list[dict]:
    """What a list of results shows of these interventions (at most a page): SUMMARY_FIELDS of
    each object (which needs no more than those and a pk) with the coded lists and recognitions,
    in the keys of a record."""
    codes, recognitions = _relations([obj.pk for obj in objs]) if objs else ({}, {})
    return [_fields(obj, SUMMARY_FIELDS, codes.get(obj.pk, {}), recognitions.get(obj.pk, [])) for obj in objs]


def _fields(obj, names, codes: dict, recognitions: list[dict]) -> dict:
    """These fields of an object, with its coded lists (from {facet: codes}) and recognitions."""
    values = {name: getattr(obj, name) for name in names}
    values.update((field_name, codes.get(facet, [])) for field_name, facet in TAGGED_FIELDS.items())
    values["recognitions"] = recognitions
    return values


def _record(obj: Intervention, codes: dict, recognitions: list[dict]) -> dict:
    values = _fields(obj, MODEL_FIELDS, codes, recognitions)
    return {field.name: values[field.name] for field in FIELDS if field.kind != "derived"}


def all_records() -> list[dict]:
    """Every stored intervention as a record, sorted by slug (the export order)."""
    return records_of(list(Intervention.objects.defer("search_text", "stemmed_text").order_by("slug")))
