"""Item models of the agreement dialog: measures per tag, and the disagreements."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from glossator.core.agreement import AgreementResult, Disagreement, TagAgreement

Index = QModelIndex | QPersistentModelIndex
MEASURES = ("Tag", "Kappa", "Alpha", "Precision", "Recall", "F1", "A spans", "B spans", "Pairs")


def number(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "\u2013"


class _Table(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows())

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def _rows(self) -> list[Any]:
        raise NotImplementedError

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None


class AgreementModel(_Table):
    """One row per tag, then the pooled row."""

    headers = MEASURES

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data: list[TagAgreement] = []

    def _rows(self) -> list[Any]:
        return self._data

    def set_result(self, result: AgreementResult | None) -> None:
        self.beginResetModel()
        self._data = [*result.tags, result.overall] if result is not None else []
        self.endResetModel()

    def row(self, row: int) -> TagAgreement:
        return self._data[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._data):
            return None
        t, col = self._data[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (t.tag, number(t.kappa), number(t.alpha), number(t.precision),
                      number(t.recall), number(t.f1), str(t.spans_a), str(t.spans_b),
                      str(t.matched))
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return f"{t.units} units (code points) coded by " + ", ".join(
                f"{n}" for n in t.coded) + " per reviewer"
        return None


class DisagreementModel(_Table):
    """One row per disagreement: where, which tag, who marked it, and whether settled."""

    headers = ("Report", "Tag", "Position", "Kind", "Quote", "Settled")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data: list[Disagreement] = []
        self._titles: dict[int, str] = {}
        self._quotes: dict[int, str] = {}
        self._settled: dict[int, str] = {}

    def _rows(self) -> list[Any]:
        return self._data

    def set_disagreements(self, rows: list[Disagreement], titles: dict[int, str],
                          quotes: list[str], settled: list[str]) -> None:
        self.beginResetModel()
        self._data, self._titles = list(rows), dict(titles)
        self._quotes = dict(enumerate(quotes))
        self._settled = dict(enumerate(settled))
        self.endResetModel()

    def disagreement(self, row: int) -> Disagreement:
        return self._data[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._data):
            return None
        r, col = index.row(), index.column()
        d = self._data[r]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (self._titles.get(d.report_id, str(d.report_id)), d.tag,
                      f"{d.start}\u2013{d.end}", d.kind, self._quotes.get(r, ""),
                      self._settled.get(r, ""))
            return values[col] if 0 <= col < len(values) else None
        return None
