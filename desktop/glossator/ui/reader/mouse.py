"""Pointer interaction of the report view: clicks on markers and highlights, hover
feedback over markers (pointing hand, signal, tooltip)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, SignalInstance
from PySide6.QtGui import QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolTip, QWidget

from glossator.ui.reader.geometry import char_at
from glossator.ui.reader.highlighting import MarkerSpan
from glossator.ui.reader.offsets import OffsetMap

__all__ = ["PointerTextEdit"]


class PointerTextEdit(QPlainTextEdit):
    """Mouse handling of `ReportView`, which declares the signals and provides the spans
    (`marker_at`, `highlight_at`) and the offset map."""

    highlightClicked: SignalInstance
    markerClicked: SignalInstance
    markerHovered: SignalInstance
    _offsets: OffsetMap

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.viewport().setMouseTracking(True)
        self._press_pos: QPoint | None = None
        self._hovered: MarkerSpan | None = None

    def marker_at(self, cp: int) -> MarkerSpan | None:
        raise NotImplementedError

    def highlight_at(self, cp: int) -> list[str]:
        raise NotImplementedError

    def cp_at(self, point: QPoint) -> int | None:
        """Code point of the character under a viewport point, or None beside the text."""
        position = char_at(self, point)
        return None if position is None else self._offsets.from_qt(position)

    def tooltip_at(self, point: QPoint) -> str | None:
        cp = self.cp_at(point)
        marker = self.marker_at(cp) if cp is not None else None
        if marker is None:
            return None
        if marker.missing:
            return f"Note [{marker.label}] is missing from the notes list"
        return f"Note [{marker.label}]: click to show it"

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if event.type() == QEvent.Type.Leave:
            self._hover(None)
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            cp = self.cp_at(event.position().toPoint())
            self._hover(self.marker_at(cp) if cp is not None else None)

    def _hover(self, marker: MarkerSpan | None) -> None:
        shape = Qt.CursorShape.PointingHandCursor if marker else Qt.CursorShape.IBeamCursor
        if self.viewport().cursor().shape() != shape:
            self.viewport().setCursor(shape)
        if marker != self._hovered:
            self._hovered = marker
            if marker is not None:
                self.markerHovered.emit(marker.label, marker.start)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press_pos = self._press_pos, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        point = event.position().toPoint()
        if (point - press).manhattanLength() >= QApplication.startDragDistance():
            return
        if self.textCursor().hasSelection():
            return
        cp = self.cp_at(point)
        if cp is None:
            return
        marker = self.marker_at(cp)
        if marker is not None:
            self.markerClicked.emit(marker.label, marker.start)
            return
        keys = self.highlight_at(cp)
        if keys:
            self.highlightClicked.emit(keys[0])
