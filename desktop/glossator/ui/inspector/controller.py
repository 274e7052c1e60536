"""The inspector's side of the window: the speaker and stance pickers fed from the registry,
the S and T keys, and new speakers and targets registered in the same undo step as their
use."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QScrollArea, QWidget

from glossator.services import Change, Workspace
from glossator.services.annotations import AnnotationFields, EditAnnotation
from glossator.services.commands import Batch, Command
from glossator.services.new_speaker import AttributeToNewSpeaker
from glossator.services.registry import TARGETS, EntryFields, SaveEntry
from glossator.ui.common.undo import UndoController
from glossator.ui.inspector.inspector import Inspector
from glossator.ui.state import WindowState


class InspectorFields:
    """Shows the selected annotation in the inspector and sends what is typed there."""

    def __init__(self, state: WindowState, ws: Workspace, undo: UndoController,
                 inspector: Inspector, area: QScrollArea | None,
                 say: Callable[[str, int], None], parent: QObject) -> None:
        self.state, self.ws, self.undo, self.inspector, self.area = (
            state, ws, undo, inspector, area)
        self._say = say
        inspector.newSpeakerRequested.connect(self.new_speaker)
        inspector.stancesWithNewTargets.connect(self.new_targets)
        self._registry_loaded = False
        QTimer.singleShot(0, parent, self.ensure_registry)  # after the window's first paint

    def show_selected(self) -> None:
        self.ensure_registry()
        self.inspector.show_annotation(self.state.annotation(self.state.selected))

    def ensure_registry(self) -> None:
        """The speakers, targets and stance labels in the inspector's pickers (read once,
        then on every codebook change)."""
        if not self._registry_loaded:
            self.load_registry()

    def load_registry(self) -> None:
        self._registry_loaded = True
        ws = self.ws
        self.inspector.set_registry(ws.speakers(), ws.targets(), ws.stance_labels())

    def on_change(self, change: Change) -> None:
        if change.codebook:
            self.load_registry()

    def reveal(self, widget: QWidget) -> None:
        """Scroll the inspector so that `widget` is in view."""
        if self.area is not None:
            self.area.ensureWidgetVisible(widget)

    # -- the keys -------------------------------------------------------------------------

    def _selected_or_say(self) -> bool:
        if self.state.selected is None:
            self._say("Select a highlight first", 4000)
            return False
        return True

    def focus_speaker(self) -> None:
        """S: the cursor in the speaker picker, its text selected to be typed over."""
        if not self._selected_or_say():
            return
        picker = self.inspector.speaker
        self.reveal(picker)
        picker.setFocus()
        line = picker.lineEdit()
        if line is not None:
            line.selectAll()

    def add_stance(self) -> None:
        """T: a new stance row, the cursor in its target field."""
        if not self._selected_or_say():
            return
        row = self.inspector.stances.add_row()
        self.reveal(row)

    def focus_note(self) -> None:
        if self.state.selected is not None:
            self.inspector.note.setFocus()

    # -- new names ------------------------------------------------------------------------

    def new_speaker(self, uuid: str, name: str) -> None:
        self.undo.push(AttributeToNewSpeaker(uuid, EntryFields(name)))

    def new_targets(self, uuid: str, specs: tuple[tuple[str, str, int | None], ...],
                    names: tuple[str, ...]) -> None:
        commands: list[Command] = [SaveEntry(TARGETS, EntryFields(n)) for n in names]
        commands.append(EditAnnotation(uuid, AnnotationFields(stances=specs), "edit stances"))
        noun = ", ".join(f"\u201c{n}\u201d" for n in names)
        self.undo.push(Batch(f"add target {noun} and a stance", commands))
