"""PDF reports typeset with ReportLab's canvas for the PDF reader's tests.

A small typesetter whose pages the test lays out itself, so that the truth is known: body
paragraphs (justified, first-line indent) in one column or two, superscript markers
(``word^{3}``), notes at the page's foot under a short rule (smaller type, superscript
labels), a note carried over to the next page's foot, running heads and page numbers, and
words hyphenated at a line's end where they are written ``ex|ports``.

    book = Book(head="Harbour Review")
    page = book.page()
    rest = page.para("The minister^{1} said ...", lines=3)  # the words left over
    page.note("1", "Statement of 3 May.")
    book.page().para(rest, continued=True)
    data = book.pdf()
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

_MARK = re.compile(r"\^\{([^}]*)\}")
FONT = "Times-Roman"


@dataclass
class _Word:
    text: str  # with "|" where it may be hyphenated
    mark: str = ""  # superscript after it

    def plain(self) -> str:
        return self.text.replace("|", "")


def _words(text: str) -> list[_Word]:
    out: list[_Word] = []
    for token in text.split():
        mark = "".join(_MARK.findall(token))
        out.append(_Word(_MARK.sub("", token), mark))
    return out


@dataclass
class Page:
    book: Book
    columns: int = 1
    column: int = 0
    y: float = 0.0
    notes: list[tuple[str | None, str]] = field(default_factory=list)
    commands: list[tuple[str, tuple[object, ...]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.y = self.book.height - self.book.margin

    # -- geometry ------------------------------------------------------------------------
    def _frame(self) -> tuple[float, float]:
        b = self.book
        width = b.width - 2 * b.margin
        if self.columns == 1:
            return b.margin, width
        col = (width - b.gutter) / 2
        return b.margin + self.column * (col + b.gutter), col

    def two_columns(self) -> Page:
        self.columns, self.column = 2, 0
        self._top = self.y
        return self

    def next_column(self) -> Page:
        self.column = 1
        self.y = self._top
        return self

    def space(self, points: float) -> Page:
        self.y -= points
        return self

    # -- text ------------------------------------------------------------------------------
    def heading(self, text: str, size: float = 16) -> Page:
        x, _width = self._frame()
        self.y -= size * 1.2
        self.commands.append(("text", (x, self.y, text, size, 0.0)))
        self.y -= size * 0.6
        return self

    def _width(self, words: list[_Word], size: float) -> float:
        return sum(stringWidth(w.plain(), FONT, size) + stringWidth(w.mark, FONT, size * 0.6)
                   for w in words) + stringWidth(" ", FONT, size) * (len(words) - 1)

    def _break(self, words: list[_Word], width: float, size: float, indent: float
               ) -> tuple[list[_Word], list[_Word]]:
        """The words of one line, hyphenating the first that does not fit when it can."""
        line: list[_Word] = []
        for i, word in enumerate(words):
            if self._width([*line, word], size) + indent <= width:
                line.append(word)
                continue
            parts = word.text.split("|")
            for k in range(len(parts) - 1, 0, -1):
                head = _Word("".join(parts[:k]) + "-")
                if self._width([*line, head], size) + indent <= width:
                    tail = _Word("|".join(parts[k:]), word.mark)
                    return [*line, head], [tail, *words[i + 1:]]
            return line, words[i:]
        return line, []

    def _set_line(self, words: list[_Word], x: float, width: float, size: float,
                  justify: bool) -> None:
        natural = self._width(words, size)
        space = stringWidth(" ", FONT, size)
        if justify and len(words) > 1:
            space += (width - natural) / (len(words) - 1)
        for word in words:
            self.commands.append(("text", (x, self.y, word.plain(), size, 0.0)))
            x += stringWidth(word.plain(), FONT, size)
            if word.mark:
                self.commands.append(("text", (x, self.y, word.mark, size * 0.6, size * 0.35)))
                x += stringWidth(word.mark, FONT, size * 0.6)
            x += space

    def para(self, text: str, lines: int | None = None, continued: bool = False,
             size: float | None = None, indent: float = 18.0) -> str:
        """Set a paragraph (at most ``lines`` lines); the words left over, as text."""
        size = size or self.book.size
        leading = size * 1.25
        x, width = self._frame()
        words = _words(text)
        first, count = not continued, 0
        while words and (lines is None or count < lines):
            shift = indent if first else 0.0
            line, words = self._break(words, width, size, shift)
            self.y -= leading
            self._set_line(line, x + shift, width - shift, size, justify=bool(words))
            first, count = False, count + 1
        self.y -= size * 0.3
        return " ".join(w.text + (f"^{{{w.mark}}}" if w.mark else "") for w in words)

    def lines(self, lines: list[str], continued: bool = False, indent: float = 18.0,
              last_full: bool = False) -> Page:
        """Set a paragraph broken into exactly these lines (justified but the last, unless
        ``last_full``: the paragraph goes on in the next column or page)."""
        size = self.book.size
        x, width = self._frame()
        for index, text in enumerate(lines):
            shift = indent if index == 0 and not continued else 0.0
            self.y -= size * 1.25
            justify = index + 1 < len(lines) or last_full
            natural = self._width(_words(text), size)
            if natural > width - shift:
                raise ValueError(f"line too long for its column: {text!r}")
            if justify and natural < 0.88 * (width - shift):  # spaces wider than print has
                raise ValueError(f"line too short to justify: {text!r} ({natural / width:.0%})")
            self._set_line(_words(text), x + shift, width - shift, size, justify)
        self.y -= size * 0.3
        return self

    def note(self, label: str | None, text: str) -> Page:
        """A note at this page's foot (``label`` None: a note carried over)."""
        self.notes.append((label, text))
        return self

    # -- output ----------------------------------------------------------------------------
    def _foot(self, canvas: Canvas, number: int) -> None:
        b = self.book
        size, leading = b.note_size, b.note_size * 1.2
        width = b.width - 2 * b.margin
        lines: list[tuple[str | None, list[_Word]]] = []
        for label, text in self.notes:
            words, first = _words(text), True
            while words:
                line, words = self._break(words, width, size, 8.0)
                lines.append((label if first else None, line))
                first = False
        y = b.margin + 14 + leading * len(lines)
        if lines:
            canvas.setLineWidth(0.5)
            canvas.line(b.margin, y + 4, b.margin + width / 3, y + 4)
        for label, words in lines:
            y -= leading
            if label is not None:
                canvas.setFont(FONT, size * 0.7)
                canvas.drawString(b.margin, y + size * 0.35, label)
            self.y = y
            self.commands = []
            self._set_line(words, b.margin + 8.0, width - 8.0, size, justify=False)
            _draw(canvas, self.commands)
        if b.numbers:
            canvas.setFont(FONT, 9)
            canvas.drawCentredString(b.width / 2, b.margin / 2, str(number))
        if b.head:
            canvas.setFont(FONT, 9)
            canvas.drawString(b.margin, b.height - b.margin / 2, b.head)


def _draw(canvas: Canvas, commands: list[tuple[str, tuple[object, ...]]]) -> None:
    for _kind, (x, y, text, size, rise) in commands:
        canvas.setFont(FONT, float(size))  # type: ignore[arg-type]
        canvas.drawString(float(x), float(y) + float(rise), str(text))  # type: ignore[arg-type]


@dataclass
class Book:
    head: str | None = None
    numbers: bool = True
    size: float = 11.0
    note_size: float = 8.5
    margin: float = 72.0
    gutter: float = 24.0
    width: float = A4[0]
    height: float = A4[1]
    title: str | None = None
    pages: list[Page] = field(default_factory=list)

    def page(self) -> Page:
        page = Page(self)
        self.pages.append(page)
        return page

    def pdf(self, **canvas_options: object) -> bytes:
        out = io.BytesIO()
        canvas = Canvas(out, pagesize=(self.width, self.height), **canvas_options)  # type: ignore[arg-type]
        if self.title:
            canvas.setTitle(self.title)
        for number, page in enumerate(self.pages, start=1):
            _draw(canvas, page.commands)
            page._foot(canvas, number)
            canvas.showPage()
        canvas.save()
        return out.getvalue()
