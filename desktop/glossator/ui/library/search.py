"""Full-text search in the library panel: typing waits for a pause, then the reports holding
every word (title or text) are listed best first with a snippet; picking one opens the
report with the first matched word of its snippet selected."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QStackedWidget

from glossator.services.search import SearchHit
from glossator.services.values import ReportSummary
from glossator.ui.library.model import haystack, shown_in_mode
from glossator.ui.library.search_results import SearchResultDelegate, SearchResultsModel

if TYPE_CHECKING:
    from glossator.ui.library.panel import LibraryPanel

Searcher = Callable[[str, int], list[SearchHit]]
DEBOUNCE_MS = 150
RESULT_LIMIT = 20  # DESIGN §7: top 20 with snippets within 20 ms
LIBRARY, RESULTS, NO_MATCH = range(3)  # the pages of the panel's stack


def title_hit(s: ReportSummary, words: list[str]) -> SearchHit:
    """A report whose title or source name holds the typed text, found without the index."""
    folded = s.title.casefold()
    spans = []
    for w in words:
        at = folded.find(w)
        if at >= 0 and len(folded) == len(s.title):
            spans.append((at, at + len(w)))
    return SearchHit(s.id, s.title, 0.0, s.source_name, (), tuple(sorted(spans)), None, 0)


class LibrarySearch(QObject):
    """The search behaviour of a LibraryPanel: debounce, results page, activation."""

    def __init__(self, panel: LibraryPanel, pages: QStackedWidget) -> None:
        super().__init__(panel)
        self.panel = panel
        self.pages = pages
        self.searcher: Searcher | None = None
        self.limit = RESULT_LIMIT
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self.model = SearchResultsModel(panel)
        self.view = QListView(panel)
        self.view.setObjectName("librarySearchResults")
        self.view.setModel(self.model)
        self.view.setItemDelegate(SearchResultDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.empty = QLabel(panel)
        self.empty.setObjectName("libraryNoMatch")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setWordWrap(True)
        self.empty.setMargin(12)
        pages.addWidget(self.view)
        pages.addWidget(self.empty)
        self._haystacks: list[tuple[ReportSummary, str]] | None = None
        self.query = ""  # the query whose results are shown
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.activated.connect(lambda index: self.activate(index.row(), focus=True))
        panel.search.returnPressed.connect(self._return_pressed)
        panel.search.installEventFilter(self)
        for signal in (panel.model.modelReset, panel.model.rowsInserted,
                       panel.model.rowsRemoved, panel.model.dataChanged):
            signal.connect(self._forget_titles)

    @property
    def active(self) -> bool:
        return self.searcher is not None and bool(self.panel.search.text().strip())

    def text_changed(self, text: str) -> None:
        if text.strip():
            self.timer.start()
        else:
            self.timer.stop()
            self.query = ""
            self.model.set_hits([])
            self.pages.setCurrentIndex(LIBRARY)
            self.panel.searched.emit("")

    def run(self) -> None:
        """Search now (the pause after typing): list the hits, or say that none match."""
        self.timer.stop()
        query = self.panel.search.text()
        if self.searcher is None or not query.strip():
            self.text_changed("")
            return
        mode = str(self.panel.filter.currentData())
        failure = None
        try:
            found = self.searcher(query, self.limit)
        except Exception as exc:  # a lost server connection must not take the window down
            found, failure = [], f"The search failed: {exc}"
        summaries = self.panel.model.summary_for
        hits = [h for h in found if (s := summaries(h.report_id)) and shown_in_mode(s, mode)]
        listed = {h.report_id for h in hits}
        words = query.casefold().split()
        # Titles holding the typed text come after the ranked hits, so they are looked for
        # only when there is room for them (words found in every report fill the list).
        titles = self._titles() if len(hits) < self.limit else []
        for w in words:  # one quick pass per word over 10,000 titles: about a millisecond
            titles = [(s, text) for s, text in titles if w in text]
        for s, _ in titles:
            if len(hits) >= self.limit:
                break
            if s.id not in listed and shown_in_mode(s, mode):
                hits.append(title_hit(s, words))
        self.query = query
        with self.panel.quietly():
            self.model.set_hits(hits)
        if hits:
            self.pages.setCurrentIndex(RESULTS)
            self.mark_open(self.panel.open_report_id)
        else:
            self.empty.setText(failure or f"No reports match \u201c{query.strip()}\u201d")
            self.pages.setCurrentIndex(NO_MATCH)
        self.panel.update_count()
        self.panel.searched.emit(query)

    def count_text(self) -> str | None:
        if not self.query or self.pages.currentIndex() == LIBRARY:
            return None
        n = self.model.rowCount()
        if not n:
            return "No reports match"
        best = f" (the best {n})" if n >= self.limit else ""
        return f"{n} matching report{'s' if n != 1 else ''}{best}"

    def mark_open(self, report_id: int | None) -> None:
        """Make the open report's result current (quietly), or none."""
        row = self.model.row_of(report_id) if report_id is not None else None
        with self.panel.quietly():
            if row is None:
                self.view.selectionModel().clear()
            else:
                self.view.setCurrentIndex(self.model.index(row, 0))

    def activate(self, row: int, focus: bool) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        hit = self.model.hit(row)
        self.panel.open_report_id = hit.report_id
        start, end = hit.match or (-1, -1)
        self.panel.matchActivated.emit(hit.report_id, start, end, focus)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self.panel.is_quiet:
            self.activate(current.row(), focus=False)

    def _return_pressed(self) -> None:
        if self.searcher is None:
            return
        if self.timer.isActive() or self.query != self.panel.search.text():
            self.run()
        if self.pages.currentIndex() == RESULTS:
            current = self.view.currentIndex()
            self.activate(current.row() if current.isValid() else 0, focus=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box goes to the results."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Down and self.active):
            if self.timer.isActive():
                self.run()
            if self.pages.currentIndex() == RESULTS:
                self.view.setFocus(Qt.FocusReason.TabFocusReason)
                self.view.setCurrentIndex(self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)

    def _titles(self) -> list[tuple[ReportSummary, str]]:
        if self._haystacks is None:
            model = self.panel.model
            rows = (model.summary(r) for r in range(model.rowCount()))
            self._haystacks = [(s, haystack(s)) for s in rows]
        return self._haystacks

    def _forget_titles(self) -> None:
        self._haystacks = None
