"""View ▸ Counts and co-occurrence… and Stance over time…: one query, three views of it
(tag frequencies, the co-occurrence matrix, stance toward a target by month), each counted
slice by slice when it is shown, and exported from the same button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from glossator.services import CommandError, Workspace
from glossator.services.analysis import Analysis
from glossator.services.analysis_slices import Sliced
from glossator.services.passage_filters import PassageQuery
from glossator.ui.analysis.cooccurrence_tab import CooccurrenceTab
from glossator.ui.analysis.dialog_parts import KeyedButtons, form_row, status_line
from glossator.ui.analysis.files import FileKind, ask_destination
from glossator.ui.analysis.frequency_tab import FrequencyTab
from glossator.ui.analysis.query_form import QueryForm
from glossator.ui.analysis.slices import SliceRunner
from glossator.ui.analysis.timeline_tab import TimelineTab


class CountTab(Protocol):
    title: str
    kinds: tuple[FileKind, ...]

    @property
    def optionsChanged(self) -> SignalInstance: ...

    def sliced(self, analysis: Analysis, query: PassageQuery) -> Sliced[Any]: ...
    def show_result(self, result: Any) -> None: ...
    def summary(self, result: Any) -> str: ...
    def export(self, kind: FileKind, path: Any) -> None: ...


class CountsDialog(QDialog):
    passageActivated = Signal(int, str)

    def __init__(self, ws: Workspace, open_report: Callable[[], int | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countsDialog")
        self.setWindowTitle("Counts and co-occurrence")
        self.ws = ws
        self.analysis = Analysis(ws)
        self.form = QueryForm(ws, open_report, self)
        self.frequencies = FrequencyTab(self)
        self.cooccurrence = CooccurrenceTab(self)
        self.timeline = TimelineTab(self)
        self.tab_keys: dict[str, QWidget] = {"counts": self.frequencies,
                                             "cooccurrence": self.cooccurrence,
                                             "timeline": self.timeline}
        self.tabs = QTabWidget(self)
        for tab in self.tab_keys.values():
            self.tabs.addTab(tab, getattr(tab, "title"))  # noqa: B009 (a class attribute)
        self.status = status_line(self, "countsStatus")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.buttons = KeyedButtons(self, "counts", default="count")
        self.runner = SliceRunner(self)
        self._counted: dict[int, PassageQuery] = {}  # tab -> the query it shows
        self._running: tuple[int, PassageQuery, CountTab] | None = None
        self._layout()
        self._connect()
        self.timeline.set_targets(ws.targets())
        self.resize(1180, 780)

    def _layout(self) -> None:
        top = form_row(self.form, self.buttons.add("count", "&Count"))
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.progress)
        bar.addWidget(self.buttons.add("export", "&Export…"))
        bar.addWidget(self.buttons.add("close", "Close"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bar)

    def _connect(self) -> None:
        self.form.submitted.connect(self.count)
        self.buttons["count"].clicked.connect(self.count)
        self.buttons["export"].clicked.connect(self._export)
        self.buttons["close"].clicked.connect(self.close)
        self.tabs.currentChanged.connect(lambda _i: self._count_if_stale())
        for tab in self._tabs():
            tab.optionsChanged.connect(self._options_changed)
        self.cooccurrence.passageActivated.connect(self.passageActivated)
        self.runner.progressed.connect(self._progressed)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)

    def _tabs(self) -> list[CountTab]:
        return [self.frequencies, self.cooccurrence, self.timeline]

    def current(self) -> CountTab:
        return self._tabs()[max(0, self.tabs.currentIndex())]

    # -- counting ---------------------------------------------------------------------------

    def open_tab(self, key: str, query: PassageQuery | None = None) -> None:
        if query is not None:
            self.form.set_query(query)
        self.tabs.blockSignals(True)
        self.tabs.setCurrentWidget(self.tab_keys[key])
        self.tabs.blockSignals(False)
        if query is not None:
            self.count()
        else:
            self._count_if_stale()

    def count(self) -> None:
        """Count the form's query in the tab shown."""
        try:
            query = self.form.query()
        except CommandError as exc:
            self.status.setText(str(exc))
            return
        tab = self.current()
        try:
            sliced = tab.sliced(self.analysis, query)
        except CommandError as exc:
            self.status.setText(str(exc))
            return
        self._running = (self.tabs.currentIndex(), query, tab)
        self.status.setText("Counting\u2026")
        self.progress.setRange(0, max(1, sliced.total))
        self.progress.setValue(0)
        self.progress.show()
        self.runner.start(sliced, at_once=False)

    def _count_if_stale(self) -> None:
        try:
            query = self.form.query()
        except CommandError:
            query = None
        if query is None or self._counted.get(self.tabs.currentIndex()) != query:
            self.count()

    def _options_changed(self) -> None:
        self._counted.pop(self.tabs.currentIndex(), None)
        self.count()

    def _progressed(self, _result: object) -> None:
        done, total = self.runner.progress()
        if self.runner.running:
            self.progress.setValue(done)
            self.status.setText(f"Counting\u2026 {done:,} of {total:,} report(s)")

    def _finished(self, result: object) -> None:
        self.progress.hide()
        running, self._running = self._running, None
        if running is None:
            return
        index, query, tab = running
        self._counted[index] = query
        tab.show_result(result)
        self.status.setText(tab.summary(result))

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self._running = None
        self.status.setText(message)

    def reload_codebook(self) -> None:
        """The codebook changed: its names in the form, the targets, counts to redo."""
        self.form.reload()
        self.timeline.set_targets(self.ws.targets())
        self._counted.clear()

    def mark_stale(self) -> None:
        """The library changed: what is shown is counted again when asked."""
        self._counted.clear()
        if not self.runner.running:
            self.status.setText("The library has changed since: Count again to see it.")

    # -- export -----------------------------------------------------------------------------

    def export(self, kind: FileKind, path: Any) -> None:
        try:
            self.current().export(kind, path)
        except CommandError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(f"Written: {path}")

    def _export(self) -> None:
        tab = self.current()
        name = {"counts": "tag-counts", "cooccurrence": "cooccurrence",
                "timeline": "stance-over-time"}
        shown = self.tabs.currentWidget()
        key = next(k for k, w in self.tab_keys.items() if w is shown)
        chosen = ask_destination(self, f"Export {tab.title.lower()}", name[key], tab.kinds)
        if chosen is not None:
            self.export(chosen[1], chosen[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.cancel()
        self.cooccurrence.cell_runner.cancel()
        super().closeEvent(event)
