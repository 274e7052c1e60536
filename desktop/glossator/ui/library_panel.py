"""The report library: every report of the workspace, searchable and filterable."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from glossator.services.values import ReportSummary
from glossator.ui.library_model import (
    COUNT,
    DATE,
    FILTERS,
    TITLE,
    LibraryFilter,
    LibraryModel,
    ReportIdRole,
    SortRole,
)

__all__ = ["COUNT", "DATE", "TITLE", "LibraryFilter", "LibraryModel", "LibraryPanel",
           "ReportIdRole", "SortRole"]


class LibraryPanel(QWidget):
    """Search box, filter and the list of reports; selecting a report opens it."""

    reportActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self._open: int | None = None  # the report shown in the window
        self._quiet = 0
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText("Search reports")
        self.search.setClearButtonEnabled(True)
        self.filter = QComboBox(self)
        self.filter.setObjectName("libraryFilter")
        for key, text in FILTERS:
            self.filter.addItem(text, key)
        self.view = QTreeView(self)
        self.view.setObjectName("libraryView")
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()  # fixed widths: sizing to contents reads every row
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(DATE, metrics.horizontalAdvance("0000-00-00") + 16)
        header.resizeSection(COUNT, metrics.horizontalAdvance("00000") + 16)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("libraryCount")
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.search.textChanged.connect(self._search_changed)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                       self.proxy.layoutChanged):
            signal.connect(self._update_count)

    def set_reports(self, reports: list[ReportSummary]) -> None:
        with self._quietly():
            self.model.set_reports(reports)
        self._reselect()

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Moves of the current row made by filtering or reloading open nothing."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def _reselect(self) -> None:
        """Mark the open report's row again (or nothing, when the filter hides it)."""
        row = self.model.row_of(self._open) if self._open is not None else None
        index = self.proxy.mapFromSource(self.model.index(row, TITLE)) if row is not None \
            else QModelIndex()
        flags = QItemSelectionModel.SelectionFlag
        with self._quietly():
            if index.isValid():
                self.view.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            else:
                self.view.selectionModel().clear()

    def current_report_id(self) -> int | None:
        index = self.view.currentIndex()
        return int(index.data(ReportIdRole)) if index.isValid() else None

    def select_report(self, report_id: int, *, notify: bool = True) -> bool:
        row = self.model.row_of(report_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, TITLE))
        if not index.isValid():  # filtered out: show everything so the open report is visible
            with self._quietly():
                self.search.clear()
                self.filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, TITLE))
        self._open = report_id
        self.blockSignals(not notify)
        try:
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self.blockSignals(False)
        self.view.scrollTo(index)
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        with self._quietly():
            self.proxy.set_search(text)
        self._reselect()
        self._update_count()

    def _filter_changed(self, _index: int) -> None:
        with self._quietly():
            self.proxy.set_mode(str(self.filter.currentData()))
        self._reselect()
        self._update_count()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self._open = int(current.data(ReportIdRole))
            self.reportActivated.emit(self._open)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        noun = "report" if total == 1 else "reports"
        self.count_label.setText(f"{total} {noun}" if shown == total
                                 else f"{shown} of {total} {noun}")
