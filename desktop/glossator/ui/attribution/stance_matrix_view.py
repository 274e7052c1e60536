"""The table view of the stance matrix: every cell keeps its colour when selected (the
selection is a dark frame, not a fill), so the colour scale reads the same everywhere."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

FRAME = "#202124"


class CellDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        plain.state &= ~QStyle.StateFlag.State_HasFocus
        super().paint(painter, plain, index)
        if selected:
            painter.save()
            painter.setPen(QPen(QColor(FRAME), 2))
            rect: QRect = option.rect
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
            painter.restore()


class StanceMatrixView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stanceMatrixTable")
        self.setItemDelegate(CellDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setShowGrid(True)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        horizontal, vertical = self.horizontalHeader(), self.verticalHeader()
        horizontal.setDefaultSectionSize(118)
        horizontal.setMinimumSectionSize(80)
        vertical.setDefaultSectionSize(self.fontMetrics().height() * 2 + 10)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def wanted_width(self) -> int:
        """Width that shows every column (row names, cells, frame and scroll bar)."""
        model = self.model()
        columns = model.columnCount() if model is not None else 0
        return (self.verticalHeader().sizeHint().width() + self.frameWidth() * 2
                + self.horizontalHeader().defaultSectionSize() * columns
                + self.verticalScrollBar().sizeHint().width() + 4)
