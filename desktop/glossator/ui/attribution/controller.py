"""Who said what, opened from the menus: the speakers of the open report and the stance
matrix, each passage in them a way back to its report."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from glossator.services import Change, Workspace
from glossator.ui.attribution.actions import AttributionActions
from glossator.ui.state import WindowState

if TYPE_CHECKING:  # the dialogs are imported when first opened: a faster start
    from glossator.ui.attribution.speaker_summary import SpeakerSummaryDialog
    from glossator.ui.attribution.stance_matrix_dialog import StanceMatrixDialog

ShowPassage = Callable[[int, str], None]  # open a report and select an annotation in it


class Attribution:
    """The window's who-said-what views."""

    def __init__(self, state: WindowState, ws: Workspace, show_passage: ShowPassage,
                 say: Callable[[str, int], None], parent: QWidget) -> None:
        self.state, self.ws, self.show_passage, self._say = state, ws, show_passage, say
        self.parent = parent
        self.matrix_dialog: StanceMatrixDialog | None = None
        self.summary_dialog: SpeakerSummaryDialog | None = None
        self.actions: AttributionActions | None = None  # the menus' actions, once built

    def on_change(self, _change: Change) -> None:
        """A shown summary of the report's speakers follows every change."""
        summary = self.summary_dialog
        report = self.state.report if summary is not None and summary.isVisible() else None
        if summary is not None and report is not None:
            summary.show_report(report, list(self.state.annotations.values()))

    def open_matrix(self) -> StanceMatrixDialog:
        if self.matrix_dialog is None:
            from glossator.ui.attribution.stance_matrix_dialog import StanceMatrixDialog

            self.matrix_dialog = StanceMatrixDialog(self.ws, self.parent)
            self.matrix_dialog.passageActivated.connect(self.show_passage)
        self.matrix_dialog.reload()
        self.matrix_dialog.show()
        self.matrix_dialog.raise_()
        return self.matrix_dialog

    def open_summary(self) -> SpeakerSummaryDialog | None:
        report = self.state.report
        if report is None:
            self._say("Open a report first", 4000)
            return None
        if self.summary_dialog is None:
            from glossator.ui.attribution.speaker_summary import SpeakerSummaryDialog

            self.summary_dialog = SpeakerSummaryDialog(self.parent)
            self.summary_dialog.passageActivated.connect(self.show_passage)
        self.summary_dialog.show_report(report, list(self.state.annotations.values()))
        self.summary_dialog.show()
        self.summary_dialog.raise_()
        return self.summary_dialog
