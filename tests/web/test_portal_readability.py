"""Issue 16: the client pages are written at B1. Measured with Flesch-Douma (the Dutch adaptation of
Flesch reading ease: 206.835 − 0.93 × words per sentence − 77 × syllables per word; 60 or more reads
fairly easily) and with plain limits: at most 15 words per sentence on average, at most 3 syllables
per word on average. Syllables are counted as vowel groups (ij, ei, oe … count once)."""

import re
from html.parser import HTMLParser

import pytest

from slim.portal import operations, plain
from tests.factories import decide, open_case

pytestmark = pytest.mark.django_db

BLOCKS = {"p", "h1", "h2", "h3", "legend", "label", "li", "button", "a", "dt", "dd"}


class MainText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside, self.units, self.current = 0, [], []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.inside += 1
        if self.inside and tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if self.inside and tag in BLOCKS:
            self._flush()
        if tag == "main":
            self.inside -= 1

    def handle_data(self, data):
        if self.inside:
            self.current.append(data)

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if re.search(r"[A-Za-zÀ-ÿ]", text):
            self.units.append(text)
        self.current = []


def syllables(word):
    return max(1, len(re.findall(r"[aeiouyàáäëéèïöüú]+", word.lower())))


def sentences(units):
    found = []
    for unit in units:
        found += [part for part in re.split(r"(?<=[.?!])\s+", unit) if re.search(r"[A-Za-zÀ-ÿ]", part)]
    return found


def measure(units):
    parts = sentences(units)
    words = [word for part in parts for word in re.findall(r"[A-Za-zÀ-ÿ']+", part)]
    per_sentence = len(words) / len(parts)
    per_word = sum(syllables(word) for word in words) / len(words)
    return 206.835 - 0.93 * per_sentence - 77 * per_word, per_sentence, per_word


def test_syllable_count():
    assert [syllables(word) for word in ("plan", "helpen", "hulpverlener", "afspraak", "ik")] == [1, 2, 4, 2, 1]


def test_fixed_client_texts_are_b1():
    texts = [str(text) for text in plain.HOW_WE_HELP.values()]
    texts += [str(question) for _code, question, _answers in plain.QUESTIONS]
    texts += [str(label) for _code, _q, answers in plain.QUESTIONS for _v, _i, label in answers]
    score, per_sentence, per_word = measure(texts)
    assert score >= 60 and per_sentence <= 15 and per_word <= 3, (score, per_sentence, per_word)


def test_every_client_page_is_b1(client, professional):
    case = open_case(professional, goal="Weer rust in de financiën")
    decide(case.client, professional, "werk", "competenties", suggested_logic="kansen")
    code = operations.create_code(case, professional)[1]
    pages = {"/mijn/": client.get("/mijn/")}
    client.post("/mijn/", {"code": code})
    for url in ("/mijn/pincode/", "/mijn/plan/", "/mijn/zelf/", "/mijn/klopt-dit/"):
        pages[url] = client.get(url)
    results = {}
    for url, response in pages.items():
        assert response.status_code == 200, url
        parser = MainText()
        parser.feed(response.content.decode())
        results[url] = measure(parser.units)
    for url, (score, per_sentence, per_word) in results.items():
        assert score >= 60 and per_sentence <= 15 and per_word <= 3, (url, results[url])
    print({url: tuple(round(x, 1) for x in values) for url, values in results.items()})
