"""Item models of the agreement dialog's fields: measures per field (both ways of counting
unpaired spans) and the confusion matrix of one field (A's value x B's value)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from glossator.core.agreement_fields import ConfusionMatrix, FieldAgreement, Measures
from glossator.ui.review.agreement_models import Index, _Table, interval, number

COUNTING = (("with_unpaired", "unpaired = (no annotation)"), ("paired_only", "unpaired left out"))
DISAGREE = QColor("#ffd6cc")
AGREE = QColor("#d8efd2")


class FieldMeasuresModel(_Table):
    """Two rows per field: unpaired spans as a value of their own, and left out."""

    headers = ("Field", "Unpaired", "Units", "Agreement", "Kappa", "Fleiss", "Alpha",
               "Alpha 95% CI", "Alpha ordinal")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data: list[tuple[str, str, Measures]] = []

    def _rows(self) -> list[Any]:
        return self._data

    def set_fields(self, fields: list[FieldAgreement]) -> None:
        self.beginResetModel()
        self._data = [(f.field, label, getattr(f, attr)) for f in fields
                      for attr, label in COUNTING]
        self.endResetModel()

    def measures(self, row: int) -> tuple[str, str, Measures]:
        return self._data[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._data):
            return None
        field, counting, m = self._data[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (field, counting, f"{m.units:g}", number(m.percent), number(m.kappa),
                      number(m.fleiss), number(m.alpha), interval(m.alpha_ci),
                      number(m.alpha_ordinal))
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return f"{m.units:g} units counted by kappa; {m.pairable:g} pairable for alpha"
        return None


class ConfusionModel(_Table):
    """Rows: A's values; columns: B's values; a cell: how many units got that pair."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix: ConfusionMatrix | None = None
        self.headers = ()

    def _rows(self) -> list[Any]:
        return list(self.matrix.values_a) if self.matrix is not None else []

    def set_matrix(self, matrix: ConfusionMatrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.headers = tuple(matrix.values_b) if matrix is not None else ()
        self.endResetModel()

    def pair(self, row: int, column: int) -> tuple[str, str]:
        assert self.matrix is not None
        return self.matrix.values_a[row], self.matrix.values_b[column]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole
                and self.matrix is not None and 0 <= section < len(self.matrix.values_a)):
            return f"A: {self.matrix.values_a[section]}"
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return f"B: {self.headers[section]}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (self.matrix is None or not index.isValid()
                or not 0 <= index.row() < len(self.matrix.values_a)
                or not 0 <= index.column() < len(self.matrix.values_b)):
            return None
        a, b = self.pair(index.row(), index.column())
        count = self.matrix.count(a, b)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and count:
            return QBrush(AGREE if a == b else DISAGREE)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"A: {a}, B: {b}: {count} passage(s)"
        return None
