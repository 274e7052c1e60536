"""Report import: bytes -> decoded text -> format reader -> normalized text, title, date.

A Word ``.docx`` file is a zip of XML parts, not text: it skips decoding and goes to its
own reader, which hands back the same kind of text as the others. So does a PDF, read in
a worker process under time and memory limits (``pdf_sandbox``); its text comes back with
where each page starts (``ParsedReport.pages``)."""

from __future__ import annotations

import codecs
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from glossator.core.metadata import MAX_TITLE_CHARS, guess_date, guess_title
from glossator.core.text import normalize_text

from .decoding import PDF_MAGIC, ZIP_MAGICS, Decoded, check_report_size, decode_report_bytes
from .errors import ImportRefused
from .text_reader import Extracted, read_plain_text

__all__ = ["SUPPORTED_SUFFIXES", "ParsedReport", "read_report", "sniff_format"]

_SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_SUFFIX_FORMATS)



def _reader(source_format: str) -> Callable[[str], Extracted]:
    """The reader of a text format. The parsers are imported on first use: a window that
    only reads the library never pays for Markdown's or HTML's (a tenth of its start)."""
    if source_format == "markdown":
        from .markdown_reader import read_markdown

        return read_markdown
    if source_format == "html":
        from .html_reader import read_html

        return read_html
    return read_plain_text

_SNIFF_BYTES = 4096
# As browsers do, pages labelled Latin-1 or ASCII are read as Windows-1252.
_BROWSER_CODECS = {"iso8859-1": "cp1252", "ascii": "cp1252"}
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class ParsedReport:
    """A report read from a file, ready to store: normalized text and what we know of it."""

    text: str
    title: str | None
    date: datetime.date | None
    source_format: str
    encoding: str
    encoding_guessed: bool
    verbatim: tuple[tuple[int, int], ...] = ()  # spans of code: no footnote markers there
    # (offset where a page's text starts, page number), in text order: PDFs only
    pages: tuple[tuple[int, int], ...] = ()


def _looks_like_html(head: str) -> bool:
    start = head.lstrip("\ufeff \t\r\n").lower()
    if start.startswith(("<!doctype html", "<html")):
        return True
    # An XML declaration or a comment first: look a little further for the root element.
    return start.startswith(("<?xml", "<!--")) and ("<html" in start or "<!doctype html" in start)


def sniff_format(data: bytes, name: str) -> str:
    """``"text"``, ``"markdown"``, ``"html"``, ``"docx"`` or ``"pdf"``: by file extension,
    else by content. A zip archive is always given to the ``docx`` reader, which refuses
    any zip that is not a Word document; a file that says it is a PDF in its first
    kilobyte (where readers look for ``%PDF-``) is always given to the PDF reader."""
    if data.startswith(ZIP_MAGICS):
        return "docx"
    if PDF_MAGIC in data[:1024]:
        return "pdf"
    suffix = PurePath(name).suffix.lower()
    if suffix in _SUFFIX_FORMATS:
        return _SUFFIX_FORMATS[suffix]
    head_bytes = data[:_SNIFF_BYTES]
    codec = next((codec for bom, codec in _BOMS if head_bytes.startswith(bom)), "utf-8")
    head = head_bytes.decode(codec, errors="replace")
    return "html" if _looks_like_html(head) else "text"


def _title(extracted: Extracted, text: str) -> str | None:
    if extracted.title:
        title = " ".join(normalize_text(extracted.title).split())[:MAX_TITLE_CHARS].rstrip()
        if title:
            return title
    return guess_title(text)


def _declared_html_charset(data: bytes, decoded: Decoded) -> Decoded:
    """A guessed encoding gives way to the page's own ``<meta charset>``, when that decodes."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if match is None:
        return decoded
    try:
        codec = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return decoded
    if codec.startswith("utf-"):  # UTF-8 did not decode; a UTF-16/32 label is never right
        return decoded
    codec = _BROWSER_CODECS.get(codec, codec)
    try:
        return Decoded(data.decode(codec), codec, guessed=False)
    except UnicodeDecodeError:
        return decoded


def _read_pdf(data: bytes, name: str) -> ParsedReport:
    check_report_size(data, name)
    from .pdf_reader import read_pdf  # imported on first use, as the other parsers

    pdf = read_pdf(data, name)
    text = normalize_text(pdf.text)
    if not text.strip():
        raise ImportRefused(name, "no readable text (the PDF shows no text)")
    title = " ".join(normalize_text(pdf.title).split())[:MAX_TITLE_CHARS] if pdf.title else ""
    return ParsedReport(
        text=text,
        title=title.rstrip() or guess_title(text),
        date=guess_date(text),
        source_format="pdf",
        encoding="utf-8",
        encoding_guessed=False,
        pages=pdf.pages if text == pdf.text else (),
    )


def read_report(data: bytes, name: str) -> ParsedReport:
    """Read one report file; raises ``ImportRefused`` with a one-line reason."""
    source_format = sniff_format(data, name)
    if source_format == "pdf":
        return _read_pdf(data, name)
    if source_format == "docx":
        check_report_size(data, name)
        decoded = Decoded("", "utf-8", guessed=False)  # the XML parts are read as XML
        from .docx_reader import read_docx  # imported on first use, as the text parsers

        extracted = read_docx(data, name)
    else:
        decoded = decode_report_bytes(data, name)
        if source_format == "html" and decoded.guessed:
            decoded = _declared_html_charset(data, decoded)
        extracted = _reader(source_format)(decoded.text)
    text = normalize_text(extracted.text)
    if not text.strip():
        raise ImportRefused(name, f"no readable text (the {source_format} file shows nothing)")
    return ParsedReport(
        text=text,
        title=_title(extracted, text),
        date=extracted.date or guess_date(text),
        source_format=source_format,
        encoding=decoded.encoding,
        encoding_guessed=decoded.guessed,
        verbatim=extracted.verbatim if text == extracted.text else (),
    )
