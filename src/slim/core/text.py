"""Text handling for Dutch client statements.

Matching works on a normalised, stemmed form of each word, but every token keeps its
character offsets, so a signal can always point back at the client's own words.
Negation is handled here too, because Dutch puts 'niet' both before and after what it
negates ('ik hoef niet geholpen te worden', 'dat lukt me niet'). So are the cues that
change how much a signal counts: a turn ('maar'), a look away from now ('vroeger', 'ooit'), and words
that report someone else's view ('iedereen zegt dat ...').
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from slim.core.errors import InputError

MAX_CHARS = 2000

# A word: letters/digits, optionally joined by an apostrophe ("zzp'er", "m'n").
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# Punctuation that ends a sentence: patterns never match across it.
_SENTENCE_END = re.compile(r"[.!?;:\n]")
# Punctuation that ends a clause: negation never reaches across it. A hyphen only when spaced.
_CLAUSE_END = re.compile(r"[.!?;:,\n()\"–—]|\s-|-\s")

# Words that open a new clause; a negation before them does not reach past them.
CLAUSE_WORDS = frozenset("maar want omdat als terwijl zodat doordat hoewel en dus behalve".split())
# Words that negate what follows them (and, Dutch word order, the verb before them).
NEGATORS = frozenset("niet nie geen nooit nergens niemand niets niks zonder".split())
# How far a negator reaches: forwards into the clause, and backwards onto a preceding verb.
NEGATION_AHEAD = 4
NEGATION_BEHIND = 3

# Words that turn a statement around ('..., maar ...'); what follows is the client's correction.
CONTRAST_WORDS = frozenset("maar echter".split())
# Contrast words that only turn the statement around at the start of a sentence ('Alleen krijg ik ...').
SENTENCE_CONTRAST_WORDS = frozenset("alleen".split())
# Words and word pairs that place a clause away from now: in the past ('vroeger kon ik ...',
# 'vorig jaar was ...') or some day ('ooit wil ik ...'). SLIM reads how the client sees it now.
DISTANT_WORDS = frozenset("vroeger destijds toen verleden ooit".split())
DISTANT_PAIRS = frozenset({("vorig", "jaar"), ("eerst", "zei"), ("later", "wil"), ("later", "misschien")})
# Third-person verbs of saying or thinking: what follows is someone else's view, not the client's.
SPEECH_VERBS = frozenset("zegt zeggen zeiden vindt vinden vonden denkt denken dachten adviseert adviseren".split())
FIRST_PERSON = frozenset("ik k wij we".split())

# Frequent Dutch and English function words, used for a cheap language check.
DUTCH_WORDS = frozenset(
    """ik je jij u hij zij ze wij mij mijn m'n jouw jou ons onze mezelf zichzelf het de een en of
    maar omdat dat die dit deze niet geen wel ook nog al er te van voor met op aan bij naar uit om
    over door tot zonder ben bent zijn was waren heb hebt heeft hebben had wil wilt willen kan kun
    kunt kunnen moet moeten ga gaat gaan word wordt worden zou zelf alles niets niks veel weet echt
    gewoon even graag nu hier daar dan als hoe wat waar wie waarom mee heel erg zo toch nooit altijd
    iets iemand andere anders hoor lukt mag kom komt doe doet eigen zoek vind krijg krijgen""".split()
)
ENGLISH_WORDS = frozenset(
    """the and i i'm you your are am to of it it's my want can can't cannot not don't do does need
    have has with for but this that what just would could should get be been they she our myself
    too much at on by from about will very really please so if how why who when there their than
    them mine yours""".split()
) - DUTCH_WORDS  # words that are also ordinary Dutch must not count against Dutch
# Below this many words a text without Dutch function words is given the benefit of the doubt.
LANGUAGE_CHECK_MIN_WORDS = 4


@dataclass(frozen=True)
class Token:
    """One word of the original text, with its offsets and matching forms."""

    index: int
    text: str
    start: int
    end: int
    norm: str
    stem: str
    sentence: int
    clause: int


@dataclass(frozen=True)
class Marks:
    """Where a statement turns around, which clauses are not about now, and which words report others."""

    turn: int | None
    distant_clauses: frozenset[int]
    reported: frozenset[int]


def normalise(text: str) -> str:
    """Lowercase and strip accents ('één' -> 'een', 'cliënt' -> 'client') for matching only."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("dutch")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Dutch Snowball stem of an already normalised word."""
    return _stemmer().stemWord(word)


def tokenize(text: str) -> list[Token]:
    """Split text into tokens with character offsets, sentence and clause numbers."""
    tokens: list[Token] = []
    sentence = clause = 0
    previous_end = 0
    for index, match in enumerate(_WORD.finditer(text)):
        between = text[previous_end : match.start()]
        norm = normalise(match.group())
        if tokens and _SENTENCE_END.search(between):
            sentence += 1
        if tokens and (_CLAUSE_END.search(between) or norm in CLAUSE_WORDS):
            clause += 1
        tokens.append(
            Token(
                index=index,
                text=match.group(),
                start=match.start(),
                end=match.end(),
                norm=norm,
                stem=stem(norm),
                sentence=sentence,
                clause=clause,
            )
        )
        previous_end = match.end()
    return tokens


def negator_positions(tokens: list[Token]) -> tuple[int, ...]:
    """Indexes of tokens that negate something."""
    return tuple(token.index for token in tokens if token.norm in NEGATORS)


def is_negated(tokens: list[Token], first: int, last: int, own: frozenset[int], negators: tuple[int, ...]) -> bool:
    """Whether the match running from token `first` to `last` falls in a negation scope.

    A negator reaches up to NEGATION_AHEAD tokens forwards ('geen eigen bedrijf',
    'niet bij de hand genomen') and NEGATION_BEHIND tokens backwards onto what precedes
    it ('dat lukt me niet'), never across a clause boundary. Negators that are part of
    the match itself ('weet niet hoe') do not count.
    """
    for position in negators:
        if position in own:
            continue
        if tokens[position].clause == tokens[first].clause and 0 < first - position <= NEGATION_AHEAD:
            return True
        if tokens[position].clause == tokens[last].clause and 0 < position - last <= NEGATION_BEHIND:
            return True
    return False


def _turn(tokens: list[Token]) -> int | None:
    for token in tokens:
        sentence_start = token.index == 0 or tokens[token.index - 1].sentence != token.sentence
        if token.norm in CONTRAST_WORDS or (sentence_start and token.norm in SENTENCE_CONTRAST_WORDS):
            return token.index
    return None


def _distant_clauses(tokens: list[Token]) -> frozenset[int]:
    clauses = {token.clause for token in tokens if token.norm in DISTANT_WORDS}
    clauses.update(first.clause for first, second in zip(tokens, tokens[1:]) if (first.norm, second.norm) in DISTANT_PAIRS)
    return frozenset(clauses)


def _reported(text: str, tokens: list[Token]) -> frozenset[int]:
    """Words after 'zegt/vindt/...' (not 'ik vind') up to the end of the sentence, or of the next
    sentence when a colon follows the verb ('Iedereen zegt: ga nou solliciteren'). A 'maar'
    hands the word back to the client."""
    reported: set[int] = set()
    for token in tokens:
        if token.norm not in SPEECH_VERBS:
            continue
        neighbours = tokens[max(token.index - 1, 0) : token.index + 2]
        if any(other.norm in FIRST_PERSON for other in neighbours):
            continue
        last_sentence = token.sentence + 1 if text[token.end :].lstrip().startswith(":") else token.sentence
        for other in tokens[token.index + 1 :]:
            if other.sentence > last_sentence or other.norm in CONTRAST_WORDS:
                break
            reported.add(other.index)
    return frozenset(reported)


def weighting_marks(text: str, tokens: list[Token]) -> Marks:
    """The positions that change how much a signal counts (see engine/scoring.yaml, statement)."""
    return Marks(_turn(tokens), _distant_clauses(tokens), _reported(text, tokens))


def check_text(text: str) -> list[Token]:
    """Validate one statement and return its tokens.

    Raises InputError: empty_text (nothing to read), too_long (over MAX_CHARS characters),
    not_dutch (no Dutch signal, or clearly more English than Dutch function words).
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError(
            "empty_text",
            "De uitspraak is leeg. Schrijf op wat de cliënt zelf zei.",
            "The statement is empty. Write down what the client said.",
        )
    if len(text) > MAX_CHARS:
        raise InputError(
            "too_long",
            f"De uitspraak is te lang ({len(text)} tekens; maximaal {MAX_CHARS}). Kies de zinnen die het meest zeggen.",
            f"The statement is too long ({len(text)} characters; at most {MAX_CHARS}). Pick the most telling sentences.",
        )
    tokens = tokenize(text)
    dutch = sum(token.norm in DUTCH_WORDS for token in tokens)
    english = sum(token.norm in ENGLISH_WORDS for token in tokens)
    if not tokens or english > dutch or (dutch == 0 and len(tokens) >= LANGUAGE_CHECK_MIN_WORDS):
        raise InputError(
            "not_dutch",
            "SLIM leest alleen Nederlandse uitspraken. Schrijf de woorden van de cliënt in het Nederlands op.",
            "SLIM only reads Dutch statements. Write the client's words down in Dutch.",
        )
    return tokens
