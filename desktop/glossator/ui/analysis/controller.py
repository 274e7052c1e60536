"""Analysis across the library, opened from the menus: the passages, the counts and the
stance over time, the memos, and the open report exported or printed with its highlights.
Every passage in them is a way back to its report (`show_passage`, given by the window)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from glossator.services import Change, Workspace
from glossator.services.passage_filters import PassageQuery
from glossator.ui.analysis.actions import AnalysisActions
from glossator.ui.common.undo import UndoController
from glossator.ui.state import WindowState

if TYPE_CHECKING:  # the dialogs are imported when first opened: a faster start
    from glossator.ui.analysis.counts_dialog import CountsDialog
    from glossator.ui.analysis.memo_dialog import MemoDialog
    from glossator.ui.analysis.memo_hits import MemoHits
    from glossator.ui.analysis.passages_dialog import PassagesDialog

ShowPassage = Callable[[int, str], None]  # open a report and select an annotation in it
Say = Callable[[str, int], None]


class AnalysisViews:
    """The window's analysis dialogs, made when first opened."""

    def __init__(self, state: WindowState, ws: Workspace, undo: UndoController,
                 show_passage: ShowPassage, say: Say, parent: QWidget) -> None:
        self.state, self.ws, self.undo = state, ws, undo
        self.show_passage, self._say, self.parent = show_passage, say, parent
        self.passages_dialog: PassagesDialog | None = None
        self.counts_dialog: CountsDialog | None = None
        self.memo_dialog: MemoDialog | None = None
        self.memo_hits: MemoHits | None = None
        self.place_memo_hits: Callable[[QWidget], None] | None = None
        self.actions: AnalysisActions | None = None

    def connect(self, actions: AnalysisActions) -> None:
        self.actions = actions
        for action, slot in (
            (actions.passages, self.open_passages), (actions.counts, self.open_counts),
            (actions.timeline, self.open_timeline), (actions.memos, self.open_memos),
            (actions.export_report, self.export_report),
            (actions.print_report, self.print_report),
        ):
            action.triggered.connect(slot)

    def _open_report_id(self) -> int | None:
        return self.state.report_id

    # -- passages and counts ----------------------------------------------------------------

    def open_passages(self) -> PassagesDialog:
        if self.passages_dialog is None:
            from glossator.ui.analysis.passages_dialog import PassagesDialog

            self.passages_dialog = PassagesDialog(self.ws, self._open_report_id, self.parent)
            self.passages_dialog.passageActivated.connect(self.show_passage)
            self.passages_dialog.countRequested.connect(self.open_counts)
        dialog = self.passages_dialog
        first = not dialog.isVisible() and dialog.query is None
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        if first:
            dialog.search()
        return dialog

    def _counts(self) -> CountsDialog:
        if self.counts_dialog is None:
            from glossator.ui.analysis.counts_dialog import CountsDialog

            self.counts_dialog = CountsDialog(self.ws, self._open_report_id, self.parent)
            self.counts_dialog.passageActivated.connect(self.show_passage)
        self.counts_dialog.show()
        self.counts_dialog.raise_()
        self.counts_dialog.activateWindow()
        return self.counts_dialog

    def open_counts(self, query: PassageQuery | None = None) -> CountsDialog:
        dialog = self._counts()
        dialog.open_tab("counts", query if isinstance(query, PassageQuery) else None)
        return dialog

    def open_cooccurrence(self) -> CountsDialog:
        dialog = self._counts()
        dialog.open_tab("cooccurrence")
        return dialog

    def open_timeline(self) -> CountsDialog:
        dialog = self._counts()
        dialog.open_tab("timeline")
        return dialog

    # -- memos ------------------------------------------------------------------------------

    def open_memos(self, memo_id: str | None = None) -> MemoDialog:
        if self.memo_dialog is None:
            from glossator.ui.analysis.memo_dialog import MemoDialog

            self.memo_dialog = MemoDialog(self.ws, self.undo, self.parent)
        dialog = self.memo_dialog
        if isinstance(memo_id, str):
            dialog.show_memo(memo_id)
        else:
            dialog.show_subject_of(self.state.report_id)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def search_memos(self, query: str) -> None:
        """The library search ran `query`: list the memos it finds too, in the section the
        window placed (`place_memo_hits`), made at the first search."""
        if self.memo_hits is None:
            if not query.strip() or self.place_memo_hits is None:
                return
            from glossator.ui.analysis.memo_hits import MemoHits

            self.memo_hits = MemoHits(self.ws)
            self.memo_hits.memoActivated.connect(self.open_memos)
            self.place_memo_hits(self.memo_hits)
        self.memo_hits.search(query)

    # -- the open report on paper -----------------------------------------------------------

    def export_report(self) -> None:
        from glossator.ui.analysis.report_print import export_report

        if self.state.report_id is None:
            self._say("Open a report first", 4000)
            return
        export_report(self.ws, self.state.report_id, self.parent, self._say)

    def print_report(self) -> None:
        from glossator.ui.analysis.report_print import print_report

        if self.state.report_id is None:
            self._say("Open a report first", 4000)
            return
        print_report(self.ws, self.state.report_id, self.parent, self._say)

    # -- changes ----------------------------------------------------------------------------

    def on_change(self, change: Change) -> None:
        """Open views follow each change: the memos read again, results marked stale."""
        if change.codebook or change.team:
            for form_owner in (self.passages_dialog, self.counts_dialog):
                if form_owner is not None:
                    form_owner.reload_codebook()
        touched = bool(change.annotations or change.annotations_removed or change.codebook
                       or change.texts or change.team or change.reports_removed)
        if touched:
            for dialog in (self.passages_dialog, self.counts_dialog):
                if dialog is not None and dialog.isVisible():
                    dialog.mark_stale()
        memos = self.memo_dialog
        if memos is not None and memos.isVisible():  # read again when next opened anyway
            edits = change.annotations or change.annotations_removed or change.memos
            if change.codebook or change.team or change.reports_removed or (
                    change.library and not edits):
                memos.reload_subjects()  # names changed, or reports came or went
            elif change.memos:
                memos.reload()
        if self.memo_hits is not None and change.memos:
            self.memo_hits.refresh()
