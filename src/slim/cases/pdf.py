"""A Document (documents.py) as a PDF, with fpdf2.

The PDF core fonts only know Latin-1, so '€' would be lost. We embed DejaVu Sans instead,
which covers ë, é, € and the other characters Dutch texts use. On Debian and Ubuntu it comes
with the package fonts-dejavu-core.
"""

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FAMILY = "DejaVu"
BODY_SIZE = 12  # large enough for readers with low literacy or poor eyesight


class FontMissing(Exception):
    """The TTF font is not installed, so no PDF can be made."""


def _line(pdf, text, height, indent=""):
    pdf.multi_cell(0, height, f"{indent}{text}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def render(document, language="nl"):
    """The document as PDF bytes; raises FontMissing when DejaVu Sans is not installed."""
    fonts = {style: FONT_DIR / name for style, name in FONT_FILES.items()}
    if not all(path.is_file() for path in fonts.values()):
        raise FontMissing(str(FONT_DIR))
    pdf = FPDF(format="A4")
    pdf.set_title(document.title)
    pdf.set_lang(language)
    pdf.set_creator("SLIM")
    for style, path in fonts.items():
        pdf.add_font(FAMILY, style, str(path))
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 20)
    _line(pdf, document.title, 10)
    pdf.set_font(FAMILY, "", BODY_SIZE)
    for paragraph in document.intro:
        _line(pdf, paragraph, 7)
    for section in document.sections:
        pdf.ln(4)
        pdf.set_font(FAMILY, "B", 14)
        _line(pdf, section.heading, 8)
        pdf.set_font(FAMILY, "", BODY_SIZE)
        for paragraph in section.paragraphs:
            _line(pdf, paragraph, 7)
        for item in section.items:
            _line(pdf, item, 7, indent="•  ")
    return bytes(pdf.output())
