"""A PDF report's text, as the other readers give theirs, with where each page starts.

The pages' lines (``pdf_glyphs``) lose their running heads, feet and page numbers
(``pdf_layout``), are put in reading order across columns, and give up their foot to the
footnotes (``pdf_notes``); the rest is rebuilt into paragraphs (``pdf_paragraphs``). As the
Word reader does, footnotes become ``[n]`` markers where they are cited and a list of
``[n] note`` paragraphs at the end, for core's footnote detection to link; when notes are
numbered anew on each page, labels take their page (``[^p3-1]``). A document without notes
at its pages' feet keeps its superscript numbers as superscript digits (``word³``), so that
a ``Notes`` section of endnotes is read by core's rules for text.

``pages`` pairs the offset (code points into the text) where each page's text starts with
its page number, in text order: the body's pages in turn, then each note's page.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable

from glossator.core.text import normalize_text
from glossator.core.text_map import TextMap

from .errors import ImportRefused
from .pdf_glyphs import Line, PdfDocumentText, read_glyphs
from .pdf_layout import (
    Placed,
    body_size,
    document_edges,
    reading_order,
    running_lines,
    split_columns,
)
from .pdf_lines import Piece, pieces
from .pdf_notes import FootNote, NoteCollector, cited_labels, foot_lines
from .pdf_paragraphs import Mark, Paragraph, ParagraphBuilder, Token, Vocabulary, join, tokens
from .pdf_result import PdfText
from .pdf_title import pdf_title

__all__ = ["PdfText", "extract_pdf"]

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _refuse_textless(doc: PdfDocumentText, name: str) -> None:
    chars = sum(len(line.text) - line.text.count(" ") for p in doc.pages for line in p.lines)
    unmapped = sum(p.unmapped for p in doc.pages)
    with_images = sum(1 for p in doc.pages if p.images)
    if unmapped > chars:
        raise ImportRefused(name, "its fonts do not say which characters they draw, so its text "
                                  "cannot be read; run OCR on it (OCRmyPDF, Acrobat) and import "
                                  "the result")
    if chars < 20 * len(doc.pages) and with_images * 2 >= len(doc.pages):
        raise ImportRefused(name, "no text layer: the pages are images (a scan); run OCR on it "
                                  "(OCRmyPDF, Acrobat) and import the result")
    if not chars:
        raise ImportRefused(name, "no readable text (the PDF shows no text)")


def _leading(lines: list[tuple[Placed, list[Piece]]], body: float) -> float:
    """The document's usual distance between the baselines of two body lines."""
    seen: Counter[float] = Counter()
    for (a, _), (b, _) in itertools.pairwise(lines):
        if a.page == b.page and a.flow == b.flow and abs(a.line.size - body) <= 0.5:
            step = a.line.base - b.line.base
            if 0.9 * body <= step <= 2.5 * body:
                seen[round(step * 4) / 4] += 1
    return seen.most_common(1)[0][0] if seen else 1.2 * body


class _Writer:
    def __init__(self, words: Vocabulary, render: Callable[[Mark], str]) -> None:
        self.words = words
        self.render = render
        self.chunks: list[str] = []
        self.length = 0
        self.pages: list[tuple[int, int]] = []

    def _add(self, text: str) -> None:
        self.chunks.append(text)
        self.length += len(text)

    def _page(self, page: int) -> None:
        if not self.pages or self.pages[-1][1] != page:
            self.pages.append((self.length, page))

    def paragraph(self, lines: list[tuple[int, str]], head: str = "", page: int = 0) -> None:
        """One paragraph from its lines (page, text); ``head`` (a note's label) starts it
        even when its lines are empty."""
        lines = [(p, text.strip()) for p, text in lines if text.strip()]
        if not lines:
            if not head:
                return
            lines = [(page, "")]
        if self.chunks:
            self._add("\n\n")
        texts = [text for _page, text in lines]
        for index, (on_page, _) in enumerate(lines):
            text = texts[index]
            gap = ""
            if index + 1 < len(lines):
                text, gap = join(text, texts[index + 1], self.words)
            if index == 0:
                self._page(on_page)
                text = (head + text).rstrip()
            elif on_page != lines[index - 1][0]:
                self._page(on_page)
            self._add(text + gap)

    def text(self, tokens_: list[Token]) -> str:
        return "".join(t if isinstance(t, str) else self.render(t) for t in tokens_)


def _names(notes: list[FootNote]) -> tuple[list[str], bool]:
    """Each note's label as written in the text, and whether the labels are plain numbers
    (else a page prefix keeps apart notes numbered anew on each page)."""
    counts = Counter(n.label for n in notes)
    if all(c == 1 for c in counts.values()):
        return [n.label for n in notes], True
    return [f"p{n.page}-{n.label}" for n in notes], False


def _marker_render(notes: list[FootNote]) -> Callable[[Mark], str]:
    if not notes:
        return lambda mark: mark.text.translate(_SUPERSCRIPT)
    names, numeric = _names(notes)
    by_label: dict[str, list[tuple[int, str]]] = {}
    for note, name in zip(notes, names, strict=True):
        by_label.setdefault(note.label, []).append((note.page, name))

    def on_page(label: str, page: int) -> bool:
        return any(p == page for p, _ in by_label.get(label, ()))

    def split(label: str, page: int) -> list[str]:
        """``23`` for notes 2 and 3 of the page, set without a comma between them."""
        if on_page(label, page):
            return [label]
        for cut in range(1, len(label)):
            head, tail = label[:cut], label[cut:]
            if not tail.startswith("0") and int(tail) == int(head) + 1 and all(
                on_page(x, page) for x in (head, tail)
            ):
                return [head, tail]
        return [label]

    def render(mark: Mark) -> str:
        out = []
        for label in (x for whole in mark.labels for x in split(whole, mark.page)):
            found = by_label.get(label, [])
            name = next((n for page, n in found if page >= mark.page), None)
            if name is None:
                name = found[-1][1] if found else (label if numeric else f"p{mark.page}-{label}")
            out.append(f"[{name}]" if numeric else f"[^{name}]")
        return "".join(out)

    return render


def _pages_and_body(doc: PdfDocumentText, body: float, words: Vocabulary,
                    collector: NoteCollector) -> list[tuple[Placed, list[Piece]]]:
    running = running_lines(doc.pages)
    laid: list[tuple[int, list[Line], float | None]] = []
    for page, skip in zip(doc.pages, running, strict=True):
        lines: list[Line] = [x for i, x in enumerate(page.lines) if i not in skip]
        for line in lines:
            words.learn(line.text)
        laid.append((page.number, lines, split_columns(lines)))
    edges = document_edges(laid)
    out: list[tuple[Placed, list[Piece]]] = []
    for page, (number, lines, gutter) in zip(doc.pages, laid, strict=True):
        placed = reading_order(lines, number, gutter, edges)
        foot = foot_lines(placed, page.rules, body, page.height)
        body_lines = [(p, pieces(p.line)) for p in placed if id(p) not in foot]
        cited = cited_labels(body_lines)
        if not foot or not collector.read_foot(
            number, [p for p in placed if id(p) in foot], cited
        ):
            body_lines = [(p, pieces(p.line)) for p in placed]
            collector.no_notes(cited_labels(body_lines))
        out.extend(body_lines)
    return out


def extract_pdf(
    data: bytes,
    name: str,
    max_pages: int,
    on_count: Callable[[int], None] = lambda n: None,
    on_page: Callable[[int], None] = lambda n: None,
) -> PdfText:
    """The report text of a PDF; ``ImportRefused`` with a reason for one we cannot read."""
    doc = read_glyphs(data, name, max_pages, on_count, on_page)
    _refuse_textless(doc, name)
    body = body_size(doc.pages)
    words, collector = Vocabulary(), NoteCollector()
    lines = _pages_and_body(doc, body, words, collector)
    builder = ParagraphBuilder(body, _leading(lines, body))
    for placed, parts in lines:
        builder.add(placed, parts)
    notes = collector.notes
    writer = _Writer(words, _marker_render(notes))
    paragraph: Paragraph
    for paragraph in builder.paragraphs:
        writer.paragraph([(page, writer.text(t)) for page, t in paragraph.lines])
    names, numeric = _names(notes)
    for note, label in zip(notes, names, strict=True):
        head = f"[{label}] " if numeric else f"[^{label}]: "
        writer.paragraph([(placed.page, writer.text(tokens(parts, placed.page)))
                          for placed, parts in note.lines], head=head, page=note.page)
    raw = "".join(writer.chunks)
    text = normalize_text(raw)
    pages = writer.pages
    if text != raw:  # never expected: the pieces are normalized as they are written
        mapping = TextMap.between(raw, text)
        pages = [(mapping.estimate(start), page) for start, page in pages]
    return PdfText(text, pdf_title(doc, body), tuple(pages), len(doc.pages))
