"""A co-occurrence matrix as a table model: counts on a colour scale from white to deep blue
(the top of the scale is the largest count off the diagonal); the diagonal, which counts a
tag's own passages (or paragraphs), in grey."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from glossator.core.analysis import CooccurrenceMatrix
from glossator.ui.common.colors import to_hex
from glossator.ui.common.tag_icon import tag_icon

Index = QModelIndex | QPersistentModelIndex
CountRole = Qt.ItemDataRole.UserRole + 1
LOW, HIGH = (255, 255, 255), (31, 86, 160)  # white to deep blue
DIAGONAL = "#e8e8e8"
WHAT = {"overlap": "overlapping pair(s) of passages", "paragraph": "paragraph(s)"}


def scale_color(count: int, largest: int) -> str:
    """The cell's colour: white for none, deep blue for the largest (a square-root scale, so
    small counts still show)."""
    if count <= 0 or largest <= 0:
        return to_hex(LOW)
    t = min(1.0, (count / largest) ** 0.5)
    return to_hex(tuple(lo + (hi - lo) * t for lo, hi in zip(LOW, HIGH, strict=True)))


def ink_on(background: str) -> str:
    c = QColor(background)
    return "#ffffff" if c.lightnessF() < 0.55 else "#202124"


def empty_matrix() -> CooccurrenceMatrix:
    return CooccurrenceMatrix("overlap", "tag", (), ())


class CooccurrenceModel(QAbstractTableModel):
    """Rows x columns of a CooccurrenceMatrix."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix = empty_matrix()
        self.largest = 0  # the top of the scale (the matrix computes it on every ask)

    def set_matrix(self, matrix: CooccurrenceMatrix) -> None:
        self.beginResetModel()
        self.matrix, self.largest = matrix, matrix.largest
        self.endResetModel()

    def row_name(self, row: int) -> str:
        return self.matrix.rows[row]

    def column_name(self, column: int) -> str:
        return self.matrix.columns[column]

    def is_diagonal(self, row: int, column: int) -> bool:
        m = self.matrix
        return m.rows_kind == "tag" and m.rows[row] == m.columns[column]

    def color(self, row: int, column: int) -> str:
        if self.is_diagonal(row, column):
            return DIAGONAL
        m = self.matrix
        return scale_color(m.cell(m.rows[row], m.columns[column]), self.largest)

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.matrix.rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.matrix.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m, r, c = self.matrix, index.row(), index.column()
        count = m.cell(m.rows[r], m.columns[c])
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else ""
        if role == CountRole:
            return count
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(self.color(r, c))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(ink_on(self.color(r, c)))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            what = WHAT.get(m.mode, "")
            if self.is_diagonal(r, c):
                own = "passage(s)" if m.mode == "overlap" else "paragraph(s)"
                return f"{m.rows[r]}: {count} {own} coded with it"
            return f"{m.rows[r]} \u00d7 {m.columns[c]}: {count} {what}. Click to list them."
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        m = self.matrix
        names = m.columns if orientation == Qt.Orientation.Horizontal else m.rows
        if not 0 <= section < len(names):
            return None
        name = names[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        if role == Qt.ItemDataRole.DecorationRole and name in m.colors and (
                orientation == Qt.Orientation.Horizontal or m.rows_kind == "tag"):
            return tag_icon(m.colors[name])
        return None
