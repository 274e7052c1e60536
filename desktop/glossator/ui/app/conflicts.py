"""Conflicts in the window: a step refused because someone else changed its rows is shown
beside their version (ui/common/conflict_dialog.py), and the user's choice is carried out
by the undo controller. One dialog at a time; refusals that come meanwhile wait their turn.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from glossator.services import Workspace
from glossator.ui.common.conflict_dialog import MINE, ConflictDialog, open_conflict
from glossator.ui.common.conflict_rows import FieldRow, conflict_rows
from glossator.ui.common.undo import Refused, UndoController
from glossator.ui.state import WindowState


class ConflictResolver(QObject):
    """Asks keep mine / keep theirs for every conflicted step. `refresh`: brings the
    window up to date with others' changes (so "theirs" is what it shows)."""

    def __init__(self, state: WindowState, ws: Workspace, undo: UndoController,
                 window: QWidget, refresh: Callable[[], None],
                 say: Callable[[str, int], None]) -> None:
        super().__init__(window)
        self.state, self.ws, self.undo, self.window = state, ws, undo, window
        self._refresh, self._say = refresh, say
        self.dialog: ConflictDialog | None = None
        self._waiting: list[Refused] = []
        undo.conflicted.connect(self.ask)

    def rows(self, refused: Refused) -> list[FieldRow]:
        tags = {t.id: t.path for t in self.state.tags}
        speakers: dict[int, str] | None = None

        def speaker_name(speaker_id: int) -> str:
            nonlocal speakers
            if speakers is None:
                speakers = {s.id: s.name for s in self.ws.speakers()}
            return speakers.get(speaker_id, f"speaker {speaker_id}")

        first = refused.error.conflicts[0]
        seen = refused.seen if refused.seen is not None and refused.seen.id == first.key \
            else self.state.annotations_so_far().get(first.key)
        return conflict_rows(first, refused.command, seen,
                             lambda t: tags.get(t, f"tag {t}"), speaker_name, refused.undoing)

    def ask(self, refused: Refused) -> None:
        if self.dialog is not None:
            self._waiting.append(refused)
            return
        self._refresh()  # the window shows their version behind the dialog
        error = refused.error
        first = error.conflicts[0]
        self.dialog = open_conflict(self.window, str(error), self.rows(refused),
                                    undoing=refused.undoing, deleted=first.deleted)
        self.dialog.chosen.connect(lambda choice: self._answer(refused, choice))
        self._say(str(error), 8000)

    def _answer(self, refused: Refused, choice: str) -> None:
        self.dialog = None
        if choice == MINE:
            if self.undo.keep_mine(refused) is not None:
                self._say(f"Kept yours: {refused.command.label}", 6000)
        else:
            self.undo.keep_theirs(refused)
            self._refresh()
            self._say("Kept theirs; your step was not applied", 6000)
        if self._waiting and self.dialog is None:
            self.ask(self._waiting.pop(0))
