"""Item models of the agreement dialog: measures per tag, and the disagreements to settle
(tag passages and speaker/stance values in one queue)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from glossator.core.agreement import AgreementResult, Disagreement, FieldDisagreement, TagAgreement
from glossator.core.agreement_bootstrap import Interval

Index = QModelIndex | QPersistentModelIndex
QueueItem = Disagreement | FieldDisagreement
MEASURES = ("Tag", "Kappa", "Alpha", "Precision", "Recall", "F1", "A spans", "B spans", "Pairs",
            "Agreement", "Fleiss", "Alpha 95% CI", "Alpha-u")


def number(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "\u2013"


def interval(value: Interval | None) -> str:
    return f"[{value.low:.3f}, {value.high:.3f}]" if value is not None else "\u2013"


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
        self.set_rows([*result.tags, result.overall] if result is not None else [])

    def set_rows(self, rows: list[TagAgreement]) -> None:
        self.beginResetModel()
        self._data = list(rows)
        self.endResetModel()

    def row(self, row: int) -> TagAgreement:
        return self._data[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._data):
            return None
        t, col = self._data[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            alpha_u = t.alpha_u.alpha if t.alpha_u is not None else None
            values = (t.tag, number(t.kappa), number(t.alpha), number(t.precision),
                      number(t.recall), number(t.f1), str(t.spans_a), str(t.spans_b),
                      str(t.matched), number(t.percent), number(t.fleiss),
                      interval(t.alpha_ci), number(alpha_u))
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return f"{t.units} units (code points) coded by " + ", ".join(
                f"{n}" for n in t.coded) + " per reviewer"
        return None


class DisagreementModel(_Table):
    """One row per disagreement: where, which tag or field, who marked what, and whether
    settled."""

    headers = ("Report", "Tag / field", "Position", "Kind", "Quote", "Settled")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data: list[QueueItem] = []
        self._titles: dict[int, str] = {}
        self._quotes: dict[int, str] = {}
        self._settled: dict[int, str] = {}

    def _rows(self) -> list[Any]:
        return self._data

    def set_disagreements(self, rows: list[QueueItem], titles: dict[int, str],
                          quotes: list[str], settled: list[str]) -> None:
        self.beginResetModel()
        self._data, self._titles = list(rows), dict(titles)
        self._quotes = dict(enumerate(quotes))
        self._settled = dict(enumerate(settled))
        self.endResetModel()

    def disagreement(self, row: int) -> QueueItem:
        return self._data[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._data):
            return None
        r, col = index.row(), index.column()
        d = self._data[r]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            what = d.tag if isinstance(d, Disagreement) else d.field
            values = (self._titles.get(d.report_id, str(d.report_id)), what,
                      f"{d.start}\u2013{d.end}", d.kind, self._quotes.get(r, ""),
                      self._settled.get(r, ""))
            return values[col] if 0 <= col < len(values) else None
        return None
