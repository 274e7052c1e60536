"""PDF files written object by object, for what ReportLab will not make: attachments and
scripts, drawings nested without end, a stream that inflates to hundreds of megabytes."""

from __future__ import annotations

import zlib

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def stream(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf(objects: list[bytes], catalog: int = 1) -> bytes:
    """A PDF whose objects are numbered from 1 in order, with a correct cross-reference."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, xref)
    return bytes(out)


def one_page(content: bytes, resources: bytes = b"<< /Font << /F1 4 0 R >> >>",
             catalog_extra: bytes = b"", more: list[bytes] | None = None,
             compress: bool = False) -> bytes:
    """Catalog (1), pages (2), page (3), font (4), content (5), then ``more`` (6, 7, ...)."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R" + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources " + resources
        + b" /Contents 5 0 R >>",
        FONT,
        stream(content, compress=compress),
        *(more or []),
    ])


def text(*lines: str, size: int = 11) -> bytes:
    """A content stream showing lines of Helvetica from the top of a Letter page."""
    parts = [b"BT /F1 %d Tf 72 700 Td %d TL" % (size, size + 3)]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        parts.append(b"(" + escaped.encode("latin-1") + b") Tj T*")
    parts.append(b"ET")
    return b"\n".join(parts)
