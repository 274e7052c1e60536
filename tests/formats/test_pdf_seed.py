"""The seed report typeset as a PDF (ReportLab, justified, with page numbers) reads with the
same footnote markers and notes as its text file."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from glossator.core.footnotes import detect_footnotes
from glossator.core.pages import page_at
from glossator.core.text import normalize_text
from glossator.formats.reports import read_report
from tests.conftest import SEED_REPORT

STYLE = ParagraphStyle("body", fontName="Times-Roman", fontSize=11, leading=14,
                       alignment=TA_JUSTIFY, spaceAfter=7)


def _numbered(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.setFont("Times-Roman", 9)
    canvas.drawCentredString(A4[0] / 2, 36, str(doc.page))
    canvas.drawString(72, A4[1] - 40, "MEMRI Jihad and Terrorism Threat Monitor")


def _typeset(text: str) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, topMargin=72, bottomMargin=72)
    blocks = [b for b in text.split("\n\n") if b.strip()]
    story = [Paragraph(escape(" ".join(b.split())), STYLE) for b in blocks]
    doc.build(story, onFirstPage=_numbered, onLaterPages=_numbered)
    return out.getvalue()


def _notes(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    layout = detect_footnotes(text)
    return ([m.label for m in layout.markers],
            [(n.label, " ".join(n.text.split())) for n in layout.notes])


def test_the_seed_typeset_as_a_pdf_has_the_same_markers_and_notes_as_its_text():
    text = normalize_text(SEED_REPORT.read_text(encoding="utf-8"))
    data = _typeset(text)
    report = read_report(data, "seed.pdf")
    assert max(page for _, page in report.pages) >= 2  # the seed runs over pages
    markers, notes = _notes(text)
    assert markers and notes
    assert _notes(report.text) == (markers, notes)
    assert detect_footnotes(report.text).style == detect_footnotes(text).style == "bracket"
    assert "MEMRI Jihad and Terrorism Threat Monitor" not in report.text  # the running head
    last = detect_footnotes(report.text).notes[-1]
    assert page_at(report.pages, last.start) == max(page for _, page in report.pages)
