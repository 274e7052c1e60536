"""The one bridge between Qt's undo stack and the workspace commands.

Every data change the window makes is a services `Command` pushed here. The first
`redo()` applies it (`Workspace.run`), `undo()` reverts it (`Workspace.revert`) and later
redos apply it again; each of those is one transaction of its own, so nothing waits for
a Save. A command that fails is reported and never enters the stack.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from glossator.services import Change, Command, CommandError, Workspace


def failure_message(command: Command, exc: Exception) -> str:
    """One sentence for the status bar: the command's own words, or what went wrong."""
    if isinstance(exc, CommandError):
        return str(exc) or f"Could not {command.label}"
    return f"Could not {command.label}: {exc}"


class WorkspaceUndoCommand(QUndoCommand):
    """A services command seen by a QUndoStack."""

    def __init__(self, workspace: Workspace, command: Command,
                 controller: UndoController | None = None) -> None:
        super().__init__(command.label)
        self.workspace = workspace
        self.command = command
        self.controller = controller
        self.change: Change | None = None
        self.error: str | None = None

    def _step(self, apply: bool) -> None:
        try:
            if apply:
                self.change = self.workspace.run(self.command)
            else:
                self.change = self.workspace.revert(self.command)
            self.error = None
        except Exception as exc:  # the transaction rolled back; the stack drops the command
            self.error = failure_message(self.command, exc)
            self.setObsolete(True)
        if self.controller is not None:
            self.controller.record(self.change if self.error is None else None, self.error)

    def redo(self) -> None:
        self._step(apply=True)

    def undo(self) -> None:
        self._step(apply=False)


class UndoController(QObject):
    """Owns the window's QUndoStack and pushes workspace commands onto it."""

    failed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(500)
        self._last: Change | None = None

    def push(self, command: Command) -> Change | None:
        """Apply `command` now and make it undoable; None when it was refused."""
        self._last = None
        self.stack.push(WorkspaceUndoCommand(self.workspace, command, self))
        return self._last

    def record(self, change: Change | None, error: str | None) -> None:
        """Called by each command after it ran: keeps the result, reports a failure."""
        self._last = change
        if error is not None:
            self.failed.emit(error)

    @property
    def last_change(self) -> Change | None:
        """What the latest push, undo or redo changed (None when it failed)."""
        return self._last

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def clear(self) -> None:
        self.stack.clear()

    def undo_text(self) -> str:
        return self.stack.undoText()

    def redo_text(self) -> str:
        return self.stack.redoText()
