"""A Document (documents.py) as a tagged PDF, made by WeasyPrint from plain, accessible HTML.

The PDF follows PDF/UA-1: a structure tree with H1, H2, P and L/LI in reading order, the language
of the text and the document title shown in the window title. A screen reader reads it as it reads
the web page. We embed DejaVu Sans, which covers ë, é, € and the other characters Dutch texts use;
on Debian and Ubuntu it comes with the package fonts-dejavu-core. WeasyPrint itself needs Pango
(Debian: libpango-1.0-0 and libpangoft2-1.0-0).

WeasyPrint may fetch only our two font files: the text of a document is escaped by the template,
and a fetcher that refuses every other address keeps it that way.
"""

import logging
from pathlib import Path

from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"normal": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
BODY_SIZE = 12  # points; large enough for readers with low literacy or poor eyesight

STYLE = """
@page {{ size: A4; margin: 18mm 18mm 20mm; }}
@font-face {{ font-family: SlimPdf; font-weight: normal; src: url("{normal}"); }}
@font-face {{ font-family: SlimPdf; font-weight: bold; src: url("{bold}"); }}
html {{ font-family: SlimPdf; font-size: {size}pt; line-height: 1.45; color: #000; }}
h1 {{ font-size: 20pt; margin: 0 0 8pt; }}
h2 {{ font-size: 14pt; margin: 14pt 0 4pt; break-after: avoid; }}
p {{ margin: 0 0 6pt; }}
ul {{ margin: 0 0 6pt; padding-left: 16pt; }}
li {{ margin: 0 0 3pt; }}
"""


class FontMissing(Exception):
    """The TTF font, or Pango that lays out its text, is not installed, so no PDF can be made."""


def _fonts():
    fonts = {weight: FONT_DIR / name for weight, name in FONT_FILES.items()}
    if not all(path.is_file() for path in fonts.values()):
        raise FontMissing(str(FONT_DIR))
    return fonts


def render(document, language="nl"):
    """The document as tagged PDF bytes; raises FontMissing when DejaVu Sans is not installed."""
    fonts = _fonts()
    try:
        from weasyprint import CSS, HTML  # imported here: loading Pango takes a moment
        from weasyprint.urls import URLFetcher
    except OSError as exc:  # WeasyPrint loads Pango when it is imported
        logger.warning("PDF: Pango ontbreekt (Debian: libpango-1.0-0 libpangoft2-1.0-0): %s", exc)
        raise FontMissing("Pango") from exc

    allowed = {path.as_uri() for path in fonts.values()}

    class FontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url not in allowed:
                raise ValueError(f"PDF: {url} wordt niet geladen")
            return super().fetch(url, headers)

    fetcher = FontsOnly(allowed_protocols={"file"})
    html = render_to_string("cases/document_pdf.html", {"document": document, "language": language})
    style = CSS(
        string=STYLE.format(size=BODY_SIZE, **{weight: path.as_uri() for weight, path in fonts.items()}),
        url_fetcher=fetcher,
    )
    return HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=[style], pdf_variant="pdf/ua-1")
