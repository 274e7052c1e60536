"""Paragraphs rebuilt from the lines of a PDF, in reading order.

A line continues the paragraph of the line before unless one of these says otherwise: a
gap between them wider than 1.35 times the document's line spacing; a change
of font size (a heading); the line starts a list item or a note (``1.``, ``•``, a
superscript number, or after a ``Notes`` heading ``12 text``); it is indented while the
line before ends short of its column's right edge (a first-line indent, not a hanging
one); the line before ends short with a full stop, or ends well short (a heading) before
a capital. Across a column or a page, the paragraph goes on only when the line before
runs to its column's right edge and the next line is not indented: a sentence split by a
page break reads whole.

Lines are joined with a space; a word hyphenated at a line's end is joined without its
hyphen when the next line goes on in lower case, unless the document writes that word
with its hyphen elsewhere ("co-operation"); a soft hyphen always goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .pdf_layout import Placed
from .pdf_lines import Piece, Sup, sup_labels

__all__ = ["Mark", "Paragraph", "ParagraphBuilder", "Token", "Vocabulary", "join"]

_ITEM = re.compile(r"^\s*(?:\d{1,4}[.)]\s|\[\d{1,4}\]\s|[•▪‣◦·●■–-]\s)")
_NOTE_NUMBER = re.compile(r"^\s*\d{1,4}\s")
_NOTES_HEADING = re.compile(r"^\s*(?:(?:foot|end)?notes?|references)\s*:?\s*$", re.I)
_SENTENCE_END = re.compile(r"[.!?:…][\"'”’)\]]*$")
_HYPHENS = ("-", "\u2010")
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)+")


@dataclass(frozen=True, slots=True)
class Mark:
    """A superscript number cited in the body: the labels it cites, on its page."""

    labels: tuple[str, ...]
    page: int
    text: str


Token = str | Mark


@dataclass(slots=True)
class Paragraph:
    lines: list[tuple[int, list[Token]]] = field(default_factory=list)  # (page, tokens)


class Vocabulary:
    """The hyphenated words a document writes inside its lines, to keep their hyphen when
    one of them is split at a line's end."""

    def __init__(self) -> None:
        self.hyphenated: set[str] = set()

    def learn(self, text: str) -> None:
        self.hyphenated.update(m.group().lower() for m in _WORD.finditer(text))


def join(prev: str, cur: str, words: Vocabulary) -> tuple[str, str]:
    """The line before as it ends inside its paragraph, and what goes between it and the
    next line ("" or " ")."""
    if prev.endswith("\u00ad"):
        return prev[:-1], ""
    if prev.endswith(_HYPHENS) and len(prev) >= 2 and prev[-2].isalpha():
        if cur[:1].islower():
            head = re.search(r"[^\W\d_]+[-\u2010]$", prev)
            tail = re.match(r"[^\W\d_]+", cur)
            whole = (head.group()[:-1] + "-" + tail.group()).lower() if head and tail else ""
            return (prev, "") if whole in words.hyphenated else (prev[:-1], "")
        return prev, ""
    if prev.endswith(("/", "—")):
        return prev, ""
    return prev, " "


def tokens(parts: list[Piece], page: int) -> list[Token]:
    """A body line's text with the superscript numbers it cites as marks."""
    out: list[Token] = []
    for index, part in enumerate(parts):
        if isinstance(part, str):
            out.append(part)
            continue
        labels = sup_labels(part)
        before = parts[index - 1] if index else ""
        after_digit = isinstance(before, str) and before[-1:].isdigit()
        if part.attached and labels and not after_digit:
            out.append(Mark(tuple(labels), page, part.text))
        elif not part.attached and index == 0 and labels:
            out.append(part.text.strip() + " ")  # a note's number, as endnotes are set
        else:
            out.append(part.text)
    return out


def _text(parts: list[Piece]) -> str:
    return "".join(p if isinstance(p, str) else p.text for p in parts).strip()


class ParagraphBuilder:
    """Takes body lines in reading order; ``paragraphs`` holds what they make."""

    def __init__(self, body_size: float, leading: float) -> None:
        self.body_size = body_size
        self.leading = leading
        self.paragraphs: list[Paragraph] = []
        self.prev: tuple[Placed, str] | None = None
        self.notes_section = False

    def add(self, placed: Placed, parts: list[Piece]) -> None:
        text = _text(parts)
        if not text:
            return
        line_tokens = tokens(parts, placed.page)
        starts_item = bool(_ITEM.match(text)) or (
            bool(parts) and isinstance(parts[0], Sup) and not parts[0].attached
            and bool(sup_labels(parts[0]))
        ) or (self.notes_section and bool(_NOTE_NUMBER.match(text)))
        if self.prev is None or starts_item or self._breaks(self.prev, placed, text):
            self.paragraphs.append(Paragraph())
        self.paragraphs[-1].lines.append((placed.page, line_tokens))
        if _NOTES_HEADING.match(text):
            self.notes_section = True
        self.prev = (placed, text)

    def _breaks(self, prev: tuple[Placed, str], cur: Placed, text: str) -> bool:
        before, prev_text = prev
        a, b = before.line, cur.line
        if abs(a.size - b.size) > 1.0 or _NOTES_HEADING.match(prev_text):
            return True
        size = max(a.size, 1.0)
        full = a.x1 >= before.right - 1.5 * size
        indented = b.x0 > cur.left + 0.8 * size
        if before.page != cur.page or before.flow != cur.flow or b.y1 > a.y0 + 0.5 * size:
            return not full or indented
        if a.base - b.base > 1.35 * self.leading * size / max(self.body_size, 1.0):
            return True
        if indented and not full:
            return True
        width = max(before.right - before.left, 1.0)
        if not full and _SENTENCE_END.search(prev_text):
            return True
        return a.x1 < before.left + 0.65 * width and text[:1].isupper()
