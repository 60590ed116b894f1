"""Text handling for Dutch client statements.

Matching works on a normalised, stemmed form of each word, but every token keeps its
character offsets, so a signal can always point back at the client's own words. Spoken and
chat spellings ('mot', 'nie', 'effe', "'k", 'kheb') are matched as their standard form.
Negation is handled here too, because Dutch puts 'niet' both before and after what it
negates ('ik hoef niet geholpen te worden', 'dat lukt me niet'). So are the cues that
change how a signal counts: a turn ('maar'), a look away from now ('vroeger', 'ooit'),
someone else's view ('iedereen zegt dat ...') and an offer echoed as a question
('Bewindvoering?').
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
# 'amper' and 'nauwelijks' (barely) work like a negation on what someone can do ('ik red het amper').
NEGATORS = frozenset("niet nie geen nooit nergens niemand niets niks zonder amper nauwelijks".split())
# How far a negator reaches: forwards into the clause, and backwards onto a preceding verb.
NEGATION_AHEAD = 4
NEGATION_BEHIND = 3

# Words that turn a statement around ('..., maar ...', 'het gaat erom dat ...'); what follows is
# the client's correction or what really matters to them.
CONTRAST_WORDS = frozenset("maar echter erom".split())
# Contrast words that only turn the statement around at the start of a sentence ('Alleen krijg ik ...').
# 'Eigenlijk ...' and 'Zelf ...' at the start of a sentence bring the client's own view after
# an earlier or someone else's one ('Eigenlijk regelen we het zelf', 'Zelf voel ik dat nog niet').
SENTENCE_CONTRAST_WORDS = frozenset("alleen eigenlijk zelf".split())
# Words and word pairs that place a clause away from now: in the past ('vroeger kon ik ...',
# 'vorig jaar was ...') or some day ('ooit wil ik ...'). SLIM reads how the client sees it now.
DISTANT_WORDS = frozenset("vroeger destijds toen verleden ooit geleden".split())
DISTANT_PAIRS = frozenset(
    {
        ("vorig", "jaar"), ("eerst", "zei"), ("later", "wil"), ("later", "misschien"), ("gedacht", "aan"),
        ("jaar", "terug"), ("jaren", "terug"), ("maanden", "terug"), ("tijd", "terug"), ("het", "begin"),
    }
)
# A look away from now carries on into the next clauses of its sentence ('Vorig jaar lag de post
# ongeopend en moest mijn broer alles regelen') until a word that comes back to now.
BACK_TO_NOW = frozenset("maar nu inmiddels sindsdien tegenwoordig echter".split())
# Third-person verbs of saying or thinking: what follows is someone else's view, not the client's.
SPEECH_VERBS = frozenset(
    """zegt zeggen zei zeiden vindt vinden vond vonden denkt denken dacht dachten adviseert adviseren adviseerde
    raadt raden raadde vertelt vertellen vertelde""".split()
)
FIRST_PERSON = frozenset("ik k wij we".split())
# Someone else's wish for the client ('mijn begeleider wil dat ik een cursus doe', 'ze willen me
# op een training') is reported too: 'wil'/'willen' with 'dat' or 'me' after it and no 'ik'/'we'
# next to it.
WISH_VERBS = frozenset("wil wilt willen wilde wilden".split())
# Where a report of someone else's view ends: 'alleen' and 'want' start the client's own words again.
REPORT_ENDS = frozenset("alleen want".split())
# 'volgens mij' is the client's own view.
CLIENT_SELF = frozenset("mij me ons".split())
WISH_OBJECTS = frozenset("dat me mij".split())
# A question that only repeats an offer ('Bewindvoering?', 'Nog een training?') is read as
# turning the offer down: its signals count as negated. A real question starts with a question
# word or a verb, or is about the client ('Kan iemand me helpen?', 'Hoe doe ik dat?').
QUESTION_OPENERS = frozenset(
    """hoe wat wie waar waarom wanneer welke welk kan kun kunt kunnen wil wilt zou zouden mag moet
    is ben bent heb hebt heeft weet doe doet gaat ga wordt word zijn""".split()
)
CLIENT_WORDS = frozenset("ik k me mij mijn m'n mn wij we ons onze".split())
# ... unless the next sentence accepts it ('Proefdraaien? Prima.').
AGREEMENT_WORDS = frozenset("prima graag goed natuurlijk zeker oke okay top".split())
# Irony turns an offer down just like an echo question: a sentence opening with 'Ja hoor' or
# 'Jaja', or holding a mock compliment ('super origineel', 'top plan').
IRONY_OPENERS = frozenset({("ja", "hoor"), ("jaja",)})
IRONY_PAIRS = frozenset(
    {
        ("super", "origineel"), ("heel", "origineel"), ("top", "plan"),
        ("geweldig", "plan"), ("geweldig", "idee"), ("leuk", "bedacht"),
    }
)

# Spoken and chat spellings read as their standard form when matching ('mot' = 'moet', 'nie' =
# 'niet', 'effe' = 'even', "'k" = 'ik'). The token keeps the client's own spelling; only its
# matching form changes, and the lexicon patterns are read through the same table.
SPELLING = {
    "k": "ik", "ikke": "ik", "t": "het", "da": "dat", "da's": "dat", "nie": "niet", "ni": "niet",
    "nix": "niks", "mot": "moet", "motte": "moeten", "motten": "moeten", "effe": "even", "ff": "even",
    "efkes": "even", "eventjes": "even", "m'n": "mijn", "mn": "mijn", "z'n": "zijn", "zn": "zijn",
    "wa": "wat", "gwn": "gewoon", "egt": "echt", "dr": "er", "d'r": "er", "hullie": "zij",
    "zullie": "zij", "ok": "oke", "okee": "oke", "okay": "oke",
}
# Contractions of 'ik' with a verb ('kheb', 'kweet'): read as two words.
CONTRACTED_IK = frozenset(
    "heb ben weet wil kan kon zit ga moet snap vind denk zie had was doe hoef durf krijg red zal zou werk woon mis".split()
)


def spelling(norm: str) -> str:
    """The standard spelling of a normalised word, for matching."""
    return SPELLING.get(norm, norm)


# Frequent Dutch function words, and English, French and German ones, for a cheap language check.
DUTCH_WORDS = frozenset(
    """ik je jij u hij zij ze wij mij mijn m'n jouw jou ons onze mezelf zichzelf het de een en of
    maar omdat dat die dit deze niet geen wel ook nog al er te van voor met op aan bij naar uit om
    over door tot zonder ben bent zijn was waren heb hebt heeft hebben had wil wilt willen kan kun
    kunt kunnen moet moeten ga gaat gaan word wordt worden zou zelf alles niets niks veel weet echt
    gewoon even graag nu hier daar dan als hoe wat waar wie waarom mee heel erg zo toch nooit altijd
    iets iemand andere anders hoor lukt mag kom komt doe doet eigen zoek vind krijg krijgen""".split()
)
FOREIGN_WORDS = frozenset(
    """the and i i'm you your are am to of it it's my want can can't cannot not don't do does need
    have has with for but this that what just would could should get be been they she our myself
    too much at on by from about will very really please so if how why who when there their than
    them mine yours le la les des est pas mais veux suis une avec pour dans que qui ne peux sont
    ich nicht und ist das der mit fur aber kann mochte auch sehr nur mein meine""".split()
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
    alias: str = ""  # the standard spelling used for matching (see SPELLING); '' = same as norm

    @property
    def form(self) -> str:
        return self.alias or self.norm


@dataclass(frozen=True)
class Marks:
    """Where a statement turns around, which clauses are not about now, which words report others,
    and which words sit in a sentence that turns an offer down."""

    turn: int | None
    distant_clauses: frozenset[int]
    reported: frozenset[int]
    echoed: frozenset[int]
    now_clauses: frozenset[int] = frozenset()


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


def _words(text: str):
    """(start, end) of every word; a contraction such as 'kheb' gives 'k' and 'heb'."""
    for match in _WORD.finditer(text):
        norm = normalise(match.group())
        if len(norm) > 2 and norm[0] == "k" and norm[1:] in CONTRACTED_IK:
            yield match.start(), match.start() + 1
            yield match.start() + 1, match.end()
        else:
            yield match.start(), match.end()


def tokenize(text: str) -> list[Token]:
    """Split text into tokens with character offsets, sentence and clause numbers."""
    tokens: list[Token] = []
    sentence = clause = 0
    previous_end = 0
    for index, (start, end) in enumerate(_words(text)):
        between = text[previous_end:start]
        norm = normalise(text[start:end])
        form = spelling(norm)
        if tokens and _SENTENCE_END.search(between):
            sentence += 1
        if tokens and (_CLAUSE_END.search(between) or form in CLAUSE_WORDS):
            clause += 1
        tokens.append(
            Token(
                index=index,
                text=text[start:end],
                start=start,
                end=end,
                norm=norm,
                stem=stem(form),
                sentence=sentence,
                clause=clause,
                alias=form if form != norm else "",
            )
        )
        previous_end = end
    return tokens


def sentences(tokens: list[Token]) -> list[list[Token]]:
    """The tokens grouped per sentence, in order."""
    grouped: dict[int, list[Token]] = {}
    for token in tokens:
        grouped.setdefault(token.sentence, []).append(token)
    return list(grouped.values())


# In a polite request the 'niet' right after 'kunt u' / 'kan iemand' does not negate anything
# ('Kunt u niet voor me instaan?', 'Kan iemand niet even bellen?').
REQUEST_VERBS = frozenset("kunt kun kan kunnen zou zoudt zouden wilt wil".split())
ADDRESSEES = frozenset("u je jij jullie iemand".split())


def _polite(tokens: list[Token], position: int, text: str | None) -> bool:
    if position < 2 or tokens[position].form != "niet" or text is None:
        return False
    verb, addressee = tokens[position - 2], tokens[position - 1]
    if verb.norm not in REQUEST_VERBS or addressee.norm not in ADDRESSEES:
        return False
    last = max(token.index for token in tokens if token.sentence == tokens[position].sentence)
    return text[tokens[last].end :].lstrip().startswith("?")


# Word groups that negate what follows their last word ('in plaats van een opleiding').
NEGATOR_PHRASES = (("in", "plaats", "van"),)


def _ends_negator_phrase(tokens: list[Token], position: int) -> bool:
    return any(
        position + 1 >= len(phrase)
        and tuple(token.form for token in tokens[position + 1 - len(phrase) : position + 1]) == phrase
        for phrase in NEGATOR_PHRASES
    )


def negator_positions(tokens: list[Token], text: str | None = None) -> tuple[int, ...]:
    """Indexes of tokens that negate something (with the text: not the 'niet' of a polite request)."""
    return tuple(
        token.index
        for token in tokens
        if ((token.norm in NEGATORS or token.form in NEGATORS) and not _polite(tokens, token.index, text))
        or _ends_negator_phrase(tokens, token.index)
    )


def _opens_clause(tokens: list[Token], position: int) -> bool:
    """A negation that opens its clause (', niet met een verhuizing naar een flat') covers all of it."""
    return position == 0 or tokens[position - 1].clause != tokens[position].clause


def is_negated(
    tokens: list[Token], first: int, last: int, negators: tuple[int, ...], ahead: bool = True, behind: bool = True
) -> bool:
    """Whether the match running from token `first` to `last` falls in a negation scope.

    A negator reaches up to NEGATION_AHEAD tokens forwards ('geen eigen bedrijf',
    'niet bij de hand genomen'; only when `ahead`), or to the end of its clause when it opens the
    clause (', niet met een verhuizing naar een flat') and NEGATION_BEHIND tokens backwards onto
    what precedes it ('dat lukt me niet'), never across a clause boundary.
    """
    for position in negators:
        if ahead and tokens[position].clause == tokens[first].clause and 0 < first - position <= NEGATION_AHEAD:
            return True
        if ahead and _opens_clause(tokens, position) and tokens[position].clause == tokens[first].clause and position < first:
            return True
        if behind and tokens[position].clause == tokens[last].clause and 0 < position - last <= NEGATION_BEHIND:
            return True
    return False


def _turn(tokens: list[Token]) -> int | None:
    openers = {words[0].index for words in sentences(tokens)}
    for token in tokens:
        if token.norm in CONTRAST_WORDS or (token.index in openers and token.norm in SENTENCE_CONTRAST_WORDS):
            return token.index
    return None


def _distant_clauses(tokens: list[Token]) -> frozenset[int]:
    starts = {token.clause for token in tokens if token.norm in DISTANT_WORDS}
    starts.update(first.clause for first, second in zip(tokens, tokens[1:]) if (first.norm, second.norm) in DISTANT_PAIRS)
    clauses = set(starts)
    for start in starts:
        sentence = next(token.sentence for token in tokens if token.clause == start)
        for token in tokens:
            if token.clause <= start or token.sentence != sentence:
                continue
            if token.norm in BACK_TO_NOW:
                break
            clauses.add(token.clause)
    return frozenset(clauses)


def _reported(text: str, tokens: list[Token]) -> frozenset[int]:
    """Words after 'zegt/vindt/...' (not 'ik vind') up to the end of the sentence, or of the next
    sentence when a colon follows the verb ('Iedereen zegt: ga nou solliciteren'). A 'maar'
    hands the word back to the client."""
    reported: set[int] = set()
    for token in tokens:
        following = tokens[token.index + 1].norm if token.index + 1 < len(tokens) else ""
        wish = token.norm in WISH_VERBS and following in WISH_OBJECTS
        if token.norm not in SPEECH_VERBS and not wish:
            continue
        neighbours = tokens[max(token.index - 1, 0) : token.index + 2]
        if any(other.norm in FIRST_PERSON for other in neighbours):
            continue
        last_sentence = token.sentence + 1 if text[token.end :].lstrip().startswith(":") else token.sentence
        for other in tokens[token.index + 1 :]:
            if other.sentence > last_sentence or other.norm in CONTRAST_WORDS or other.norm in REPORT_ENDS:
                break
            reported.add(other.index)
    # 'Volgens mijn docent ben ik klaar': the rest of that clause is someone else's view.
    for token in tokens:
        if token.norm == "volgens" and token.index + 1 < len(tokens) and tokens[token.index + 1].norm not in CLIENT_SELF:
            reported.update(other.index for other in tokens[token.index :] if other.clause == token.clause)
    return frozenset(reported)


def _is_echo_question(text: str, words: list[Token], reply: list[Token]) -> bool:
    return (
        text[words[-1].end :].lstrip().startswith("?")
        and words[0].norm not in QUESTION_OPENERS
        and not any(word.norm in CLIENT_WORDS for word in words)
        and not (reply and reply[0].norm in AGREEMENT_WORDS)
    )


def _is_ironic(words: list[Token]) -> bool:
    norms = [word.norm for word in words]
    return (
        tuple(norms[:2]) in IRONY_OPENERS
        or tuple(norms[:1]) in IRONY_OPENERS
        or any(pair in IRONY_PAIRS for pair in zip(norms, norms[1:]))
    )


def _echoed(text: str, tokens: list[Token]) -> frozenset[int]:
    """Words in sentences that turn an offer down by echoing it: a short question that repeats
    the offer ('Een kantoorbaan?', see QUESTION_OPENERS) or an ironic remark ('Ja hoor, ...')."""
    grouped = sentences(tokens)
    echoed: set[int] = set()
    for number, words in enumerate(grouped):
        reply = grouped[number + 1] if number + 1 < len(grouped) else []
        if _is_echo_question(text, words, reply) or _is_ironic(words):
            echoed.update(word.index for word in words)
    return frozenset(echoed)


# Words that bring a story back to now ('nu', 'inmiddels', ...): after a look back, what the client
# says from there on is how they see it now.
NOW_WORDS = frozenset("nu inmiddels tegenwoordig sindsdien".split())


def _now_clauses(tokens: list[Token], distant: frozenset[int]) -> frozenset[int]:
    """Clauses from a word that comes back to now ('nu', 'inmiddels') to the end of its sentence, when
    an earlier clause of the statement looks back ('Vorig jaar ... Nu wil ik ...')."""
    if not distant:
        return frozenset()
    first_back = min(distant)
    now: set[int] = set()
    for token in tokens:
        if token.norm in NOW_WORDS and token.clause > first_back and token.clause not in distant:
            now.update(other.clause for other in tokens[token.index :] if other.sentence == token.sentence)
    return frozenset(now - distant)


def weighting_marks(text: str, tokens: list[Token]) -> Marks:
    """The positions that change how a signal counts (see engine/scoring.yaml, statement)."""
    distant = _distant_clauses(tokens)
    return Marks(_turn(tokens), distant, _reported(text, tokens), _echoed(text, tokens), _now_clauses(tokens, distant))


def check_text(text: str) -> list[Token]:
    """Validate one statement and return its tokens.

    Raises InputError: empty_text (nothing to read), too_long (over MAX_CHARS characters),
    not_dutch (no Dutch signal, or more foreign than Dutch function words).
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
    dutch = sum(token.norm in DUTCH_WORDS or token.form in DUTCH_WORDS for token in tokens)
    foreign = sum(token.norm in FOREIGN_WORDS for token in tokens)
    if not tokens or foreign > dutch or (dutch == 0 and len(tokens) >= LANGUAGE_CHECK_MIN_WORDS):
        raise InputError(
            "not_dutch",
            "SLIM leest alleen Nederlandse uitspraken. Schrijf de woorden van de cliënt in het Nederlands op.",
            "SLIM only reads Dutch statements. Write the client's words down in Dutch.",
        )
    return tokens
