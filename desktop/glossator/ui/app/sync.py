"""Keeping the window's views in step with the workspace: a report's values into the views,
and each `Change` (from a command, an undo or a redo) into the least repainting it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from glossator.services import Change, CommandError
from glossator.services.values import AnnotationView, HighlightValue, ReportDetail, ReportText
from glossator.ui.common.after_paint import AfterPaint
from glossator.ui.common.memory import collect_after_paint
from glossator.ui.notes.footnote_panel import NoteItem
from glossator.ui.reader.report_view import HighlightSpan, MarkerSpan

if TYPE_CHECKING:
    from glossator.ui.app.main_window import MainWindow

BATCH_QUERY = 8  # above this many changed annotations, read the report's list once


def highlight(a: AnnotationView) -> HighlightSpan:
    return HighlightSpan(a.id, a.start, a.end, a.color)


def marker_spans(d: ReportDetail) -> list[MarkerSpan]:
    return [MarkerSpan(m.label, m.start, m.end, m.note is None) for m in d.markers]


def note_items(d: ReportDetail) -> list[NoteItem]:
    """The notes with a warning row for each missing one: in number order when every label
    is a number ([1] missing comes before [2]), else notes in text order, missing last."""
    items = [NoteItem(n.label, n.text, n.start, n.end, n.cited_by, False) for n in d.notes]
    for label in d.missing_notes:
        cites = tuple((m.start, m.end) for m in d.markers if m.label == label)
        items.append(NoteItem(label, "", None, None, cites, True))
    if all(item.label.isdigit() for item in items):
        items.sort(key=lambda item: int(item.label))  # stable: repeated labels keep text order
    return items


class ViewSync:
    """Fills the views from values and repaints them from changes."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.shown_id: int | None = None  # the report in the view, read in full or not
        self.first_spans: dict[str, HighlightValue] = {}  # what the first step read
        self._pending: int | None = None  # shown, the rest not read yet
        self.library_timer = QTimer(window)
        self.library_timer.setSingleShot(True)
        self.library_timer.setInterval(80)
        self.library_timer.timeout.connect(self.refresh_library)
        self.table_later = AfterPaint(self.flush_table, window)  # the table follows the paint
        self._table_fresh: dict[str, AnnotationView] = {}
        self._table_removed: set[str] = set()
        self.complete_timer = QTimer(window)  # in case no paint comes (a minimised window)
        self.complete_timer.setSingleShot(True)
        self.complete_timer.setInterval(100)
        self.complete_timer.timeout.connect(self.complete)

    def show_text(self, head: ReportText) -> None:
        """First step of opening a report in a shown window: its text, with the markers
        and highlights of the paragraphs in view, painted before anything else is read.
        The rest (notes, every annotation, the table) follows once that paint is done,
        or at once when something asks for the window's report values."""
        w, view = self.w, self.w.report_view
        w.report, w.selected, w.annotations = None, None, {}
        self.shown_id, self._pending = head.id, head.id
        w.editing.reset()
        w.navigation.reset()
        view.set_document(head.text, [], [])
        w.apply_scroll()
        lo, hi = view.visible_range()
        found = w.ws.spans_in(head.id, lo, hi)
        self.first_spans = {h.id: h for h in found.highlights}
        view.set_spans(
            [MarkerSpan(m.label, m.start, m.end, m.note is None) for m in found.markers],
            [HighlightSpan(h.id, h.start, h.end, h.color) for h in found.highlights],
        )
        for pane in self._side_panes():  # emptied now, painted with the rest (one frame)
            pane.setUpdatesEnabled(False)
        w.footnotes.set_notes([])
        w.table.set_annotations([])
        w.inspector.show_annotation(None)
        w.setWindowTitle(f"Glossator \u2014 {head.title}")
        w.library.select_report(head.id, notify=False)
        view.announce_next_paint()
        self.complete_timer.start()

    def _side_panes(self) -> tuple[QWidget, ...]:
        w = self.w
        return (w.footnotes, w.table, w.inspector)

    def loaded(self, key: str) -> AnnotationView | HighlightValue | None:
        """What is known of an annotation of the open report without reading anything:
        its full value, or between the two steps of opening, its in-view span."""
        return self.w.annotations_so_far().get(key) or self.first_spans.get(key)

    def after_paint(self) -> None:
        QTimer.singleShot(0, self.complete)

    def complete(self) -> None:
        """Second step: read the report in full and fill every view (nothing when done)."""
        report_id, self._pending = self._pending, None
        if report_id is None:
            return
        self.complete_timer.stop()
        w = self.w
        for pane in self._side_panes():
            pane.setUpdatesEnabled(True)
        try:
            detail = w.ws.report(report_id)
        except CommandError as exc:  # deleted from elsewhere in between
            w.statusBar().showMessage(str(exc), 6000)
            self.show_report(None, [])
            return
        self.show_report(detail, w.ws.annotations(report_id), text_shown=True)

    def show_report(
        self, detail: ReportDetail | None, views: list[AnnotationView], text_shown: bool = False
    ) -> None:
        w = self.w
        self._pending = None
        self.first_spans = {}
        self.table_later.cancel()
        self._table_fresh, self._table_removed = {}, set()
        self.shown_id = detail.id if detail is not None else None
        w.report, w.selected = detail, None
        w.annotations = {a.id: a for a in views}
        w.editing.reset()
        w.navigation.reset()
        if detail is None:
            w.report_view.set_document("", [], [])
        elif text_shown:
            w.report_view.set_spans(marker_spans(detail), [highlight(a) for a in views])
        else:
            w.report_view.set_document(detail.text, marker_spans(detail),
                                       [highlight(a) for a in views])
        w.footnotes.set_report_text(detail.text if detail else None)
        w.footnotes.set_notes(note_items(detail) if detail else [])
        w.table.set_annotations(views)
        w.inspector.set_text_length(len(detail.text) if detail else 0)
        w.inspector.show_annotation(None)
        w.setWindowTitle(f"Glossator \u2014 {detail.title}" if detail else "Glossator")
        if detail is not None:
            w.library.select_report(detail.id, notify=False)
        w.suggestions.show_report(detail)

    def on_change(self, change: Change) -> None:
        w = self.w
        w.statusBar().showMessage(change.message, 6000)
        if change.codebook:
            w.load_tags()
        current = self.shown_id  # not w.report: a change must not finish an opening
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
        w.attribution.on_change(change)
        w.suggestions.on_change(change)

    def apply_annotations(self, change: Change) -> None:
        w = self.w
        assert w.report is not None
        removed = [u for u in change.annotations_removed if w.annotations.pop(u, None)]
        for uuid in removed:
            w.report_view.remove_highlight(uuid)
            self._table_fresh.pop(uuid, None)
        self._table_removed.update(removed)
        known = {a.id: a for a in change.views}  # what the command wrote: no read back
        unknown = change.annotations - known.keys()
        if len(unknown) > BATCH_QUERY:
            fresh = [a for a in w.ws.annotations(w.report.id) if a.id in unknown]
        else:
            fresh = [a for u in unknown if (a := w.ws.annotation(u)) is not None]
        fresh += [a for u, a in known.items() if u in change.annotations]
        fresh = [a for a in fresh if a.report_id == w.report.id]
        for a in fresh:
            w.annotations[a.id] = a
            w.report_view.add_highlight(highlight(a))
            self._table_fresh[a.id] = a
            self._table_removed.discard(a.id)
        self.table_later.schedule()  # the highlight is painted first, the table row after
        if w.selected in removed:
            w.select_annotation(None)
        elif w.selected in change.annotations:
            w.select_annotation(w.selected)

    def flush_table(self) -> None:
        """Bring the annotation table and the report's line in the library (annotation and
        review counts) up to date with the highlights changed since the last paint (at once
        when something needs them)."""
        self.table_later.cancel()
        w = self.w
        removed, self._table_removed = self._table_removed, set()
        fresh, self._table_fresh = self._table_fresh, {}
        if removed:
            w.table.remove(removed)
        if fresh:
            w.table.upsert(fresh.values())
        if (removed or fresh) and self.shown_id is not None:
            summary = w.ws.report_summary(self.shown_id)
            if summary is not None:
                w.library.model.upsert([summary])  # may move, or leave a review filter
        collect_after_paint()

    def refresh_library(self) -> None:
        self.library_timer.stop()
        w = self.w
        w.library.set_reports(w.ws.reports())
        if w.report is not None:
            summary = w.library.model.summary_for(w.report.id)
            if summary is not None:
                w.setWindowTitle(f"Glossator \u2014 {summary.title}")

    def follow_undo(self) -> None:
        """After an undo or redo, show what it changed: open the report it touched and
        select the annotation it brought back or edited."""
        w = self.w
        change = w.undo.last_change
        if change is None or not (change.annotations or change.annotations_removed):
            return
        current = w.report.id if w.report is not None else None
        if len(change.reports) == 1 and current not in change.reports:
            (report_id,) = change.reports
            if not w.open_report(report_id):
                return
        shown = sorted(change.annotations & w.annotations.keys())
        if shown and w.selected not in shown:
            w.select_annotation(shown[0], after_paint=True)
