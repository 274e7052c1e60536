"""Edit ▸ Undo and Redo over the undo controller (not the bare QUndoStack), so every undo
goes through the controller: committed first, the stack moved after, an unsaved edit taken
back while edits wait for the storage. The texts name the step, as Qt's own actions do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget
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


def step_button(action: QAction, text: str, parent: QWidget) -> QToolButton:
    """A toolbar button for Undo or Redo that keeps its place: always the same word (so the
    toolbar never reflows as the step changes), the step it would take in its tooltip."""
    button = QToolButton(parent)
    button.setObjectName(f"{text.lower()}Button")
    button.setText(text)
    button.setIcon(action.icon())
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAutoRaise(True)
    button.clicked.connect(action.trigger)

    def follow() -> None:
        if not (isValid(button) and isValid(action)):
            return
        step = action.text().replace("&", "")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setEnabled(action.isEnabled())
        button.setToolTip(f"{step} ({keys})" if keys else step)
        button.setAccessibleName(step)

    action.changed.connect(follow)
    follow()
    button.setFixedWidth(button.sizeHint().width())
    return button
