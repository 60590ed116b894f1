"""Helpers for reading what the app produces (HTML, tagged PDF), shared by the test modules.

Test data lives in tests/factories.py; this module only reads and checks output.
"""

import io
import re
import zlib
from html.parser import HTMLParser

from pdfminer.high_level import extract_text
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral


class Elements(HTMLParser):
    """Every element with its attributes and the text inside it, enough to check ids and ARIA."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "col", "area", "base", "source", "wbr"}

    def __init__(self, html):
        super().__init__()
        self.elements, self.open = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index]["tag"] == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data

    def by_id(self, element_id):
        found = [element for element in self.elements if element["attrs"].get("id") == element_id]
        assert len(found) == 1, f"id {element_id!r} komt {len(found)} keer voor"
        return found[0]

    def find(self, tag, **attrs):
        return [
            element for element in self.elements
            if element["tag"] == tag and all(element["attrs"].get(key) == value for key, value in attrs.items())
        ]


def pdf_text_codes(content):
    """The Unicode code points that the PDF's ToUnicode maps declare: the characters actually used in text."""
    codes = set()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            data = zlib.decompress(stream)
        except zlib.error:
            data = stream
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
            # A glyph may stand for more than one character (the ligature 'fi' maps to <00660069>).
            for value in re.findall(rb"<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>", block):
                codes |= {ord(character) for character in bytes.fromhex(value.decode()).decode("utf-16-be")}
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
            for first, last, start in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>", block):
                base = int(start, 16)
                codes |= {base + offset for offset in range(int(last, 16) - int(first, 16) + 1)}
    return codes


# Structure elements that carry the meaning; Span, Lbl and LBody sit inside them.
MEANING = {"H1", "H2", "P", "L", "LI"}


def pdf_structure(content):
    """The PDF's catalog and the meaningful tags of its structure tree, depth first (= reading order)."""
    catalog = PDFDocument(PDFParser(io.BytesIO(content))).catalog
    found = []

    def walk(node):
        node = resolve1(node)
        if isinstance(node, list):
            for kid in node:
                walk(kid)
        elif isinstance(node, dict):
            tag = node.get("S")
            if isinstance(tag, PSLiteral) and tag.name in MEANING:
                found.append(tag.name)
            if "K" in node:
                walk(node["K"])

    walk(catalog["StructTreeRoot"])
    return catalog, found


def expected_structure(document):
    tags = ["H1"] + ["P"] * len(document.intro)
    for section in document.sections:
        tags += ["H2"] + ["P"] * len(section.paragraphs)
        if section.items:
            tags += ["L"] + ["LI"] * len(section.items)
    return tags


def assert_tagged_pdf(content, document, language="nl"):
    """Tagged like the page: title, language, H1/H2/P/L/LI in the document's order, and the text in that order."""
    catalog, tags = pdf_structure(content)
    assert resolve1(catalog["MarkInfo"])["Marked"] is True
    assert resolve1(catalog["Lang"]).decode() == language
    assert resolve1(catalog["ViewerPreferences"])["DisplayDocTitle"] is True
    assert tags == expected_structure(document)
    text = " ".join(extract_text(io.BytesIO(content)).split())
    position = 0
    pieces = [document.title, *document.intro]
    for section in document.sections:
        pieces += [section.heading, *section.paragraphs, *section.items]
    for piece in pieces:
        found = text.find(" ".join(piece.split()), position)
        assert found >= 0, f"{piece!r} ontbreekt of staat op de verkeerde plek"
        position = found + 1
