"""Tag frequencies: per tag across the library (passages, reports, characters coded), and
per report and tag with the share of the report covered; sortable, exported as CSV."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from glossator.core.analysis import ReportTagCount, TagCount, TagFrequencies
from glossator.formats.analysis_csv import frequency_rows, per_report_rows
from glossator.services.analysis import Analysis
from glossator.services.analysis_files import save_rows
from glossator.services.analysis_slices import Sliced
from glossator.services.passage_filters import PassageQuery
from glossator.ui.analysis.files import FileKind
from glossator.ui.common.sorted_rows import SortedRowsModel
from glossator.ui.common.tag_icon import tag_icon

Index = QModelIndex | QPersistentModelIndex
NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _title(columns: tuple[str, ...], section: int, orientation: Qt.Orientation,
           role: int) -> Any:
    """A count table's column titles (no tooltips; rows have no header)."""
    if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
        return columns[section]
    return None


class TagCountModel(SortedRowsModel[TagCount]):
    columns = ("Tag", "Passages", "Reports", "Characters")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, 1, True)
        self._order: dict[str, int] = {}

    def set_counts(self, counts: tuple[TagCount, ...]) -> None:
        self._order = {t.tag: i for i, t in enumerate(counts)}
        self.set_rows(counts)

    def row_id(self, row: TagCount) -> Hashable:
        return self._order.get(row.tag, 0)  # codebook order breaks ties

    def sort_key(self, row: TagCount, column: int) -> Any:
        if column == 0:
            return row.path.casefold()
        return row.annotations if column == 1 else row.reports if column == 2 else (
            row.characters)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (t.path, f"{t.annotations:,}", f"{t.reports:,}", f"{t.characters:,}")[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return tag_icon(t.color)
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(NUMBER)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return _title(self.columns, section, orientation, role)


class ReportTagModel(QAbstractTableModel):
    """One row per report and tag, in library order as counted; sorted by a column only
    when asked (a library has tens of thousands of rows: no key is made for each of them
    before the first paint)."""

    columns = ("Report", "Date", "Tag", "Passages", "Characters", "Covered")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReportTagCount] = []
        self._library: tuple[ReportTagCount, ...] = ()

    def set_counts(self, counts: tuple[ReportTagCount, ...]) -> None:
        self.beginResetModel()
        self._library, self._rows = counts, list(counts)
        self.endResetModel()

    @staticmethod
    def sort_key(row: ReportTagCount, column: int) -> Any:
        if column == 1:
            return row.report_date.toordinal() if row.report_date else 10**7
        if column == 0:
            return row.report_title.casefold()
        if column == 2:
            return row.tag.casefold()
        return row.annotations if column == 3 else row.characters if column == 4 else (
            row.coverage)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        rows = list(self._library)  # library order breaks ties
        rows.sort(key=lambda r: self.sort_key(r, column),
                  reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = rows
        self.layoutChanged.emit()

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            date = c.report_date.isoformat() if c.report_date else ""
            return (c.report_title, date, c.tag, f"{c.annotations:,}", f"{c.characters:,}",
                    f"{c.coverage:.1%}")[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(NUMBER)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return _title(self.columns, section, orientation, role)


def _table(parent: QWidget, name: str, sort_by: int | None = None) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    if sort_by is not None:  # the order the rows come in
        view.horizontalHeader().setSortIndicator(sort_by, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class FrequencyTab(QWidget):
    """Frequencies of the query's passages."""

    optionsChanged = Signal()
    title = "Counts"
    kinds: tuple[FileKind, ...] = (FileKind("csv", "CSV, per tag", ".csv"),
             FileKind("report-csv", "CSV, per report and tag", ".csv"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frequencyTab")
        self.roll_up = QCheckBox("&Roll up: a child tag's passage counts for its parents", self)
        self.overall = TagCountModel(self)
        self.per_report = ReportTagModel(self)
        self.overall_view = _table(self, "tagFrequencies")
        self.overall_view.setModel(self.overall)
        self.report_view = _table(self, "reportTagFrequencies", sort_by=1)
        self.report_view.setModel(self.per_report)
        self.result: TagFrequencies | None = None
        split = QSplitter(Qt.Orientation.Horizontal, self)
        for title, view in (("Across the library", self.overall_view),
                            ("Per report", self.report_view)):
            box = QWidget(split)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(QLabel(f"<b>{title}</b>", box))
            lay.addWidget(view)
            split.addWidget(box)
        split.setSizes([420, 620])
        row = QHBoxLayout()
        row.addWidget(self.roll_up)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        self.roll_up.toggled.connect(lambda _on: self.optionsChanged.emit())

    def sliced(self, analysis: Analysis, query: PassageQuery) -> Sliced[TagFrequencies]:
        return analysis.frequencies_sliced(query, self.roll_up.isChecked())

    def show_result(self, result: TagFrequencies | None) -> None:
        self.result = result
        self.overall.set_counts(result.overall if result else ())
        self.per_report.set_counts(result.per_report if result else ())

    def summary(self, result: TagFrequencies) -> str:
        used = sum(1 for t in result.overall if t.annotations)
        return (f"{result.annotations:,} passage(s) in {result.reports:,} report(s); "
                f"{used} tag(s) used.")

    def export(self, kind: FileKind, path: Path) -> None:
        if self.result is None:
            return
        rows = per_report_rows(self.result) if kind.key == "report-csv" else frequency_rows(
            self.result)
        save_rows(rows, path, overwrite=True)
