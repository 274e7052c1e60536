"""A second layer over the report view: passages drawn with a dashed underline and no fill,
for what is proposed but not annotated (suggestions). The current one gets a dashed box.

Painted after the text, in the viewport, for the visible paragraphs only; the spans never
enter the highlight index, so they are not annotations anywhere in the window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QPlainTextEdit

from glossator.ui.common.spans import LayerSpan
from glossator.ui.reader.geometry import range_rects, visible_blocks
from glossator.ui.reader.highlighting import SpanIndex
from glossator.ui.reader.offsets import OffsetMap

KIND_COLORS = {"quote": "#6d4bd8", "mention": "#1f7a4d"}
OTHER_COLOR = "#5f6368"


class DashedLayer:
    """Spans painted as dashed underlines; one of them may be current (boxed)."""

    def __init__(self) -> None:
        self._index: SpanIndex[LayerSpan] = SpanIndex()
        self._by_key: dict[str, LayerSpan] = {}
        self.current: str | None = None

    def set_spans(self, spans: Sequence[LayerSpan]) -> None:
        self._by_key = {s.key: s for s in spans}
        self._index = SpanIndex(self._by_key.values())
        if self.current not in self._by_key:
            self.current = None

    def spans(self) -> list[LayerSpan]:
        return list(self._by_key.values())

    def span(self, key: str) -> LayerSpan | None:
        return self._by_key.get(key)

    def at(self, cp: int) -> list[str]:
        return [s.key for s in self._index.covering(cp)]

    def paint(self, view: QPlainTextEdit, offsets: OffsetMap) -> None:
        if not self._by_key:
            return
        blocks = list(visible_blocks(view))
        if not blocks:
            return
        first, last = blocks[0][0], blocks[-1][0]
        start = offsets.from_qt(first.position())
        end = offsets.from_qt(last.position() + last.length() - 1) + 1
        spans = self._index.overlapping(start, end)
        if not spans:
            return
        painter = QPainter(view.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for s in spans:
            color = QColor(KIND_COLORS.get(s.kind, OTHER_COLOR))
            rects = range_rects(view, offsets.to_qt(s.start), offsets.to_qt(s.end))
            current = s.key == self.current
            pen = QPen(color, 2.0 if current else 1.4, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for r in rects:
                y = r.bottom() - 1.5
                painter.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
                if current:
                    painter.drawRoundedRect(r.adjusted(-2, 0, 2, 0), 3, 3)
        painter.end()
