"""File ▸ Export report with highlights… (HTML, PDF) and File ▸ Print report…: the page an
independent parser reads holds every highlighted quote once with its tags; the PDF (written
or printed) has pages with the report's text."""

from __future__ import annotations

import io
import unicodedata
from collections import defaultdict

import html5lib
import pytest
from pdfminer.high_level import extract_text
from pdfminer.pdfpage import PDFPage
from PySide6.QtWidgets import QFileDialog

from tests.services.planted import CODING
from tests.ui.analysis_fixtures import planted, planted_window, quote

__all__ = ["planted", "planted_window"]  # fixtures
NS = "{http://www.w3.org/1999/xhtml}"
PORT = ("h1", "h2", "h3", "h4")


@pytest.fixture
def save_as(monkeypatch):
    answer: dict[str, tuple[str, str]] = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: answer["next"]))
    return answer


def pdf_pages(data: bytes) -> int:
    return sum(1 for _ in PDFPage.get_pages(io.BytesIO(data)))


def flat(text: str) -> str:
    """One line, ligatures (the PDF's fi, ff) as letters."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def text_without_refs(element) -> str:
    """An element's text without the superscript numbers that lead to the annotations."""
    out = [] if element.tag == f"{NS}sup" else [element.text or ""]
    for child in element:
        if child.tag != f"{NS}sup":
            out.append(text_without_refs(child))
        out.append(child.tail or "")
    return "".join(out)


def test_the_report_exports_as_an_html_page_with_every_highlight(
        qtbot, planted_window, planted, save_as, tmp_path):
    window = planted_window
    window.open_report(planted.reports["H"])
    save_as["next"] = (str(tmp_path / "port"), "HTML page (*.html)")
    window.analysis.actions.export_report.trigger()
    dest = tmp_path / "port.html"
    assert window.statusBar().currentMessage() == f"Written: {dest}"
    tree = html5lib.HTMLParser(strict=True).parse(dest.read_text("utf-8"))
    marks: dict[str, list[str]] = defaultdict(list)
    tags: dict[str, str] = {}
    for mark in tree.iter(f"{NS}mark"):
        marks[mark.get("data-ann")].append("".join(mark.itertext()))
        tags[mark.get("data-ann")] = mark.get("data-tags")
    by_start = sorted(PORT, key=lambda k: planted.spans[k])
    assert len(marks) == len(PORT)
    for n, key in enumerate(by_start, 1):
        # a passage is cut where another starts inside it; an outer mark holds the inner
        # one's text too, so the outermost pieces joined give the quote once
        assert flat(marks[str(n)][0]) in quote(key) and quote(key).startswith(
            flat(marks[str(n)][0]))
        names = CODING[key][0]
        assert all(name in tags[str(n)] for name in names)
    text = flat(text_without_refs(tree.find(f".//{NS}section[@id='text']")))
    for key in PORT:
        assert text.count(quote(key)) == 1


def test_the_report_exports_as_a_pdf(qtbot, planted_window, planted, save_as, tmp_path):
    window = planted_window
    window.open_report(planted.reports["H"])
    save_as["next"] = (str(tmp_path / "port.pdf"), "")
    window.analysis.actions.export_report.trigger()
    data = (tmp_path / "port.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and pdf_pages(data) >= 1
    text = flat(extract_text(io.BytesIO(data)))
    assert "Port Closure In Velmora" in text and "Legend" in text
    assert quote("h4") in text and "Idris Varga (Coastal League)" in text


def test_print_sends_the_report_to_the_printer_chosen(qtbot, planted_window, planted,
                                                    tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    window = planted_window
    window.open_report(planted.reports["R"])
    dest = tmp_path / "printed.pdf"

    def choose_print_to_file(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(dest))
        return int(QPrintDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", choose_print_to_file)
    window.analysis.actions.print_report.trigger()
    data = dest.read_bytes()
    assert data.startswith(b"%PDF-") and pdf_pages(data) >= 1
    assert quote("r1") in flat(extract_text(io.BytesIO(data)))
    assert window.statusBar().currentMessage().startswith(f"Sent to {dest}")


def test_a_cancelled_print_prints_nothing(qtbot, planted_window, planted, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    window = planted_window
    window.open_report(planted.reports["R"])
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: int(QPrintDialog.DialogCode.Rejected))
    window.statusBar().clearMessage()
    window.analysis.actions.print_report.trigger()
    assert window.statusBar().currentMessage() == ""


def test_without_an_open_report_it_says_so(qtbot, planted_window):
    window = planted_window
    window.sync.show_report(None, [])
    window.analysis.actions.export_report.trigger()
    assert window.statusBar().currentMessage() == "Open a report first"
    window.analysis.actions.print_report.trigger()
    assert window.statusBar().currentMessage() == "Open a report first"
