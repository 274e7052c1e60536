"""The open report with its annotations on paper: File ▸ Export report with highlights… (a
standalone HTML page, or a PDF) and File ▸ Print report….

The page is the one `Analysis.report_document` describes and formats.report_html writes
(the text with its highlights in tag colours and numbered, the annotations, the report's
notes linked, a legend, the memos). For paper, Qt's rich text lays it out: its HTML subset
has no inline blocks (a legend swatch becomes a coloured square) and no `inherit` colour
(which its PDF engine would write as an empty colour operator), so those are rewritten
first. The PDF is written through QPdfWriter into memory, then beside its destination and
renamed into place like every export.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from glossator.core.report_document import ReportDocument
from glossator.formats.report_html import report_html
from glossator.services import CommandError, StoreError, Workspace
from glossator.services.analysis import Analysis
from glossator.services.destinations import save_bytes
from glossator.ui.analysis.files import FileKind, ask_destination

Say = Callable[[str, int], None]
KINDS = (FileKind("html", "HTML page", ".html"), FileKind("pdf", "PDF", ".pdf"))
MARGIN_MM = 18.0
_SWATCH = re.compile(r'<span class="swatch" style="background-color: (#[0-9a-f]{6})"></span>')
_INHERIT = re.compile(r"color:\s*inherit;?")


def printable_html(doc: ReportDocument) -> str:
    """The report's page as Qt's rich text can lay it out."""
    page = _SWATCH.sub(r'<span style="color: \1">&#x25a0;</span>&nbsp;', report_html(doc))
    return _INHERIT.sub("", page)


def text_document(doc: ReportDocument) -> QTextDocument:
    printed = QTextDocument()
    printed.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, doc.title)
    printed.setHtml(printable_html(doc))
    return printed


def _lay_out(device: QPagedPaintDevice) -> None:
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                          QPageLayout.Unit.Millimeter)


def pdf_bytes(doc: ReportDocument) -> bytes:
    """The report as a PDF (A4), in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(doc.title)
    writer.setCreator("Glossator")
    _lay_out(writer)
    text_document(doc).print_(writer)
    del writer  # the PDF is finished when its writer goes
    buffer.close()
    return bytes(data.data())


def save_report(ws: Workspace, report_id: int, kind: str, dest: Path) -> Path:
    """Write the report with its highlights as HTML or PDF (the save dialog has asked
    before replacing a file)."""
    analysis = Analysis(ws)
    if kind == "html":
        return analysis.export_report(report_id, dest, overwrite=True)
    return save_bytes(dest, pdf_bytes(analysis.report_document(report_id)), overwrite=True)


def export_report(ws: Workspace, report_id: int, parent: QWidget, say: Say) -> Path | None:
    try:
        title = ws.report_text(report_id).title
    except (CommandError, StoreError) as exc:
        say(str(exc), 6000)
        return None
    stem = re.sub(r"[^\w-]+", "-", title.casefold()).strip("-")[:60] or f"report-{report_id}"
    chosen = ask_destination(parent, "Export the report with its highlights", stem, KINDS)
    if chosen is None:
        return None
    path, kind = chosen
    try:
        written = save_report(ws, report_id, kind.key, path)
    except (CommandError, StoreError) as exc:
        say(str(exc), 8000)
        return None
    say(f"Written: {written}", 8000)
    return written


def print_report(ws: Workspace, report_id: int, parent: QWidget, say: Say) -> bool:
    """Ask for a printer (or a file) and print the report with its highlights."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # only when printing

    try:
        doc = Analysis(ws).report_document(report_id)
    except (CommandError, StoreError) as exc:
        say(str(exc), 6000)
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc.title)
    _lay_out(printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the report")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    text_document(doc).print_(printer)
    where = printer.outputFileName() or printer.printerName() or "the printer"
    say(f"Sent to {where}: {doc.title}", 8000)
    return True
