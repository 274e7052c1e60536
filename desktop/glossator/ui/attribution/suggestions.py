"""Reviewing suggestions in the window: the list and the dashed layer kept current, and one
key each to accept (an annotation is made) or reject (it is not proposed again), undoable."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTabWidget

from glossator.core.codebook import Codebook
from glossator.core.names import name_key
from glossator.services import Change, Command, StoreError, Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.attribution import DismissSuggestion, suggestions_from
from glossator.services.values import ReportDetail, SuggestionView
from glossator.ui.attribution.suggestion_panel import SuggestionPanel
from glossator.ui.common.background import Background
from glossator.ui.common.spans import LayerSpan
from glossator.ui.common.undo import UndoController
from glossator.ui.state import WindowState

IDLE_MS = 600  # after highlighting stops, the list is read again (undone highlights give back)
OPEN_MS = 250  # a report just opened is read and painted first, its suggestions a moment later
# once a long report's last annotations have come, the window paints them before the search
# starts beside it (the two at once kept the window's thread waiting 80-130 ms at 50,000)
FILLED_MS = 150
QUOTE_TAG = "Quote"  # the codebook tag a quotation suggestion is accepted with, when there is one


def accepting(report_id: int, s: SuggestionView, quote_tag: int | None) -> AddAnnotation:
    """The annotation a suggestion becomes: a quote attributed to its speaker (tagged as a
    quote), a speaker's mention attributed to them, a target's mention noted as such."""
    tags = [quote_tag] if s.kind == "quote" and quote_tag is not None else []
    note = f"Mentions {s.target}" if s.kind != "quote" and s.target and not s.speaker else ""
    command = AddAnnotation(report_id, s.start, s.end, tag_ids=tags, note=note,
                            cites=s.cites, speaker=s.speaker)
    command.label = "accept suggestion"
    return command


class SuggestionCanvas(Protocol):
    """Where suggestions are drawn: the report view's dashed layer."""

    def show_layer(self, spans: Sequence[LayerSpan]) -> None: ...
    def set_layer_current(self, key: str | None) -> None: ...
    def reveal(self, cp: int) -> None: ...


class Suggestions:
    """Fills the suggestion panel and the report's dashed layer; accepts and rejects.
    `caret`: where the reader is in the report (code points)."""

    def __init__(self, state: WindowState, ws: Workspace, undo: UndoController,
                 panel: SuggestionPanel, canvas: SuggestionCanvas, tabs: QTabWidget,
                 caret: Callable[[], int], say: Callable[[str, int], None],
                 parent: QObject) -> None:
        self.state, self.ws, self.undo = state, ws, undo
        self.panel, self.canvas, self.tabs, self._caret, self._status = (
            panel, canvas, tabs, caret, say)
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh_later)
        self._idle = QTimer(parent)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self.refresh_later)
        self._background = Background(parent)  # finding them in a long report takes a while
        self._after_fill = False  # read once the open report's annotations have all come
        self._codebook: Codebook | None = None  # read once, again after codebook edits
        state.annotationsFilled.connect(self._filled)
        self._advancing = False  # accept, reject and the keys bring the next one into view
        self.panel.currentChanged.connect(self._current_changed)
        self.panel.tree.itemDoubleClicked.connect(lambda *_: self._reveal())
        state.reportShown.connect(lambda: self.show_report(state.report))

    def show_report(self, _detail: ReportDetail | None) -> None:
        """A report opened: its suggestions are read once it is painted and settled."""
        self._timer.stop()
        self._background.cancel()
        self._after_fill = False
        self._show([])
        self._idle.start(OPEN_MS)

    def on_change(self, change: Change) -> None:
        """Codebook edits and rejections are read at once (after the repaint); a highlight
        only takes its span off the list now, and the list is read again once idle, so
        highlighting in a long report never waits for the suggestions."""
        report = self.state.report
        if report is None:
            return
        if change.codebook:
            self._codebook = None
        if change.codebook or "*" in change.annotations:
            self._timer.start()
        elif report.id in change.reports:
            if change.annotations or change.annotations_removed:
                self._drop_taken(change.annotations)
                self._idle.start(IDLE_MS)
            else:
                self._timer.start()

    def _drop_taken(self, changed: frozenset[str]) -> None:
        spans = (self.state.annotation(u) for u in changed)
        taken = {(a.start, a.end) for a in spans if a is not None}
        if not taken:
            return
        found = self.panel.suggestions()
        kept = [s for s in found if (s.start, s.end) not in taken]
        if len(kept) != len(found):
            self._show(kept)

    def refresh(self) -> None:
        """Read the open report's suggestions again, now (after accepting or rejecting one:
        the next takes its place at once)."""
        self._timer.stop()
        self._idle.stop()
        self._background.cancel()
        report = self.state.report
        try:
            found = self.ws.suggestions(report.id) if report is not None else []
        except StoreError as exc:  # the storage went away: say so, keep what is shown
            self._status(str(exc), 8000)
            return
        self._show(found)

    def refresh_later(self) -> None:
        """Read them again without holding up the window: once every annotation of the
        report has come, the little left to read is read here (the report and the codebook
        are at hand), the computation over the whole text runs on another thread, and the
        list is shown when it is done (unless the report or the list changed meanwhile)."""
        self._timer.stop()
        self._idle.stop()
        state = self.state
        report = state.report
        if report is None:
            self._background.cancel()
            self._show([])
            return
        if state.filling:  # the annotated spans are not all known yet
            self._after_fill = True
            return
        values = list(state.annotations_so_far().values())
        try:
            if self._codebook is None:
                self._codebook = self.ws.codebook()
            inputs = self.ws.suggestion_inputs(report.id, report, codebook=self._codebook,
                                               taken=frozenset())
        except StoreError as exc:
            self._status(str(exc), 8000)
            return
        report_id = report.id

        def work() -> list[SuggestionView]:
            taken = frozenset((a.start, a.end) for a in values)
            return suggestions_from(dataclasses.replace(inputs, taken=taken))

        def show(found: list[SuggestionView]) -> None:
            if state.report_id == report_id:
                self._show(found)

        self._background.run(work, show)

    def _filled(self) -> None:
        if self._after_fill:  # the last rows and highlights are painted first
            self._after_fill = False
            self._idle.start(FILLED_MS)

    def _show(self, found: list[SuggestionView]) -> None:
        self.canvas.show_layer([LayerSpan(s.key, s.start, s.end, s.kind) for s in found])
        self.panel.set_suggestions(found)
        tabs = self.tabs
        tabs.setTabText(tabs.indexOf(self.panel), f"Suggestions ({len(found)})")

    # -- the reviewer's keys --------------------------------------------------------------

    def _say(self, message: str) -> None:
        self._status(message, 5000)

    def _chosen(self) -> SuggestionView | None:
        s = self.panel.current()
        if s is None or self.state.report is None:
            self._say("No suggestion is selected: Shift+N goes to the next one")
            return None
        return s

    def accept(self) -> None:
        s = self._chosen()
        report = self.state.report
        if s is None or report is None:
            return
        tags = self.state.tags
        quote_tag = next((t.id for t in tags if name_key(t.name) == name_key(QUOTE_TAG)), None)
        if self._advance(accepting(report.id, s, quote_tag)):
            self._say(f"Accepted: {s.kind} \u201c{' '.join(s.quote.split())[:60]}\u201d")

    def reject(self) -> None:
        s = self._chosen()
        report = self.state.report
        if s is not None and report is not None:
            self._advance(DismissSuggestion(report.id, s))

    def _advance(self, command: Command) -> bool:
        """Run the command and read the list again; the suggestion that takes the row of
        the one just handled is the current one now, and is brought into view."""
        self._advancing = True
        try:
            if self.undo.push(command) is None:
                return False
            self.refresh()
            return True
        finally:
            self._advancing = False

    def step(self, direction: int) -> None:
        if self._timer.isActive() or self._idle.isActive() or self._background.busy:
            self.refresh()
        if not self.panel.count():
            self._say("No suggestions in this report")
            return
        self.tabs.setCurrentWidget(self.panel)
        self.panel.step(direction, after=self._caret())
        self._reveal()

    def focus(self) -> None:
        self.tabs.setCurrentWidget(self.panel)
        self.panel.setFocus()

    # -- showing the current one ----------------------------------------------------------

    def _current_changed(self, key: str | None) -> None:
        self.canvas.set_layer_current(key)
        if self._advancing or self.panel.tree.hasFocus():
            self._reveal()

    def _reveal(self) -> None:
        s = self.panel.current()
        if s is not None:
            self.canvas.reveal(s.start)
