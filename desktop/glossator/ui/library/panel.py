"""The report library: every report of the workspace, searchable and filterable.

Without a searcher the search box filters titles and source names as you type; with one
(`set_searcher`: the workspace's full-text search, see `library_search`) it lists the reports
holding every word in title or text, best first, with snippets.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from glossator.services.values import ReportSummary
from glossator.ui.library.model import (
    COUNT,
    DATE,
    FILTERS,
    TITLE,
    LibraryFilter,
    LibraryModel,
    ReportIdRole,
    SortRole,
)
from glossator.ui.library.search import LibrarySearch, Searcher

__all__ = ["COUNT", "DATE", "TITLE", "LibraryFilter", "LibraryModel", "LibraryPanel",
           "ReportIdRole", "SortRole"]


class LibraryPanel(QWidget):
    """Search box, filter and the list of reports; selecting a report opens it."""

    reportActivated = Signal(int)
    matchActivated = Signal(int, int, int, bool)  # a search result: report, match start and
    # end in code points (-1: no match in the text), whether to move the focus to the report
    searched = Signal(str)  # the full-text query whose results are shown ("" when none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.open_report_id: int | None = None  # the report shown in the window
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
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.view)
        self.searching = LibrarySearch(self, self.pages)
        layout.addWidget(self.pages, 1)
        self._sections = layout.count()  # other results of a search go here (add_section)
        layout.addWidget(self.count_label)
        self.search.textChanged.connect(self._search_changed)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                       self.proxy.layoutChanged):
            signal.connect(self.update_count)

    NARROW = 250  # below this width the list shows titles and counts, not dates

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A narrow pane (a 1024 px screen) keeps the titles readable: the date column goes
        (the date stays in each row's tooltip and the sort order)."""
        super().resizeEvent(event)
        self.view.setColumnHidden(DATE, event.size().width() < self.NARROW)

    def set_searcher(self, searcher: Searcher | None) -> None:
        """Search the full text with `searcher(query, limit)`; None: titles only, at once."""
        self.searching.searcher = searcher
        with self.quietly():
            self.proxy.set_search("" if searcher else self.search.text())
        self.searching.text_changed(self.search.text() if searcher else "")

    def add_section(self, widget: QWidget) -> None:
        """Another kind of search result (memos), shown below the reports found; it follows
        `searched` and hides itself when it has nothing."""
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(self._sections, widget)
            self._sections += 1

    def set_reports(self, reports: list[ReportSummary]) -> None:
        with self.quietly():
            self.model.set_reports(reports)
        self._reselect()
        if self.searching.active:
            self.searching.timer.start()  # the results may have changed too

    @property
    def is_quiet(self) -> bool:
        return bool(self._quiet)

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Moves of the current row made by filtering or reloading open nothing."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def _reselect(self) -> None:
        """Mark the open report's row again (or nothing, when the filter hides it)."""
        row = self.model.row_of(self.open_report_id) if self.open_report_id is not None \
            else None
        index = self.proxy.mapFromSource(self.model.index(row, TITLE)) if row is not None \
            else QModelIndex()
        flags = QItemSelectionModel.SelectionFlag
        if self.searching.active:
            self.searching.mark_open(self.open_report_id)
        with self.quietly():
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
            with self.quietly():
                self.search.clear()
                self.filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, TITLE))
        self.open_report_id = report_id
        if self.searching.active:
            self.searching.mark_open(report_id)
        self.blockSignals(not notify)
        try:
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self.blockSignals(False)
        self.view.scrollTo(index)
        return True

    def step_report(self, direction: int) -> None:
        """Open the next (1) or previous (-1) report in the list's current order."""
        proxy = self.view.model()
        if proxy.rowCount() == 0:
            return
        current = self.view.currentIndex()
        row = 0 if not current.isValid() else (current.row() + direction) % proxy.rowCount()
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().setCurrentIndex(proxy.index(row, 0),
                                                   flags.ClearAndSelect | flags.Rows)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        if self.searching.searcher is not None:
            self.searching.text_changed(text)
            self.update_count()
            return
        with self.quietly():
            self.proxy.set_search(text)
        self._reselect()
        self.update_count()

    def _filter_changed(self, _index: int) -> None:
        with self.quietly():
            self.proxy.set_mode(str(self.filter.currentData()))
        self._reselect()
        if self.searching.active:
            self.searching.run()
        self.update_count()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.open_report_id = int(current.data(ReportIdRole))
            self.reportActivated.emit(self.open_report_id)

    def update_count(self) -> None:
        searched = self.searching.count_text()
        if searched is not None:
            self.count_label.setText(searched)
            return
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        noun = "report" if total == 1 else "reports"
        self.count_label.setText(f"{total} {noun}" if shown == total
                                 else f"{shown} of {total} {noun}")
