"""Where things are in a QPlainTextEdit: visible blocks, the character under a point,
rectangles of a range, and scrolling a position into view without moving the caret.

All positions here are Qt's (UTF-16 units); callers convert with `OffsetMap`.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QTextBlock, QTextLine
from PySide6.QtWidgets import QPlainTextEdit

__all__ = [
    "char_at",
    "is_position_visible",
    "paragraphs_in_view",
    "range_rects",
    "scroll_to_position",
    "visible_blocks",
]


def visible_blocks(view: QPlainTextEdit) -> Iterator[tuple[QTextBlock, float]]:
    """Blocks intersecting the viewport, top to bottom, with their top in viewport pixels.

    Each block is yielded before its height is asked, which lays it out (only these
    blocks, as Qt's own paint would): a caller may change its formats first without
    paying for a second layout. Callers reading lines call `view.blockBoundingRect`.
    """
    block = view.firstVisibleBlock()
    if not block.isValid():
        return
    top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
    bottom = view.viewport().height()
    while block.isValid() and top <= bottom:
        if block.isVisible():
            yield block, top
        top += view.blockBoundingRect(block).height()
        block = block.next()


def paragraphs_in_view(view: QPlainTextEdit) -> tuple[int, int]:
    """Qt positions [start, end) covering every paragraph in view, found without laying
    any out: from the first visible paragraph, as many as the viewport could show if each
    took only the lines its length needs at twice the narrowest glyph's density."""
    block = view.firstVisibleBlock()
    if not block.isValid():
        return (0, 0)
    metrics = view.fontMetrics()
    narrowest = max(1, min(metrics.horizontalAdvance(c) for c in " il.'|"))
    viewport = view.viewport()
    budget = viewport.height() // max(1, metrics.lineSpacing()) + 2
    per_line = 2 * (viewport.width() // narrowest + 1)
    start = end = block.position()
    while block.isValid() and budget > 0:
        end = block.position() + block.length() - 1
        budget -= max(1, (block.length() - 1) // per_line)  # at least this many lines
        block = block.next()
    return (start, end)


def _line_at(block: QTextBlock, y: float) -> QTextLine | None:
    layout = block.layout()
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        if line.y() <= y < line.y() + line.height():
            return line
    return None


def char_at(view: QPlainTextEdit, point: QPoint) -> int | None:
    """Position of the character drawn under `point` (viewport coordinates), or None
    when the point is beside the text (margin, end of a short line, below the text)."""
    block = view.cursorForPosition(point).block()
    if not block.isValid():
        return None
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    x, y = point.x() - origin.x(), point.y() - origin.y()
    line = _line_at(block, y)
    if line is None or line.textLength() == 0:
        return None
    natural = line.naturalTextRect()
    if not natural.left() <= x <= natural.right():
        return None
    pos = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
    last = line.textStart() + line.textLength() - 1
    pos = max(line.textStart(), min(pos, last))
    if pos >= block.length() - 1:  # the paragraph separator is not a character of the text
        return None
    return block.position() + pos


def _cursor_x(line: QTextLine, position: int) -> float:
    """x of a cursor position in a line (PySide returns it paired with the position)."""
    result = line.cursorToX(position)
    return float(result[0] if isinstance(result, tuple) else result)  # type: ignore[arg-type]


def range_rects(view: QPlainTextEdit, start: int, end: int) -> list[QRectF]:
    """Viewport rectangles covering [start, end) in the visible blocks, one per line."""
    rects: list[QRectF] = []
    if start >= end:
        return rects
    left = view.contentOffset().x()
    for block, top in visible_blocks(view):
        bpos = block.position()
        if bpos >= end:
            break
        if bpos + block.length() - 1 < start:
            continue
        view.blockBoundingRect(block)
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            ls = bpos + line.textStart()
            s, e = max(start, ls), min(end, ls + line.textLength())
            if s >= e:
                continue
            x1, x2 = _cursor_x(line, s - bpos), _cursor_x(line, e - bpos)
            rects.append(QRectF(left + min(x1, x2), top + line.y(), abs(x2 - x1), line.height()))
    return rects


def _line_number(view: QPlainTextEdit, block: QTextBlock, position: int) -> int:
    """Index of the first line of the block plus the line holding `position` in it."""
    view.blockBoundingRect(block)  # makes sure the block is laid out
    line = block.layout().lineForTextPosition(position - block.position())
    return block.firstLineNumber() + (line.lineNumber() if line.isValid() else 0)


def is_position_visible(view: QPlainTextEdit, position: int) -> bool:
    """True when the line holding `position` is wholly inside the viewport."""
    target = view.document().findBlock(position)
    if not target.isValid():
        return False
    for block, top in visible_blocks(view):
        if block.blockNumber() < target.blockNumber():
            continue
        if block.blockNumber() > target.blockNumber():
            return False
        view.blockBoundingRect(block)
        line = block.layout().lineForTextPosition(position - block.position())
        if not line.isValid():
            return False
        line_top = top + line.y()
        return line_top >= 0 and line_top + line.height() <= view.viewport().height()
    return False


def scroll_to_position(view: QPlainTextEdit, position: int) -> None:
    """Scroll so the line holding `position` sits in the upper third of the viewport.

    QPlainTextEdit scrolls by lines: the scroll bar value is the first visible line.
    The caret and the selection are left alone.
    """
    block = view.document().findBlock(position)
    if not block.isValid():
        return
    line_height = max(1, view.fontMetrics().lineSpacing())
    lines_in_view = max(1, view.viewport().height() // line_height)
    bar = view.verticalScrollBar()
    bar.setValue(max(0, _line_number(view, block, position) - lines_in_view // 3))


def first_visible_position(view: QPlainTextEdit) -> int:
    """The Qt position of the first character in the viewport's top line."""
    return view.cursorForPosition(QPoint(1, 1)).position()


class TopLine:
    """Puts a position's line at the top of the view and keeps it there while the view's
    range is still growing (a plain-text layout lengthens its scroll bar as blocks are laid
    out, so one setValue right after a new text can be cut short); done once reached."""

    def __init__(self, view: QPlainTextEdit) -> None:
        self.view = view
        self.target: int | None = None
        view.verticalScrollBar().rangeChanged.connect(lambda _lo, _hi: self._apply())

    def show_from(self, position: int | None) -> None:
        self.target = position
        self._apply()

    def _apply(self) -> None:
        if self.target is None:
            return
        block = self.view.document().findBlock(self.target)
        if not block.isValid():
            self.target = None
            return
        line = _line_number(self.view, block, self.target)
        bar = self.view.verticalScrollBar()
        bar.setValue(line)
        if bar.value() == line:
            self.target = None
