"""Checks shared by the classifier tests: every signal must point at the client's own words."""

from slim.core.model import TextSignal, WordSignal
from slim.core.text import tokenize


def phrases(result) -> list[TextSignal]:
    """The lexicon's signals of a classification (the word statistics left out)."""
    return [signal for signal in result.signals if isinstance(signal, TextSignal)]


def assert_spans_point_at_the_words(text: str, result) -> None:
    for signal in result.signals:
        assert signal.explanation.nl and signal.explanation.en
        if isinstance(signal, WordSignal):
            for term, stem, (start, end) in zip(signal.terms, signal.stems, signal.spans, strict=True):
                assert " ".join(token.text for token in tokenize(text[start:end])) == term
                assert "_".join(token.stem for token in tokenize(text[start:end])) == stem
        else:
            assert text[signal.start : signal.end] == signal.term
