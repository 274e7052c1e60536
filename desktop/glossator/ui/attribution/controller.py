"""Who said what in the window: the inspector's speaker and stance pickers fed from the
registry, the S and T keys, new speakers and targets registered in the same undo step as
their use, and the codebook editor and the who-said-what views opened from the menus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from glossator.services import Change
from glossator.services.annotations import AnnotationFields, EditAnnotation
from glossator.services.commands import Batch, Command
from glossator.services.new_speaker import AttributeToNewSpeaker
from glossator.services.registry import TARGETS, EntryFields, SaveEntry
from glossator.ui.app.actions_attribution import AttributionActions

if TYPE_CHECKING:  # the dialogs are imported when first opened: a faster start
    from glossator.ui.app.main_window import MainWindow
    from glossator.ui.attribution.speaker_summary import SpeakerSummaryDialog
    from glossator.ui.attribution.stance_matrix_dialog import StanceMatrixDialog
    from glossator.ui.codebook.dialog import CodebookDialog


class Attribution:
    """The window's speaker, stance and codebook side."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.codebook_dialog: CodebookDialog | None = None
        self.matrix_dialog: StanceMatrixDialog | None = None
        self.summary_dialog: SpeakerSummaryDialog | None = None
        window.inspector.newSpeakerRequested.connect(self.new_speaker)
        window.inspector.stancesWithNewTargets.connect(self.new_targets)
        self._registry_loaded = False
        QTimer.singleShot(0, self.ensure_registry)  # after the window's first paint

    def ensure_registry(self) -> None:
        """The speakers, targets and stance labels in the inspector's pickers (read once,
        then on every codebook change)."""
        if not self._registry_loaded:
            self.load_registry()

    def connect_actions(self, acts: AttributionActions) -> None:
        self.actions = acts
        s = self.w.suggestions
        for action, slot in (
            (acts.focus_speaker, self.focus_speaker), (acts.add_stance, self.add_stance),
            (acts.accept_suggestion, s.accept), (acts.reject_suggestion, s.reject),
            (acts.next_suggestion, lambda: s.step(1)),
            (acts.previous_suggestion, lambda: s.step(-1)),
            (acts.focus_suggestions, s.focus), (acts.codebook, self.open_codebook),
            (acts.speakers_in_report, self.open_summary), (acts.stance_matrix, self.open_matrix),
        ):
            action.triggered.connect(slot)

    def load_registry(self) -> None:
        self._registry_loaded = True
        ws = self.w.ws
        self.w.inspector.set_registry(ws.speakers(), ws.targets(), ws.stance_labels())

    def on_change(self, change: Change) -> None:
        """Codebook edits reach the pickers; renames, merges and deletes reach every
        annotation of the open report that uses what they changed."""
        if change.codebook:
            self.load_registry()
        if change.codebook or "*" in change.annotations:
            self.reload_annotations()
        summary = self.summary_dialog
        if summary is not None and summary.isVisible() and self.w.report is not None:
            summary.show_report(self.w.report, list(self.w.annotations.values()))

    def reload_annotations(self) -> None:
        w = self.w
        if w.report is None:
            return
        fresh = {a.id: a for a in w.ws.annotations(w.report.id)}
        changed = frozenset(u for u, a in fresh.items() if w.annotations.get(u) != a)
        removed = frozenset(set(w.annotations) - set(fresh))
        if changed or removed:
            w.sync.apply_annotations(Change("", frozenset({w.report.id}), frozenset(),
                                            changed, removed))

    # -- the keys -------------------------------------------------------------------------

    def _selected_or_say(self) -> bool:
        if self.w.selected is None:
            self.w.statusBar().showMessage("Select a highlight first", 4000)
            return False
        return True

    def _reveal(self, widget: object) -> None:
        area = self.w.inspector_area
        if area is not None:
            area.ensureWidgetVisible(widget)  # type: ignore[arg-type]

    def focus_speaker(self) -> None:
        """S: the cursor in the speaker picker, its text selected to be typed over."""
        if not self._selected_or_say():
            return
        picker = self.w.inspector.speaker
        self._reveal(picker)
        picker.setFocus()
        picker.lineEdit().selectAll()

    def add_stance(self) -> None:
        """T: a new stance row, the cursor in its target field."""
        if not self._selected_or_say():
            return
        row = self.w.inspector.stances.add_row()
        self._reveal(row)

    # -- new names ------------------------------------------------------------------------

    def new_speaker(self, uuid: str, name: str) -> None:
        self.w.undo.push(AttributeToNewSpeaker(uuid, EntryFields(name)))

    def new_targets(self, uuid: str, specs: tuple[tuple[str, str, int | None], ...],
                    names: tuple[str, ...]) -> None:
        commands: list[Command] = [SaveEntry(TARGETS, EntryFields(n)) for n in names]
        commands.append(EditAnnotation(uuid, AnnotationFields(stances=specs), "edit stances"))
        noun = ", ".join(f"\u201c{n}\u201d" for n in names)
        self.w.undo.push(Batch(f"add target {noun} and a stance", commands))

    # -- dialogs --------------------------------------------------------------------------

    def open_codebook(self) -> CodebookDialog:
        if self.codebook_dialog is None:
            from glossator.ui.codebook.dialog import CodebookDialog

            self.codebook_dialog = CodebookDialog(self.w.ws, self.w.undo, self.w)
        self.codebook_dialog.reload()
        self.codebook_dialog.show()
        self.codebook_dialog.raise_()
        return self.codebook_dialog

    def open_matrix(self) -> StanceMatrixDialog:
        if self.matrix_dialog is None:
            from glossator.ui.attribution.stance_matrix_dialog import StanceMatrixDialog

            self.matrix_dialog = StanceMatrixDialog(self.w.ws, self.w)
            self.matrix_dialog.passageActivated.connect(self.show_passage)
        self.matrix_dialog.reload()
        self.matrix_dialog.show()
        self.matrix_dialog.raise_()
        return self.matrix_dialog

    def open_summary(self) -> SpeakerSummaryDialog | None:
        if self.w.report is None:
            self.w.statusBar().showMessage("Open a report first", 4000)
            return None
        if self.summary_dialog is None:
            from glossator.ui.attribution.speaker_summary import SpeakerSummaryDialog

            self.summary_dialog = SpeakerSummaryDialog(self.w)
            self.summary_dialog.passageActivated.connect(self.show_passage)
        self.summary_dialog.show_report(self.w.report, list(self.w.annotations.values()))
        self.summary_dialog.show()
        self.summary_dialog.raise_()
        return self.summary_dialog

    def show_passage(self, report_id: int, uuid: str) -> None:
        """Open the report of a passage and select it there."""
        w = self.w
        if w.open_report(report_id):
            w.select_annotation(uuid)
            found = w.annotations.get(uuid)
            if found is not None:
                w.report_view.scroll_to(found.start)
            w.activateWindow()
