"""The text query: parsed once, then written out for PostgreSQL or SQLite.

The syntax is that of PostgreSQL's websearch_to_tsquery, which readers know
from web search engines: words must all occur, "quotes" make a phrase, 'or'
(or the Dutch 'of', in any case) offers alternatives and -word excludes. Parsing it ourselves lets SQLite's FTS5
follow the same rules, and lets us check each word against the index to offer
'Bedoelde je ...?' when a word occurs nowhere.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace

from slim.core import InputError

from . import searchtext

MAX_LENGTH = 200
# Frequent Dutch function words: they carry no topic, so they are not searched for
# (PostgreSQL's 'dutch' configuration drops words like these as well).
STOPWORDS = frozenset(
    """de het een en of maar want dus van in op te ten ter voor met aan bij naar uit om over door tot
    als dan ook nog wel niet er die dat dit deze zijn is was waren wordt worden werd ben bent heb hebt
    heeft hebben had zich hun hij zij ze we wij ik je jij u mij me mijn hem haar ons onze wat wie waar
    hoe welke zo al meer kan kunnen zal zou moet moeten""".split()
)
ALTERNATIVE_WORDS = frozenset({"or", "of"})  # 'schulden of armoede' and 'schulden OR armoede' alike
SUGGESTION_CUTOFF = 0.75
SUGGESTION_SLACK = 2  # letters more or fewer than the word typed
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Item:
    """A word, or a phrase (words that must follow each other), possibly excluded."""

    words: tuple[str, ...]
    negated: bool = False


@dataclass(frozen=True)
class Query:
    groups: tuple[tuple[Item, ...], ...]  # alternatives ('or'); the items within a group must all match

    @property
    def empty(self) -> bool:
        return not self.groups

    def positive_words(self) -> list[str]:
        return [word for group in self.groups for item in group if not item.negated for word in item.words]

    def corrected(self, corrections: dict[str, str]) -> Query:
        def fix(item):
            return item if item.negated else replace(item, words=tuple(corrections.get(w, w) for w in item.words))

        return Query(tuple(tuple(fix(item) for item in group) for group in self.groups))

    def websearch(self) -> str:
        """The query in websearch_to_tsquery syntax (PostgreSQL), also what the reader is shown."""
        return " or ".join(" ".join(_websearch_item(item) for item in group) for group in self.groups)

    def fts5(self) -> str:
        """The same query for SQLite FTS5, over stems; exclusions follow the words they limit."""
        groups = []
        for group in self.groups:
            positive = " ".join(_fts5_phrase(item) for item in group if not item.negated)
            negative = "".join(f" NOT {_fts5_phrase(item)}" for item in group if item.negated)
            groups.append(f"({positive}{negative})")
        return " OR ".join(groups)


def _websearch_item(item: Item) -> str:
    text = item.words[0] if len(item.words) == 1 else '"' + " ".join(item.words) + '"'
    return ("-" if item.negated else "") + text


def _fts5_phrase(item: Item) -> str:
    return '"' + " ".join(searchtext.stem(word) for word in item.words) + '"'


def parse(text: str) -> Query:
    """Parse the reader's query; raise InputError when it cannot be searched as given."""
    if len(text) > MAX_LENGTH:
        raise InputError(
            "query_too_long",
            f"De zoekvraag is te lang ({len(text)} tekens; maximaal {MAX_LENGTH}).",
            f"The query is too long ({len(text)} characters; at most {MAX_LENGTH}).",
            "q",
        )
    groups, current, alternative = [], [], False
    for negated, quoted, bare in _TOKEN.findall(text):
        if bare and bare.lower() in ALTERNATIVE_WORDS:
            alternative = bool(current)
            continue
        if bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        words = tuple(searchtext.words(quoted if not bare else bare))
        if bare and len(words) == 1 and words[0] in STOPWORDS:
            continue
        if not words:
            continue
        if alternative and current:
            groups.append(tuple(current))
            current = []
        alternative = False
        current.append(Item(words, negated=bool(negated)))
    if current:
        groups.append(tuple(current))
    for group in groups:
        if all(item.negated for item in group):
            raise InputError(
                "only_exclusions",
                "Zoek op minstens één woord zonder min-teken; alleen uitsluiten (-woord) kan niet.",
                "Search for at least one word without a minus sign; excluding words only (-word) is not possible.",
                "q",
            )
    return Query(tuple(groups))


def corrections(query: Query, known) -> dict[str, str]:
    """For each word whose stem occurs in no intervention, the closest indexed word (if any is close).

    `known` is the catalogue of the databank (catalogue.py), which holds the words of the index.
    """
    candidates = [word for word in dict.fromkeys(query.positive_words()) if searchtext.is_suggestable(word)]
    found = {}
    for word in candidates:
        if searchtext.stem(word) in known.stems:
            continue
        # Same first letter and about as long: keeps difflib cheap; a slip in the very first
        # letter is rare and then no suggestion is made.
        matches = difflib.get_close_matches(word, known.words_like(word, SUGGESTION_SLACK), n=1, cutoff=SUGGESTION_CUTOFF)
        if matches:
            found[word] = matches[0]
    return found
