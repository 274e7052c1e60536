"""A PDF's pages as lines of glyphs, read with pdfminer.six; the refusals that reading finds.

Each page gives its text lines (pdfminer groups the glyphs drawn one after another that
share a line), every glyph with its box and font size, the thin horizontal rules drawn on
it (the line above footnotes) and whether it shows images. Only upright horizontal text is
read: rotated stamps, watermarks and margin notes are left out.

Nothing in the file is run or fetched: pdfminer interprets page content streams (drawing
operators) only; JavaScript, actions, links, forms and attached files are never looked at.
This module runs inside the worker process of ``pdf_sandbox``, under its time and memory
limits.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (
    LAParams,
    LTAnno,
    LTChar,
    LTContainer,
    LTCurve,
    LTImage,
    LTTextLineHorizontal,
)
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psexceptions import PSException

from .errors import ImportRefused

__all__ = ["Glyph", "Line", "PageGlyphs", "PdfDocumentText", "read_glyphs"]

_LAYOUT = LAParams(line_overlap=0.5, char_margin=2.0, word_margin=0.1, line_margin=0.5,
                   detect_vertical=False, all_texts=True)
_RULE_HEIGHT = 2.0  # points: a horizontal "line" drawn as a thin rectangle
_RULE_WIDTH = 20.0


class Glyph(NamedTuple):
    """One character as drawn: PDF coordinates (y grows upwards), font size in points.
    A space pdfminer infers between two words has no width of its own. (A named tuple: a
    300-page report has a million of them, and tuples are quick to make.)"""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float


@dataclass(slots=True)
class Line:
    """Glyphs on one line, left to right, and the line's box."""

    glyphs: list[Glyph]
    x0: float
    x1: float
    y0: float
    y1: float
    size: float = 0.0  # the size most of its characters have
    base: float = 0.0  # the bottom of those characters
    text: str = ""

    def __post_init__(self) -> None:
        weights: dict[float, int] = {}
        for g in self.glyphs:
            if not g.text.isspace():
                key = round(g.size * 2) / 2
                weights[key] = weights.get(key, 0) + 1
        self.size = max(weights, key=lambda s: (weights[s], s)) if weights else 0.0
        bottoms = sorted(g.y0 for g in self.glyphs
                         if not g.text.isspace() and abs(g.size - self.size) <= 0.5)
        self.base = bottoms[len(bottoms) // 2] if bottoms else self.y0
        self.text = "".join(g.text for g in self.glyphs)


@dataclass(slots=True)
class PageGlyphs:
    number: int  # 1-based, as a PDF viewer counts pages
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # x0, x1, y
    images: int = 0
    unmapped: int = 0  # glyphs whose font gives no character ("(cid:12)")


@dataclass(frozen=True, slots=True)
class PdfDocumentText:
    pages: list[PageGlyphs]
    title: str | None


def _horizontal(char: LTChar) -> bool:
    a, b, c, d, _e, _f = char.matrix
    return a > 0 and d > 0 and abs(b) <= 0.1 * a and abs(c) <= 0.5 * d


def _line(source: LTTextLineHorizontal, page: PageGlyphs) -> Line | None:
    glyphs: list[Glyph] = []
    for item in source:
        if isinstance(item, LTChar):
            if not _horizontal(item):
                continue
            text = item.get_text()
            if text.startswith("(cid:"):
                page.unmapped += 1
                continue
            glyphs.append(Glyph(text, item.x0, item.x1, item.y0, item.y1, item.size))
        elif isinstance(item, LTAnno) and item.get_text() == " " and glyphs:
            last = glyphs[-1]
            glyphs.append(Glyph(" ", last.x1, last.x1, last.y0, last.y1, last.size))
    while glyphs and glyphs[-1].text.isspace():
        glyphs.pop()
    if not any(not g.text.isspace() for g in glyphs):
        return None
    return Line(glyphs, min(g.x0 for g in glyphs), max(g.x1 for g in glyphs),
                min(g.y0 for g in glyphs), max(g.y1 for g in glyphs))


def _collect(container: LTContainer[Any], page: PageGlyphs) -> None:
    for item in container:
        if isinstance(item, LTTextLineHorizontal):
            line = _line(item, page)
            if line is not None:
                page.lines.append(line)
        elif isinstance(item, LTImage):
            page.images += 1
        elif isinstance(item, LTCurve):  # lines and rectangles are curves too
            if item.height <= _RULE_HEIGHT and item.width >= _RULE_WIDTH:
                page.rules.append((item.x0, item.x1, (item.y0 + item.y1) / 2))
        elif isinstance(item, LTContainer):
            _collect(item, page)


def _open(data: bytes, name: str) -> PDFDocument:
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect:
        raise ImportRefused(name, "encrypted PDF: it needs a password to open; save a copy "
                                  "without the password and import that") from None
    except PDFEncryptionError as exc:
        raise ImportRefused(name, f"encrypted PDF that cannot be opened ({exc})") from None
    if not document.is_extractable:
        raise ImportRefused(name, "its security settings forbid copying its text; ask its "
                                  "author for an unrestricted copy")
    return document


def _text_value(value: Any) -> str | None:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    value = resolve1(value)
    if isinstance(value, bytes):
        return decode_text(value)
    return value if isinstance(value, str) else None


def _info_title(document: PDFDocument) -> str | None:
    for info in document.info:
        try:
            title = _text_value(info.get("Title"))
        except (PSException, TypeError, ValueError):
            continue
        title = " ".join((title or "").replace("\x00", "").split())
        if title:
            return title
    return None


def count_pages(document: PDFDocument) -> list[PDFPage]:
    return list(PDFPage.create_pages(document))


def read_glyphs(
    data: bytes,
    name: str,
    max_pages: int,
    on_count: Callable[[int], None] = lambda n: None,
    on_page: Callable[[int], None] = lambda n: None,
) -> PdfDocumentText:
    """Every page's lines; ``ImportRefused`` for an encrypted, damaged or too long file."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        document = _open(data, name)
        pages = count_pages(document)
    except ImportRefused:
        raise
    except (PSException, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ImportRefused(name, f"damaged or not a PDF ({_reason(exc)})") from None
    if not pages:
        raise ImportRefused(name, "damaged PDF: no pages could be found in it")
    if len(pages) > max_pages:
        raise ImportRefused(name, f"too many pages ({len(pages):,}; the limit is {max_pages:,})")
    on_count(len(pages))
    title = _info_title(document)
    return PdfDocumentText(list(_pages(pages, name, on_page)), title)


def _pages(pages: list[PDFPage], name: str, on_page: Callable[[int], None]) -> Iterator[PageGlyphs]:
    resources = PDFResourceManager(caching=True)
    device = PDFPageAggregator(resources, laparams=_LAYOUT)
    interpreter = PDFPageInterpreter(resources, device)
    for number, pdf_page in enumerate(pages, start=1):
        x0, y0, x1, y1 = _box(pdf_page)
        try:
            interpreter.process_page(pdf_page)
            layout = device.get_result()
        except (PSException, KeyError, TypeError, ValueError, AttributeError, IndexError,
                ZeroDivisionError, AssertionError) as exc:
            raise ImportRefused(name, f"damaged PDF: page {number} cannot be read "
                                      f"({_reason(exc)})") from None
        page = PageGlyphs(number, x1 - x0, y1 - y0)
        _collect(layout, page)
        if x0 or y0:  # a media box that does not start at the origin
            _shift(page, x0, y0)
        on_page(number)
        yield page


def _box(page: PDFPage) -> tuple[float, float, float, float]:
    try:
        x0, y0, x1, y1 = (float(v) for v in page.mediabox)
    except (TypeError, ValueError):
        return 0.0, 0.0, 612.0, 792.0
    if x1 <= x0 or y1 <= y0:
        return 0.0, 0.0, 612.0, 792.0
    return x0, y0, x1, y1


def _shift(page: PageGlyphs, dx: float, dy: float) -> None:
    for line in page.lines:
        line.glyphs = [Glyph(g.text, g.x0 - dx, g.x1 - dx, g.y0 - dy, g.y1 - dy, g.size)
                       for g in line.glyphs]
        line.x0, line.x1, line.y0, line.y1 = line.x0 - dx, line.x1 - dx, line.y0 - dy, line.y1 - dy
        line.base -= dy
    page.rules = [(a - dx, b - dx, y - dy) for a, b, y in page.rules]


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:80]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
