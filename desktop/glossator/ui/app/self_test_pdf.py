"""Self-test step for PDF reports: a one-page PDF written here (no PDF library needed) with a
superscript marker and its note at the page's foot, read through the PDF worker process, as
an installation reads any PDF (the frozen build starts itself again to do so)."""

from __future__ import annotations

from pathlib import Path

from glossator.services import Workspace

_PAGE = (
    b"BT /F1 11 Tf 72 700 Td (The harbour office said the port would reopen) Tj ET\n"
    b"BT /F1 7 Tf 293.95 704 Td (1) Tj ET\n"
    b"BT /F1 11 Tf 297.84 700 Td ( within weeks.) Tj ET\n"
    b"0.5 w 72 96 m 200 96 l S\n"
    b"BT /F1 6 Tf 72 86 Td (1) Tj ET\n"
    b"BT /F1 9 Tf 78 82 Td (Notice of the harbour office, 2 May 2024.) Tj ET\n"
)


def tiny_pdf() -> bytes:
    """A valid one-page PDF (Helvetica, a cross-reference table with exact offsets)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(_PAGE) + _PAGE + b"endstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % table
    return bytes(out)


def step_pdf(ws: Workspace, folder: Path) -> str:
    path = folder / "self-test.pdf"
    path.write_bytes(tiny_pdf())
    (outcome,) = ws.import_paths([path])
    if outcome.status != "imported" or not outcome.report_id:
        raise RuntimeError(f"the PDF was not imported: {outcome.reason}")
    detail = ws.report(outcome.report_id)
    linked = [m for m in detail.markers if m.note == "1"]
    if not linked or not detail.notes or detail.notes[0].text != (
            "Notice of the harbour office, 2 May 2024."):
        raise RuntimeError(f"the PDF's footnote is not linked to its note: {detail.text!r}")
    if detail.pages != ((0, 1),):
        raise RuntimeError(f"the PDF's page is not known: {detail.pages!r}")
    return "imported with its footnote linked and its page known"
