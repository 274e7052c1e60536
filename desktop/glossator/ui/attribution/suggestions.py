"""Reviewing suggestions in the window: the list and the dashed layer kept current, and one
key each to accept (an annotation is made) or reject (it is not proposed again), undoable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from glossator.core.names import name_key
from glossator.services import Change, Command, StoreError
from glossator.services.annotations import AddAnnotation
from glossator.services.attribution import DismissSuggestion
from glossator.services.values import ReportDetail, SuggestionView
from glossator.ui.reader.layer import LayerSpan

if TYPE_CHECKING:
    from glossator.ui.app.main_window import MainWindow

IDLE_MS = 600  # after highlighting stops, the list is read again (undone highlights give back)
OPEN_MS = 250  # a report just opened is read and painted first, its suggestions a moment later
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


class Suggestions:
    """Fills the suggestion panel and the report's dashed layer; accepts and rejects."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.panel = window.suggestion_panel
        self._timer = QTimer(window)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self._idle = QTimer(window)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self.refresh)
        self._advancing = False  # accept, reject and the keys bring the next one into view
        self.panel.currentChanged.connect(self._current_changed)
        self.panel.tree.itemDoubleClicked.connect(lambda *_: self._reveal())

    def show_report(self, _detail: ReportDetail | None) -> None:
        """A report opened: its suggestions are read once it is painted and settled."""
        self._timer.stop()
        self._show([])
        self._idle.start(OPEN_MS)

    def on_change(self, change: Change) -> None:
        """Codebook edits and rejections are read at once (after the repaint); a highlight
        only takes its span off the list now, and the list is read again once idle, so
        highlighting in a long report never waits for the suggestions."""
        report = self.w.report
        if report is None:
            return
        if change.codebook or "*" in change.annotations:
            self._timer.start()
        elif report.id in change.reports:
            if change.annotations or change.annotations_removed:
                self._drop_taken(change.annotations)
                self._idle.start(IDLE_MS)
            else:
                self._timer.start()

    def _drop_taken(self, changed: frozenset[str]) -> None:
        spans = (self.w.annotations.get(u) for u in changed)
        taken = {(a.start, a.end) for a in spans if a is not None}
        if not taken:
            return
        found = self.panel.suggestions()
        kept = [s for s in found if (s.start, s.end) not in taken]
        if len(kept) != len(found):
            self._show(kept)

    def refresh(self) -> None:
        """Read the open report's suggestions again."""
        self._timer.stop()
        self._idle.stop()
        w = self.w
        try:
            found = w.ws.suggestions(w.report.id) if w.report is not None else []
        except StoreError as exc:  # the storage went away: say so, keep what is shown
            w.statusBar().showMessage(str(exc), 8000)
            return
        self._show(found)

    def _show(self, found: list[SuggestionView]) -> None:
        w = self.w
        w.report_view.layer.set_spans([LayerSpan(s.key, s.start, s.end, s.kind) for s in found])
        self.panel.set_suggestions(found)
        w.report_view.viewport().update()
        tabs = w.lower_tabs
        tabs.setTabText(tabs.indexOf(self.panel), f"Suggestions ({len(found)})")

    # -- the reviewer's keys --------------------------------------------------------------

    def _say(self, message: str) -> None:
        self.w.statusBar().showMessage(message, 5000)

    def _chosen(self) -> SuggestionView | None:
        s = self.panel.current()
        if s is None or self.w.report is None:
            self._say("No suggestion is selected: Shift+N goes to the next one")
            return None
        return s

    def accept(self) -> None:
        s = self._chosen()
        if s is None or self.w.report is None:
            return
        tags = self.w.palette.tags()
        quote_tag = next((t.id for t in tags if name_key(t.name) == name_key(QUOTE_TAG)), None)
        if self._advance(accepting(self.w.report.id, s, quote_tag)):
            self._say(f"Accepted: {s.kind} \u201c{' '.join(s.quote.split())[:60]}\u201d")

    def reject(self) -> None:
        s = self._chosen()
        if s is not None and self.w.report is not None:
            self._advance(DismissSuggestion(self.w.report.id, s))

    def _advance(self, command: Command) -> bool:
        """Run the command and read the list again; the suggestion that takes the row of
        the one just handled is the current one now, and is brought into view."""
        self._advancing = True
        try:
            if self.w.undo.push(command) is None:
                return False
            self.refresh()
            return True
        finally:
            self._advancing = False

    def step(self, direction: int) -> None:
        w = self.w
        if self._timer.isActive() or self._idle.isActive():
            self.refresh()
        if not self.panel.count():
            self._say("No suggestions in this report")
            return
        w.lower_tabs.setCurrentWidget(self.panel)
        self.panel.step(direction, after=w.navigation.caret())
        self._reveal()

    def focus(self) -> None:
        self.w.lower_tabs.setCurrentWidget(self.panel)
        self.panel.setFocus()

    def focus_table(self) -> None:
        self.w.lower_tabs.setCurrentWidget(self.w.table)
        self.w.table.view.setFocus()

    # -- showing the current one ----------------------------------------------------------

    def _current_changed(self, key: str | None) -> None:
        layer = self.w.report_view.layer
        layer.current = key
        self.w.report_view.viewport().update()
        if self._advancing or self.panel.tree.hasFocus():
            self._reveal()

    def _reveal(self) -> None:
        s = self.panel.current()
        if s is not None:
            self.w.report_view.reveal(s.start)
