"""The speaker x target stance matrix as a table model: speakers are rows, targets columns,
each cell the counts by label, its background darker with more stances and tinted green when
they lean favor, red when they lean against (grey-blue when balanced or of other labels)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from glossator.services.values import StanceMatrix

Index = QModelIndex | QPersistentModelIndex
TotalRole = Qt.ItemDataRole.UserRole + 1
CountsRole = Qt.ItemDataRole.UserRole + 2  # {label: count} of the cell
FAVOR, AGAINST = "favor", "against"
LEGEND = ("Darker cells hold more stances; green leans favor, red leans against, "
          "grey-blue is balanced or other labels.")


def cell_color(total: int, most: int, net: int) -> str:
    """Background of a cell with `total` stances (`most` in the fullest cell) whose
    favor minus against is `net`; white when empty."""
    if total <= 0 or most <= 0:
        return "#ffffff"
    share = (total / most) ** 0.6
    lean = net / total
    hue = 0.39 if lean > 0 else 0.0 if lean < 0 else 0.59
    saturation = 0.25 + 0.5 * abs(lean) if lean else 0.3
    color = QColor.fromHslF(hue, saturation, 0.96 - 0.38 * share)
    return color.name()


def two_lines(name: str, longest: int = 14) -> str:
    """A long name broken at the space nearest its middle (column headers do not wrap)."""
    if len(name) <= longest or " " not in name:
        return name
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "\n" + name[cut + 1:]


def cell_text(counts: dict[str, int]) -> str:
    """"favor 1 · against 3": the labels present, in scale order."""
    return " \u00b7 ".join(f"{label} {n}" for label, n in counts.items() if n)


@dataclass(frozen=True, slots=True)
class Cell:
    counts: dict[str, int]
    total: int
    text: str
    color: str


class StanceMatrixModel(QAbstractTableModel):
    """Read-only; `set_matrix` replaces it all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix = StanceMatrix((), (), (), {})
        self._cells: list[list[Cell]] = []
        self._brushes: dict[str, QBrush] = {}

    def set_matrix(self, matrix: StanceMatrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        counts = matrix.counts
        raw = [[{lbl: counts.get((s, t, lbl), 0) for lbl in matrix.labels}
                for t in matrix.targets] for s in matrix.speakers]
        most = max((sum(c.values()) for row in raw for c in row), default=0)
        self._cells = [
            [self._cell(c, most) for c in row] for row in raw
        ]
        self._brushes = {}
        self.endResetModel()

    @staticmethod
    def _cell(counts: dict[str, int], most: int) -> Cell:
        total = sum(counts.values())
        net = counts.get(FAVOR, 0) - counts.get(AGAINST, 0)
        return Cell(counts, total, cell_text(counts), cell_color(total, most, net))

    def cell(self, row: int, column: int) -> Cell:
        return self._cells[row][column]

    def speaker(self, row: int) -> str:
        return self.matrix.speakers[row]

    def target(self, column: int) -> str:
        return self.matrix.targets[column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.speakers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.targets)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._cells) and 0 <= c < len(self.matrix.targets)):
            return None
        cell = self._cells[r][c]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.BackgroundRole:
            brush = self._brushes.get(cell.color)
            if brush is None:
                brush = self._brushes[cell.color] = QBrush(QColor(cell.color))
            return brush
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#202124"))
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{self.speaker(r)} \u2192 {self.target(c)}: {cell.total} stance(s)"]
            lines += [f"  {label}: {n}" for label, n in cell.counts.items() if n]
            return "\n".join(lines) + ("\nClick to list the passages" if cell.total else "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == TotalRole:
            return cell.total
        if role == CountsRole:
            return dict(cell.counts)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        horizontal = orientation == Qt.Orientation.Horizontal
        names = self.matrix.targets if horizontal else self.matrix.speakers
        if not 0 <= section < len(names):
            return None
        name = names[section]
        return two_lines(name) if horizontal and role == Qt.ItemDataRole.DisplayRole else name

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
