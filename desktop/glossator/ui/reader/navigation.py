"""Moving around the open report: next/previous annotation (J/K), marker to note and back
(F), the places that cite a note."""

from __future__ import annotations

from collections.abc import Callable

from glossator.services.values import MarkerView, NoteView
from glossator.ui.reader.highlighting import HighlightSpan
from glossator.ui.reader.report_view import ReportView
from glossator.ui.state import WindowState

CITATION_KEY = "\0cite:"  # keys of the temporary highlights on a note's citing markers
CITATION_COLOR = "#9cc3ff"

Say = Callable[[str, int], None]  # a message for the status line, and for how long (ms)


def is_citation_key(key: str) -> bool:
    return key.startswith(CITATION_KEY)


class Navigation:
    """Moves within the open report; `select_note` shows a note in the footnotes pane."""

    def __init__(self, state: WindowState, view: ReportView,
                 select_note: Callable[[str], None], say: Say) -> None:
        self.state, self.view = state, view
        self._select_note, self._say = select_note, say
        self._citations: list[str] = []
        self._came_from: dict[str, int] = {}  # note label -> marker start the reader left
        state.reportOpened.connect(lambda _id: self.reset())

    def reset(self) -> None:
        """A new report is open."""
        self._citations = []
        self._came_from = {}

    # -- positions ------------------------------------------------------------------------

    def caret(self) -> int:
        """The caret (or selection start) in code points."""
        return self.view.caret()

    def caret_to(self, cp: int) -> None:
        """Put the caret at `cp` (no selection) and bring it into view."""
        self.view.select_span(cp, cp)
        self.view.scroll_to(cp)

    # -- annotations ----------------------------------------------------------------------

    def step_annotation(self, direction: int) -> None:
        """Select the next (1) or previous (-1) annotation in text order, wrapping around."""
        state = self.state
        # the values read so far: while a long report fills, J and K do not wait for it
        ordered = sorted(state.annotations_so_far().values(), key=lambda a: (a.start, a.end, a.id))
        if not ordered:
            self._say("This report has no annotations yet", 4000)
            return
        ids = [a.id for a in ordered]
        if state.selected in ids:
            target = ids[(ids.index(state.selected) + direction) % len(ids)]
        else:
            caret = self.caret()
            after = [a.id for a in ordered if a.start >= caret]
            before = [a.id for a in ordered if a.start < caret]
            target = (after or ids)[0] if direction > 0 else (before or ids)[-1]
        state.select(target)

    # -- footnotes ------------------------------------------------------------------------

    def _marker_at(self, cp: int) -> MarkerView | None:
        report = self.state.report
        if report is None:
            return None
        return next((m for m in report.markers if m.start <= cp < m.end or m.start == cp), None)

    def _note_at(self, cp: int) -> NoteView | None:
        report = self.state.report
        if report is None:
            return None
        return next((n for n in report.notes if n.start <= cp < max(n.end, n.start + 1)), None)

    def _note(self, label: str) -> NoteView | None:
        report = self.state.report
        return next((n for n in report.notes if n.label == label), None) if report else None

    def marker_clicked(self, label: str, start: int) -> None:
        """A marker was clicked: its note is shown and selected (or reported missing)."""
        self._select_note(label)
        self._came_from[label] = start
        if self._note(label) is None:
            self._say(
                f"Note [{label}] is missing: the text cites it, but no note carries this label",
                6000)

    def jump_marker_note(self) -> None:
        """F: from a marker to its note, from a note back to the marker, else to the next marker."""
        report = self.state.report
        if report is None or not report.markers:
            self._say("This report has no footnote markers", 4000)
            return
        caret = self.caret()
        marker = self._marker_at(caret)
        if marker is not None:
            self.marker_clicked(marker.label, marker.start)
            note = self._note(marker.label)
            if note is not None:
                self.caret_to(note.start)
            return
        note = self._note_at(caret)
        if note is not None and note.cited_by:
            start = self._came_from.get(note.label, note.cited_by[0][0])
            self._select_note(note.label)
            self.caret_to(start)
            return
        following = [m for m in report.markers if m.start > caret] or list(report.markers)
        target = min(following, key=lambda m: m.start)
        self._select_note(target.label)
        self.caret_to(target.start)

    def show_citations(self, label: str) -> None:
        """A note was picked: paint every marker citing it and scroll to the first."""
        self.clear_citations()
        note = self._note(label)
        report = self.state.report
        spans = note.cited_by if note else tuple(
            (m.start, m.end) for m in (report.markers if report else ()) if m.label == label)
        for i, (start, end) in enumerate(spans):
            key = f"{CITATION_KEY}{label}:{i}"
            self.view.add_highlight(HighlightSpan(key, start, end, CITATION_COLOR))
            self._citations.append(key)
        if spans:
            self.caret_to(spans[0][0])
        elif note is not None:
            self.caret_to(note.start)

    def clear_citations(self) -> None:
        for key in self._citations:
            self.view.remove_highlight(key)
        self._citations = []
