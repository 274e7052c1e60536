"""Keeping the window's views in step with the workspace: a report's values into the views,
and each `Change` (from a command, an undo or a redo) into the least repainting it needs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from glossator.services import Change, CommandError, Workspace
from glossator.services.values import AnnotationView, HighlightValue, ReportDetail, ReportText
from glossator.ui.app.annotation_fill import AnnotationFill
from glossator.ui.app.layout import Panes
from glossator.ui.app.library_counts import ReportCounts
from glossator.ui.common.after_paint import AfterPaint
from glossator.ui.common.memory import collect_after_paint
from glossator.ui.common.undo import UndoController
from glossator.ui.notes.footnote_panel import NoteItem
from glossator.ui.reader.report_view import HighlightSpan, MarkerSpan
from glossator.ui.state import WindowState

Say = Callable[[str, int], None]

BATCH_QUERY = 8  # above this many changed annotations, read the report's list once


def highlight(a: AnnotationView) -> HighlightSpan:
    return HighlightSpan(a.id, a.start, a.end, a.color)


def marker_spans(d: ReportDetail) -> list[MarkerSpan]:
    return [MarkerSpan(m.label, m.start, m.end, m.note is None) for m in d.markers]


def note_items(d: ReportDetail) -> list[NoteItem]:
    """The notes with a warning row for each missing one: in number order when every label
    is a number ([1] missing comes before [2]), else notes in text order, missing last."""
    items = [NoteItem(n.label, n.text, n.start, n.end, n.cited_by, False) for n in d.notes]
    missing: dict[str, list[tuple[int, int]]] = {label: [] for label in d.missing_notes}
    for m in d.markers:  # one pass over the markers, whatever the number of missing notes
        if m.note is None and m.label in missing:
            missing[m.label].append((m.start, m.end))
    items += [NoteItem(label, "", None, None, tuple(cites), True)
              for label, cites in missing.items()]
    if all(item.label.isdigit() for item in items):
        items.sort(key=lambda item: int(item.label))  # stable: repeated labels keep text order
    return items


class ViewSync:
    """Fills the views from values and repaints them from changes; opens reports."""

    def __init__(self, state: WindowState, ws: Workspace, undo: UndoController, panes: Panes,
                 say: Say, set_title: Callable[[str], None],
                 window_shown: Callable[[], bool], parent: QObject) -> None:
        self.state, self.ws, self.undo, self.panes = state, ws, undo, panes
        self._say, self._set_title, self._window_shown = say, set_title, window_shown
        #: what follows each change once the views have it, in order (the attribution side,
        #: the suggestions)
        self.followers: list[Callable[[Change], None]] = []
        self.pending_top: int | None = None  # where the report opening now scrolls to
        self.first_spans: dict[str, HighlightValue] = {}  # what the first step read
        self._pending: int | None = None  # shown, the rest not read yet
        self.library_timer = QTimer(parent)
        self.library_timer.setSingleShot(True)
        self.library_timer.setInterval(80)
        self.library_timer.timeout.connect(self.refresh_library)
        self.table_later = AfterPaint(self.flush_table, parent)  # the table follows the paint
        self._table_fresh: dict[str, AnnotationView] = {}
        self._table_removed: set[str] = set()
        self.complete_timer = QTimer(parent)  # in case no paint comes (a minimised window)
        self.complete_timer.setSingleShot(True)
        self.complete_timer.setInterval(100)
        self.complete_timer.timeout.connect(self.complete_report)
        self.fill = AnnotationFill(ws, self._take_page, self._filled, say, parent)
        self.counts = ReportCounts()  # the open report's line in the library, per edit
        state.set_completer(self.complete, self.complete_report, self.fill.fetch)
        state.set_opener(self.open_report)

    @property
    def shown_id(self) -> int | None:
        """The report in the view, read in full or not."""
        return self.state.report_id

    def open_report(self, report_id: int, top: int | None = None) -> bool:
        """Show a report; `top`: the code point whose line goes to the top of the view."""
        if self.state.report_id == report_id and top is None:
            return True
        self.panes.inspector.commit_note()
        try:
            if self._window_shown():  # the text and what is in view first, the rest once painted
                self.pending_top = top
                self.show_text(self.ws.report_text(report_id))
                return True
            detail = self.ws.report(report_id)
        except CommandError as exc:
            self._say(str(exc), 6000)
            return False
        self.show_report(detail, self.ws.annotations(report_id))
        self.pending_top = top
        return True

    def apply_scroll(self) -> None:
        if self.pending_top is not None:
            self.panes.report_view.show_from(self.pending_top)
            self.pending_top = None

    def show_text(self, head: ReportText) -> None:
        """First step of opening a report in a shown window: its text, with the markers
        and highlights of the paragraphs in view, painted before anything else is read.
        The notes and markers follow once that paint is done (or at once when something
        asks for the report), then the annotations a page at a time (`AnnotationFill`)."""
        p, view = self.panes, self.panes.report_view
        self.fill.stop()
        self.counts.reset()
        self._pending = head.id
        self.state.opening(head.id)
        view.set_document(head.text, [], [])
        self.apply_scroll()
        lo, hi = view.visible_range()
        found = self.ws.spans_in(head.id, lo, hi)
        self.first_spans = {h.id: h for h in found.highlights}
        view.set_spans(
            [MarkerSpan(m.label, m.start, m.end, m.note is None) for m in found.markers],
            [HighlightSpan(h.id, h.start, h.end, h.color) for h in found.highlights],
        )
        for pane in self._side_panes():  # emptied now, painted with the rest (one frame)
            pane.setUpdatesEnabled(False)
        p.footnotes.set_notes([])
        p.table.set_annotations([])
        p.inspector.show_annotation(None)
        self._set_title(f"Glossator \u2014 {head.title}")
        p.library.select_report(head.id, notify=False)
        view.announce_next_paint()
        self.complete_timer.start()

    def _side_panes(self) -> tuple[QWidget, ...]:
        p = self.panes
        return (p.footnotes, p.table, p.inspector)

    def loaded(self, key: str) -> AnnotationView | HighlightValue | None:
        """What is known of an annotation of the open report without reading anything:
        its full value, or until its page has come, its in-view span."""
        return self.state.annotations_so_far().get(key) or self.first_spans.get(key)

    def after_paint(self) -> None:
        QTimer.singleShot(0, self.complete_report)

    def complete(self) -> None:
        """Read the open report in full now: notes, markers and every annotation left
        (nothing when done). For code that needs every value; keys and clicks do not."""
        self.complete_report()
        self.fill.finish()

    def complete_report(self) -> None:
        """Second step: the report's notes and markers into the views; then its
        annotations start coming, a page per turn of the event loop."""
        report_id, self._pending = self._pending, None
        if report_id is None:
            return
        self.complete_timer.stop()
        for pane in self._side_panes():
            pane.setUpdatesEnabled(True)
        try:
            detail = self.ws.report(report_id)
        except CommandError as exc:  # deleted from elsewhere in between
            self._say(str(exc), 6000)
            self.show_report(None, [])
            return
        p = self.panes
        self.state.report_read(detail)
        p.report_view.set_markers(marker_spans(detail))
        self._show_notes(detail)
        self.fill.start(detail.id)
        self.state.announce_shown()

    def _show_notes(self, detail: ReportDetail | None) -> None:
        p = self.panes
        p.footnotes.set_report_text(detail.text if detail else None)
        p.footnotes.set_notes(note_items(detail) if detail else [])
        p.inspector.set_text_length(len(detail.text) if detail else 0)
        p.inspector.set_pages(detail.pages if detail else ())
        self._set_title(f"Glossator \u2014 {detail.title}" if detail else "Glossator")
        if detail is not None:
            p.library.select_report(detail.id, notify=False)

    def _take_page(self, views: list[AnnotationView]) -> None:
        """A page of the open report's annotations: those no command has given a newer
        value of go to the report view and the table."""
        fresh = self.state.add_loaded(views)
        if fresh:
            self.panes.report_view.add_highlights([highlight(a) for a in fresh])
            self.panes.table.add(fresh)

    def _filled(self) -> None:
        """Every annotation has come: the in-view spans are no longer needed, and the
        report's line in the library is read again if an edit in between left it unsure."""
        self.first_spans = {}
        if self.counts.unsure:
            self.update_library_line()
        self.state.filled()

    def show_report(self, detail: ReportDetail | None, views: list[AnnotationView]) -> None:
        """Show a report read in full at once (a hidden window, a re-import), or none."""
        p = self.panes
        self._pending = None
        self.fill.stop()
        self.counts.reset()
        self.first_spans = {}
        self.table_later.cancel()
        self._table_fresh, self._table_removed = {}, set()
        self.state.shown_in_full(detail, views)
        if detail is None:
            p.report_view.set_document("", [], [])
        else:
            p.report_view.set_document(detail.text, marker_spans(detail),
                                       [highlight(a) for a in views])
        self._show_notes(detail)
        p.table.set_annotations(views)
        p.inspector.show_annotation(None)
        self.state.announce_shown()

    def on_change(self, change: Change) -> None:
        self._say(change.message, 6000)
        if change.codebook:
            self.state.set_tags(self.ws.tags())
        current = self.state.report_id  # not state.report: a change must not finish an opening
        if current is not None and current in change.reports_removed:
            self.show_report(None, [])
            current = None
        touched = bool(change.annotations or change.annotations_removed)
        if current is not None and touched and current in change.reports and (
            current not in change.texts  # a new text: the re-import reads it again whole
        ):
            self.apply_annotations(change)
        if change.library and (not touched or change.reports - {current}):
            self.library_timer.start()  # imports and renames: one refresh per burst
        for follow in self.followers:
            follow(change)
        if change.texts:
            self.reread_text(change)

    def reload_annotations(self, change: Change) -> None:
        """Codebook renames, merges and deletes reach every annotation of the open report
        that uses what they changed."""
        state = self.state
        if not (change.codebook or "*" in change.annotations) or state.report is None:
            return
        report_id = state.report.id
        fresh = {a.id: a for a in self.ws.annotations(report_id)}
        changed = frozenset(u for u, a in fresh.items() if state.annotations.get(u) != a)
        removed = frozenset(set(state.annotations) - set(fresh))
        if changed or removed:
            self.apply_annotations(Change("", frozenset({report_id}), frozenset(),
                                          changed, removed))

    def reread_text(self, change: Change) -> None:
        """A re-import, its undo or redo: read the report again whole (its text changed)."""
        state, view = self.state, self.panes.report_view
        self.library_timer.start()
        shown = state.report_id
        if shown is None or shown not in change.texts:
            return
        selected = state.selected
        scroll = view.verticalScrollBar().value()
        try:
            detail, views = self.ws.report(shown), self.ws.annotations(shown)
        except CommandError as exc:  # deleted from elsewhere meanwhile
            self._say(str(exc), 6000)
            self.show_report(None, [])
            return
        self.show_report(detail, views)
        view.verticalScrollBar().setValue(scroll)
        if selected in state.annotations:
            state.select(selected)

    def apply_annotations(self, change: Change) -> None:
        state, view = self.state, self.panes.report_view
        report = state.report
        assert report is not None
        annotations = state.annotations_so_far()  # a page not come yet is read later
        filling, counts = self.fill.filling, self.counts
        removed = []
        for uuid in change.annotations_removed:
            old = annotations.pop(uuid, None)
            if old is not None:
                removed.append(uuid)
                counts.changed(old, None)
            elif filling:  # perhaps one whose page has not come
                counts.changed(None, None, sure=False)
        for uuid in removed:
            view.remove_highlight(uuid)
            self._table_fresh.pop(uuid, None)
        self._table_removed.update(removed)
        known = {a.id: a for a in change.views}  # what the command wrote: no read back
        unknown = change.annotations - known.keys()
        if len(unknown) > BATCH_QUERY:
            fresh = [a for a in self.ws.annotations(report.id) if a.id in unknown]
        else:
            fresh = [a for u in unknown if (a := self.ws.annotation(u)) is not None]
        fresh += [a for u, a in known.items() if u in change.annotations]
        fresh = [a for a in fresh if a.report_id == report.id]
        for a in fresh:
            counts.changed(annotations.get(a.id), a, sure=not filling)
            annotations[a.id] = a
            view.add_highlight(highlight(a))
            self._table_fresh[a.id] = a
            self._table_removed.discard(a.id)
        self.table_later.schedule()  # the highlight is painted first, the table row after
        if state.selected in removed:
            state.select(None)
        elif state.selected in change.annotations:
            state.select(state.selected)

    def flush_table(self) -> None:
        """Bring the annotation table and the report's line in the library (annotation and
        review counts) up to date with the highlights changed since the last paint (at once
        when something needs them)."""
        self.table_later.cancel()
        p = self.panes
        removed, self._table_removed = self._table_removed, set()
        fresh, self._table_fresh = self._table_fresh, {}
        if removed:
            p.table.remove(removed)
        if fresh:
            p.table.upsert(fresh.values())
        if removed or fresh:
            self.update_library_line()
        collect_after_paint()

    def update_library_line(self) -> None:
        """The open report's annotation and review counts in the library, from the edits
        applied since (no read, whatever the report's size); read once the report has
        filled when an edit in between could not be told from a page still to come."""
        report_id, library = self.state.report_id, self.panes.library.model
        if report_id is None:
            return
        if self.counts.unsure:
            if self.fill.filling:
                return
            summary = self.ws.report_summary(report_id)
        else:
            shown = library.summary_for(report_id)
            summary = self.counts.applied_to(shown) if shown is not None else None
        self.counts.reset()
        if summary is not None:
            library.upsert([summary])  # may move, or leave a review filter

    def refresh_library(self) -> None:
        self.library_timer.stop()
        library = self.panes.library
        library.set_reports(self.ws.reports())
        report = self.state.report
        if report is not None:
            summary = library.model.summary_for(report.id)
            if summary is not None:
                self._set_title(f"Glossator \u2014 {summary.title}")

    def follow_undo(self) -> None:
        """After an undo or redo, show what it changed: open the report it touched and
        select the annotation it brought back or edited."""
        state = self.state
        change = self.undo.last_change
        if change is None or not (change.annotations or change.annotations_removed):
            return
        current = state.report.id if state.report is not None else None
        if len(change.reports) == 1 and current not in change.reports:
            (report_id,) = change.reports
            if not self.open_report(report_id):
                return
        shown = sorted(change.annotations & state.annotations_so_far().keys())
        if shown and state.selected not in shown:
            state.select(shown[0], after_paint=True)
