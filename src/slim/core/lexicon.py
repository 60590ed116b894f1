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
    $         (last only) the clause ends here ('=wil =ik =niet $' reads 'Een cursus wil ik niet.'
              but not 'wil ik niet stilzitten')

A pattern never crosses a sentence boundary. When matches overlap, the one with more
matched words wins, then the earlier one, then the entry listed first in the file; so
'kan het niet' (not yet able) beats a plain 'kan'.

Words are compared in their standard spelling (text.SPELLING: 'mot' = 'moet', 'nie' = 'niet'),
in the text and in the patterns alike. An entry with 'claims: false' is a context entry: it
counts once, at its first match, and never takes words away from other entries. A word in the
gap of a phrase that holds a negation ('geen cursus voor nodig') is read as negated, and so is
a phrase with a negation in its own gap ('weet niet goed hoe' does not read as 'weet goed hoe').
An entry with 'rejects: true' turns something down ('hoeft voor mij niet', 'kunt u houden'): the
offers named before it in its sentence ('Een mbo-diploma hoeft voor mij niet') are read as negated
(see classifier.read_statement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from slim.core.errors import KnowledgeError
from slim.core.knowledge import lexicon_data
from slim.core.model import Evidence, Target, Text
from slim.core.text import (
    NEGATORS,
    Token,
    is_negated,
    negator_positions,
    normalise,
    sentences,
    spelling,
    stem,
)

DEFAULT_GAP = 3
_GAP = re.compile(r"^(?:\.\.\.|\.\.([1-9]))$")
# What a single token can look like after normalising (see text.tokenize): letters, digits, apostrophes.
_WORD_FORM = re.compile(r"^\w+(?:'\w+)*$")


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
            or token.form in self.exact
            or token.norm.startswith(self.prefixes)
            or token.norm.endswith(self.suffixes)
        )


@dataclass(frozen=True)
class Gap:
    """Up to `size` arbitrary words."""

    size: int


@dataclass(frozen=True)
class ClauseEnd:
    """The end of a clause: the sentence ends or the next word starts a new clause."""


@dataclass(frozen=True)
class Pattern:
    source: str
    parts: tuple[Slot | Gap | ClauseEnd, ...]


@dataclass(frozen=True)
class Entry:
    """A lexicon entry: patterns, the evidence they give, and what negation does to it.

    negated_evidence None means a negated match is ignored; otherwise it replaces the
    evidence ('same' in the YAML copies the plain evidence: negation does not change it).
    An entry without evidence is a stop phrase: it only claims its words.
    claims False makes a context entry: weak evidence read across a whole sentence ('ik wil ...
    maar ... kan'), which counts at most once and never takes words away from other entries.
    """

    id: str
    order: int
    patterns: tuple[Pattern, ...]
    evidence: tuple[Evidence, ...]
    explanation: Text
    negated_evidence: tuple[Evidence, ...] | None
    negated_explanation: Text | None
    claims: bool = True
    rejects: bool = False
    warns: str | None = None  # a warning kind this phrase raises ('socially_desirable')


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
        if alternative.startswith("=") and _WORD_FORM.match(alternative[1:]):
            exact.add(spelling(alternative[1:]))
        elif alternative.endswith("*") and not alternative.startswith(("=", "*")):
            prefixes.append(alternative[:-1])
        elif alternative.startswith("*") and not alternative.endswith("*"):
            suffixes.append(alternative[1:])
        elif _WORD_FORM.match(alternative):
            stems.add(stem(spelling(alternative)))
        else:
            raise KnowledgeError(f"Lexicon slot '{source}' has an alternative that is not valid: '{alternative}'.")
    return Slot(frozenset(stems), frozenset(exact), tuple(prefixes), tuple(suffixes))


def compile_pattern(source: str, groups: dict[str, str]) -> Pattern:
    parts: list[Slot | Gap | ClauseEnd] = []
    pieces = source.split()
    for number, piece in enumerate(pieces):
        gap = _GAP.match(piece)
        if piece == "$":
            if number != len(pieces) - 1 or number == 0:
                raise KnowledgeError(f"Lexicon pattern '{source}' may only end with '$'.")
            parts.append(ClauseEnd())
        else:
            parts.append(Gap(int(gap.group(1) or DEFAULT_GAP)) if gap else _slot(piece, groups))
    words = [part for part in parts if not isinstance(part, ClauseEnd)]
    if not words or isinstance(words[0], Gap) or isinstance(words[-1], Gap):
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
    return Entry(
        id=entry_id,
        order=order,
        patterns=tuple(compile_pattern(source, groups) for source in raw["match"]),
        evidence=evidence,
        explanation=explanation,
        negated_evidence=negated_evidence,
        negated_explanation=negated_explanation,
        claims=bool(raw.get("claims", True)),
        rejects=bool(raw.get("rejects", False)),
        warns=raw.get("warns"),
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


def _match_at(
    parts: tuple[Slot | Gap | ClauseEnd, ...], sentence: list[Token], position: int
) -> tuple[int, ...] | None:
    """Match parts from sentence[position]; shortest gaps first. Returns matched token indexes."""
    if not parts:
        return ()
    part, rest = parts[0], parts[1:]
    if isinstance(part, ClauseEnd):
        ends = position >= len(sentence) or sentence[position].clause != sentence[position - 1].clause
        return () if ends else None
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


@dataclass(frozen=True)
class _FirstSlotIndex:
    """Which patterns can start at a word: looked up by stem or exact form, the rest tried one by one.

    Only a speed-up: it gives exactly the places that trying every pattern at every word gives.
    """

    by_stem: dict[str, tuple[tuple[int, Entry, Pattern], ...]]
    by_exact: dict[str, tuple[tuple[int, Entry, Pattern], ...]]
    by_affix: tuple[tuple[int, Entry, Pattern], ...]


@lru_cache(maxsize=1)
def _first_slot_index() -> _FirstSlotIndex:
    by_stem: dict[str, list] = {}
    by_exact: dict[str, list] = {}
    by_affix: list = []
    number = 0
    for entry in entries():
        for pattern in entry.patterns:
            item = (number, entry, pattern)
            number += 1
            first = pattern.parts[0]
            for value in first.stems:
                by_stem.setdefault(value, []).append(item)
            for value in first.exact:
                by_exact.setdefault(value, []).append(item)
            if first.prefixes or first.suffixes:
                by_affix.append(item)
    return _FirstSlotIndex(
        {key: tuple(value) for key, value in by_stem.items()},
        {key: tuple(value) for key, value in by_exact.items()},
        tuple(by_affix),
    )


def _candidates(tokens: list[Token]) -> list[tuple[Entry, tuple[int, ...]]]:
    """Every place where any pattern matches, before overlaps are resolved.

    In the order of sentence, entry, pattern and position (the order the overlap rules rely on).
    """
    index = _first_slot_index()
    found = []
    for number, sentence in enumerate(sentences(tokens)):
        for position, token in enumerate(sentence):
            starting = {
                item[0]: item
                for group in (
                    index.by_stem.get(token.stem, ()),
                    index.by_exact.get(token.norm, ()),
                    index.by_exact.get(token.form, ()),
                    (item for item in index.by_affix if item[2].parts[0].accepts(token)),
                )
                for item in group
            }
            for pattern_number, entry, pattern in starting.values():
                words = _match_at(pattern.parts, sentence, position)
                if words is not None:
                    found.append(((number, pattern_number, position), entry, words))
    found.sort(key=lambda item: item[0])
    return [(entry, words) for _, entry, words in found]


def find_matches(tokens: list[Token], text: str | None = None) -> list[Match]:
    """All non-overlapping entry matches in reading order, with their negation status."""
    candidates = sorted(_candidates(tokens), key=lambda item: (-len(item[1]), item[1][0], item[0].order))
    taken: set[int] = set()
    chosen: list[tuple[Entry, tuple[int, ...]]] = []
    for entry, words in candidates:
        if entry.claims and not taken.intersection(words):
            taken.update(words)
            chosen.append((entry, words))
    claiming = list(chosen)
    # Context entries: the first place each one matches, whatever other entries read there.
    context: dict[str, tuple[Entry, tuple[int, ...]]] = {}
    for entry, words in sorted(candidates, key=lambda item: (item[1][0], item[0].order)):
        if not entry.claims and entry.id not in context:
            context[entry.id] = (entry, words)
    chosen.extend(context.values())
    # A negation word that a pattern already read ('weet niet hoe', 'niks voor mij') belongs to that
    # phrase: it does not negate what follows ('weet niet hoe ik solliciteer'), but Dutch word order
    # still lets it negate what came just before ('die cursus is niks voor mij').
    negators = negator_positions(tokens, text)
    # ... except in a phrase that turns something down: 'daar hoef ik echt niet voor op cursus'.
    rejecting = {position for entry, words in chosen if entry.rejects for position in words}
    free = tuple(position for position in negators if position not in taken or position in rejecting)
    # 'in plaats van' and 'zonder' only negate what follows them ('artiest zonder diploma').
    ahead_only = tuple(
        position for position in free if tokens[position].form not in NEGATORS or tokens[position].form == "zonder"
    )
    free = tuple(position for position in free if position not in ahead_only)
    read = tuple(position for position in negators if position in taken and tokens[position].form in NEGATORS)

    def in_negated_gap(words: tuple[int, ...]) -> bool:
        """Whether the match sits in the gap of a phrase that negates it ('geen cursus nodig')."""
        first = words[0]
        return any(
            outer[0] < first < outer[-1]
            and first not in outer
            and any(position in read and position < first and tokens[position].clause == tokens[first].clause for position in outer)
            for _, outer in claiming
        )

    def negated(words: tuple[int, ...]) -> bool:
        others = tuple(position for position in read if position not in words)
        inside = any(words[0] < position < words[-1] and position not in words for position in free)
        return (
            is_negated(tokens, words[0], words[-1], free)
            or is_negated(tokens, words[0], words[-1], ahead_only, behind=False)
            or is_negated(tokens, words[0], words[-1], others, ahead=False)
            or in_negated_gap(words)
            or inside
        )

    matches = [
        Match(entry, words, tokens[words[0]].start, tokens[words[-1]].end, negated(words)) for entry, words in chosen
    ]
    return sorted(matches, key=lambda match: (match.start, match.entry.order))
