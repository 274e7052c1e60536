"""The report library's item model and its search and status filter."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QWidget,
)

from glossator.services.values import ReportSummary
from glossator.ui.common.headers import column_header
from glossator.ui.common.sorted_rows import FilterOnlyProxy, SortedRowsModel

Index = QModelIndex | QPersistentModelIndex
ReportIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

TITLE, DATE, COUNT = range(3)
HEADERS = ("Title", "Date", "#")
HEADER_TIPS = ("Report title", "Date of the report", "Annotations")

FILTERS = (
    ("all", "All reports"),
    ("unannotated", "Not annotated yet"),
    ("annotated", "Annotated"),
    ("footnotes", "Footnote problems"),
    ("review", "Needs review"),
    ("disputed", "Disputed"),
    ("reviewed", "Reviewed"),
)


@cache
def warning_icon() -> QIcon:
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def _tooltip(s: ReportSummary) -> str:
    dated = f"{s.title} ({s.date.isoformat()})" if s.date else s.title
    lines = [dated, f"{s.source_name} ({s.source_format})",
             f"{s.marker_count} footnote markers, {s.note_count} notes"]
    if s.missing_notes:
        lines.append("Missing notes: " + ", ".join(s.missing_notes))
    if s.uncited_notes:
        lines.append("Notes never cited: " + ", ".join(s.uncited_notes))
    if s.footnote_warning:
        lines.append("Warning: " + s.footnote_warning)
    return "\n".join(lines)


def _footnote_problem(s: ReportSummary) -> bool:
    """A broken link, or notes that seem to be there but were not linked."""
    return bool(s.broken_links or s.footnote_warning)


class LibraryModel(SortedRowsModel[ReportSummary]):
    """One row per report: title, date and annotation count."""

    columns = HEADERS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, DATE, descending=True)

    def row_id(self, row: ReportSummary) -> int:
        return row.id

    def sort_key(self, row: ReportSummary, column: int) -> Any:
        if column == TITLE:
            return row.title.casefold()
        if column == DATE:
            return ((row.date or dt.date.min).toordinal(), row.title.casefold())
        return row.annotation_count

    # -- Qt interface -----------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return column_header(HEADERS, HEADER_TIPS, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == TITLE:
                return s.title
            if col == DATE:
                return s.date.isoformat() if s.date else ""
            return str(s.annotation_count)
        if role == SortRole:
            return self.sort_key(s, col)
        if role == ReportIdRole:
            return s.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(s)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and col == TITLE and _footnote_problem(s):
            return warning_icon()
        return None

    # -- updates ----------------------------------------------------------------------------

    def summary(self, row: int) -> ReportSummary:
        return self._rows[row]

    def summary_for(self, report_id: int) -> ReportSummary | None:
        row = self.row_of(report_id)
        return None if row is None else self._rows[row]

    def set_reports(self, reports: list[ReportSummary]) -> None:
        self.set_rows(reports)

    def upsert(self, reports: list[ReportSummary]) -> None:
        """Replace the rows of known reports; new ones go where the order puts them."""
        self.upsert_rows(reports)

    def remove(self, report_ids: set[int] | frozenset[int]) -> None:
        self.remove_rows(report_ids)


class LibraryFilter(FilterOnlyProxy):
    """Matches every word of the search text against title and source; plus a status filter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._mode = "all"
        self.setSortRole(SortRole)

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_words", text.casefold().split()))

    def set_mode(self, mode: str) -> None:
        self._refilter(lambda: setattr(self, "_mode", mode))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, LibraryModel) or source_row >= model.rowCount():
            return False
        s = model.summary(source_row)
        return shown_in_mode(s, self._mode) and all(w in haystack(s) for w in self._words)


def shown_in_mode(s: ReportSummary, mode: str) -> bool:
    """Whether the status filter (`FILTERS`) lets a report through: by annotations, by
    footnote problems, or by review (some annotation still proposed; some disputed;
    annotated and every annotation decided, none disputed)."""
    if mode == "unannotated":
        return not s.annotation_count
    if mode == "annotated":
        return bool(s.annotation_count)
    if mode == "footnotes":
        return _footnote_problem(s)
    if mode == "review":
        return bool(s.proposed_count)
    if mode == "disputed":
        return bool(s.disputed_count)
    if mode == "reviewed":
        return bool(s.annotation_count) and not s.proposed_count and not s.disputed_count
    return True


def haystack(s: ReportSummary) -> str:
    """What the words typed in the search box are looked for in, without the full text."""
    return f"{s.title}\n{s.source_name}".casefold()
