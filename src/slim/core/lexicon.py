"""The classifier lexicon: loading engine/lexicon.yaml and finding its patterns in a text.

The pattern syntax is documented in the header of lexicon.yaml. In short, a pattern is a
sequence of slots separated by spaces:

    word      matches any word with the same Dutch stem ('kansen' matches 'kans', 'kansen')
    =word     matches exactly this (lowercased, accent-free) word
    word*     matches any word starting with these letters ('overweldig*')
    *word     matches any word ending in these letters ('*cursus' matches 'budgetcursus')
    a|b|c     matches any of the alternatives (each may use the forms above)
    @name     the alternatives of group 'name' from the 'groups' table ('@kan' = kan|kun|kunt|...)
    ...       skips 0 to 3 words;  ..N skips 0 to N words (N = 1..9)

A pattern never crosses a sentence boundary. When matches overlap, the one with more
matched words wins, then the earlier one, then the entry listed first in the file; so
'kan het niet' (not yet able) beats a plain 'kan'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from slim.core.errors import KnowledgeError
from slim.core.knowledge import lexicon_data
from slim.core.model import Evidence, Target, Text
from slim.core.text import Token, is_negated, negator_positions, normalise, stem

DEFAULT_GAP = 3
_GAP = re.compile(r"^(?:\.\.\.|\.\.([1-9]))$")


@dataclass(frozen=True)
class Slot:
    """One word position of a pattern: a set of alternatives."""

    stems: frozenset[str]
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]

    def accepts(self, token: Token) -> bool:
        return (
            token.stem in self.stems
            or token.norm in self.exact
            or token.norm.startswith(self.prefixes)
            or token.norm.endswith(self.suffixes)
        )


@dataclass(frozen=True)
class Gap:
    """Up to `size` arbitrary words."""

    size: int


@dataclass(frozen=True)
class Pattern:
    source: str
    parts: tuple[Slot | Gap, ...]


@dataclass(frozen=True)
class Entry:
    """A lexicon entry: patterns, the evidence they give, and what negation does to it.

    negated_evidence None means a negated match is ignored; otherwise it replaces the
    evidence ('same' in the YAML copies the plain evidence: negation does not change it).
    """

    id: str
    order: int
    patterns: tuple[Pattern, ...]
    evidence: tuple[Evidence, ...]
    explanation: Text
    negated_evidence: tuple[Evidence, ...] | None
    negated_explanation: Text | None
    domains: frozenset[str] | None


@dataclass(frozen=True)
class Match:
    """An entry found in a text; `words` are the indexes of the tokens the slots matched."""

    entry: Entry
    words: tuple[int, ...]
    start: int
    end: int
    negated: bool


def _alternatives(source: str, groups: dict[str, str]) -> list[str]:
    alternatives = []
    for alternative in source.split("|"):
        if alternative.startswith("@"):
            if alternative[1:] not in groups:
                raise KnowledgeError(f"Lexicon group '{alternative}' is not defined.")
            alternatives.extend(groups[alternative[1:]].split("|"))
        else:
            alternatives.append(alternative)
    return alternatives


def _slot(source: str, groups: dict[str, str]) -> Slot:
    stems, exact, prefixes, suffixes = set(), set(), [], []
    for alternative in _alternatives(source, groups):
        alternative = normalise(alternative)
        if alternative.startswith("="):
            exact.add(alternative[1:])
        elif alternative.endswith("*"):
            prefixes.append(alternative[:-1])
        elif alternative.startswith("*"):
            suffixes.append(alternative[1:])
        else:
            stems.add(stem(alternative))
    return Slot(frozenset(stems), frozenset(exact), tuple(prefixes), tuple(suffixes))


def compile_pattern(source: str, groups: dict[str, str]) -> Pattern:
    parts: list[Slot | Gap] = []
    for piece in source.split():
        gap = _GAP.match(piece)
        if gap:
            parts.append(Gap(int(gap.group(1) or DEFAULT_GAP)))
        else:
            parts.append(_slot(piece, groups))
    if not parts or isinstance(parts[0], Gap) or isinstance(parts[-1], Gap):
        raise KnowledgeError(f"Lexicon pattern '{source}' must start and end with a word.")
    return Pattern(source, tuple(parts))


def _evidence(mapping: dict, entry_id: str) -> tuple[Evidence, ...]:
    try:
        return tuple(Evidence(Target.parse(key), float(weight)) for key, weight in mapping.items())
    except (ValueError, AttributeError) as exc:
        raise KnowledgeError(f"Lexicon entry '{entry_id}' has invalid evidence {mapping!r}: {exc}") from exc


def _entry(order: int, raw: dict, groups: dict[str, str]) -> Entry:
    entry_id = raw["id"]
    evidence = _evidence(raw["evidence"], entry_id)
    explanation = Text.of(raw["explain"])
    negated = raw.get("negated")
    if negated is None:
        negated_evidence, negated_explanation = None, None
    elif negated == "same":
        negated_evidence, negated_explanation = evidence, explanation
    else:
        negated_evidence, negated_explanation = _evidence(negated["evidence"], entry_id), Text.of(negated["explain"])
    domains = raw.get("domains")
    return Entry(
        id=entry_id,
        order=order,
        patterns=tuple(compile_pattern(source, groups) for source in raw["match"]),
        evidence=evidence,
        explanation=explanation,
        negated_evidence=negated_evidence,
        negated_explanation=negated_explanation,
        domains=frozenset(domains) if domains else None,
    )


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    """All lexicon entries, compiled, in file order."""
    data = lexicon_data()
    groups = data.get("groups", {})
    compiled = tuple(_entry(order, raw, groups) for order, raw in enumerate(data["entries"]))
    ids = [entry.id for entry in compiled]
    duplicates = sorted({entry_id for entry_id in ids if ids.count(entry_id) > 1})
    if duplicates:
        raise KnowledgeError(f"Lexicon ids must be unique; duplicated: {', '.join(duplicates)}.")
    return compiled


def _match_at(parts: tuple[Slot | Gap, ...], sentence: list[Token], position: int) -> tuple[int, ...] | None:
    """Match parts from sentence[position]; shortest gaps first. Returns matched token indexes."""
    if not parts:
        return ()
    part, rest = parts[0], parts[1:]
    if isinstance(part, Gap):
        for skip in range(part.size + 1):
            found = _match_at(rest, sentence, position + skip)
            if found is not None:
                return found
        return None
    if position >= len(sentence) or not part.accepts(sentence[position]):
        return None
    found = _match_at(rest, sentence, position + 1)
    return None if found is None else (sentence[position].index, *found)


def _sentences(tokens: list[Token]) -> list[list[Token]]:
    grouped: dict[int, list[Token]] = {}
    for token in tokens:
        grouped.setdefault(token.sentence, []).append(token)
    return list(grouped.values())


def find_matches(tokens: list[Token], domain: str | None = None) -> list[Match]:
    """All non-overlapping entry matches in reading order, with their negation status."""
    candidates: list[tuple[Entry, tuple[int, ...]]] = []
    active = [entry for entry in entries() if entry.domains is None or domain in entry.domains]
    for sentence in _sentences(tokens):
        for entry in active:
            for pattern in entry.patterns:
                for position in range(len(sentence)):
                    words = _match_at(pattern.parts, sentence, position)
                    if words is not None:
                        candidates.append((entry, words))
    candidates.sort(key=lambda item: (-len(item[1]), item[1][0], item[0].order))
    taken: set[int] = set()
    negators = negator_positions(tokens)
    matches: list[Match] = []
    for entry, words in candidates:
        if taken.intersection(words):
            continue
        taken.update(words)
        matches.append(
            Match(
                entry=entry,
                words=words,
                start=tokens[words[0]].start,
                end=tokens[words[-1]].end,
                negated=is_negated(tokens, words[0], words[-1], frozenset(words), negators),
            )
        )
    matches.sort(key=lambda match: (match.start, match.entry.order))
    return matches
