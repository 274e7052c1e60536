"""Edit ▸ Undo and Redo over the undo controller (not the bare QUndoStack), so every undo
goes through the controller: committed first, the stack moved after, an unsaved edit taken
back while edits wait for the storage. The texts name the step, as Qt's own actions do."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from glossator.ui.common.undo import UndoController


def undo_redo_actions(window: QWidget, undo: UndoController) -> tuple[QAction, QAction]:
    undo_action, redo_action = QAction("&Undo", window), QAction("&Redo", window)
    undo_action.triggered.connect(undo.undo)
    redo_action.triggered.connect(undo.redo)

    def refresh() -> None:
        if not (isValid(undo.stack) and isValid(undo_action) and isValid(redo_action)):
            return  # the window is being torn down
        waiting = undo.pending
        if waiting:
            undo_action.setText("&Undo unsaved edit")
            undo_action.setEnabled(True)
            redo_action.setText("&Redo")
            redo_action.setEnabled(False)
        else:
            stack = undo.stack
            undo_action.setText(f"&Undo {stack.undoText()}".rstrip())
            undo_action.setEnabled(stack.canUndo())
            redo_action.setText(f"&Redo {stack.redoText()}".rstrip())
            redo_action.setEnabled(stack.canRedo())
        for action in (undo_action, redo_action):
            action.setToolTip(action.text().replace("&", ""))

    undo.stack.indexChanged.connect(lambda _index: refresh())
    undo.pendingChanged.connect(lambda _count, _why: refresh())
    refresh()
    return undo_action, redo_action
