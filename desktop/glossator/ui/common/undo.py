"""The one bridge between Qt's undo stack and the workspace commands.

Every data change the window makes is a services `Command` pushed here. The controller runs
each step itself (`Workspace.run` for a new command or a redo, `Workspace.revert` for an
undo), each in one transaction of its own, and moves the QUndoStack only once the step is
committed: the stack never claims a state the database does not have.

A step that fails because the storage is busy, full or unreachable (a *transient*
`StorageFailure`) does not cost the user their edit: a new command is kept, in order, and
tried again every few seconds until it is saved (`pending` says how many wait and why);
later edits queue behind it, so they are saved in the order they were made. Undo while
edits wait takes back the newest unsaved one. Any other failure is reported in one sentence
and the command never enters the stack (an undo that can no longer be done leaves it).

A step refused because someone else changed its rows since they were read (a
`ConflictError`) is neither dropped nor reported as a failure: `conflicted` hands it to the
window, which asks the user, and `keep_mine` (apply again on top of the other version) or
`keep_theirs` (let go of the step) follows. Until then nothing is lost and the stack does
not move.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from glossator.services import (
    Change,
    Command,
    CommandError,
    ConflictError,
    StorageFailure,
    StoreError,
    Workspace,
)
from glossator.services.values import AnnotationView

log = logging.getLogger(__name__)

RETRY_MS = 2000


def failure_message(command: Command, exc: Exception) -> str:
    """One sentence for the status bar: the command's own words, or what went wrong."""
    if isinstance(exc, CommandError | StoreError):
        return str(exc) or f"Could not {command.label}"
    return f"Could not {command.label} ({type(exc).__name__}); nothing was saved by this step"


def _transient(exc: Exception) -> bool:
    return isinstance(exc, StorageFailure) and exc.transient


@dataclass(frozen=True, slots=True)
class Refused:
    """A step refused by a conflict: the command, why, and which step it was (None: a new
    command; True: a redo; False: an undo)."""

    command: Command
    error: ConflictError
    stepping: bool | None
    seen: AnnotationView | None = None  # the value a new edit was built from, if known

    @property
    def undoing(self) -> bool:
        return self.stepping is False


class WorkspaceUndoCommand(QUndoCommand):
    """A services command seen by a QUndoStack. The controller runs its steps and then
    moves the stack (`done_outside`); a step asked of the stack directly runs here."""

    def __init__(self, workspace: Workspace, command: Command,
                 controller: UndoController | None = None) -> None:
        super().__init__(command.label)
        self.workspace = workspace
        self.command = command
        self.controller = controller
        self.change: Change | None = None
        self.error: str | None = None
        self.done_outside = False  # the step is already committed: the stack only moves
        self.drop = False  # the step failed for good: the stack lets go of the command

    def _step(self, apply: bool) -> None:
        if self.drop:
            self.setObsolete(True)
            return
        if self.done_outside:
            self.done_outside = False
            return
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
    """Owns the window's QUndoStack, runs workspace commands and keeps unsaved ones."""

    failed = Signal(str)
    #: how many edits wait to be saved (0: all saved) and why they wait
    pendingChanged = Signal(int, str)
    #: a command kept while the storage failed has now been saved
    savedLater = Signal(object)
    #: a step was refused because someone else changed its rows: the `Refused` to settle
    #: with `keep_mine` or `keep_theirs`
    conflicted = Signal(object)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(500)
        self._last: Change | None = None
        self._pending: list[Command] = []
        self._reason = ""
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.retry_pending)

    # -- pushing ------------------------------------------------------------------------

    def push(self, command: Command, seen: AnnotationView | None = None) -> Change | None:
        """Apply `command` now and make it undoable; None when it was refused, or kept to
        be saved later (see `pending`). `seen`: the annotation as the user saw it when
        making the edit (shown beside theirs if someone else changed it since)."""
        self._last = None
        if self._pending:
            self._keep(command, self._reason)
            return None
        try:
            change = self.workspace.run(command)
        except ConflictError as exc:
            self.conflicted.emit(Refused(command, exc, None, seen))
            return None
        except Exception as exc:
            if _transient(exc):
                self._keep(command, str(exc))
            else:
                self._fail(command, exc)
            return None
        self._stack(command, change)
        return change

    def adopt(self, command: Command, change: Change | None = None) -> None:
        """Put a command that has already been applied and committed on the stack as one
        step (undo reverts it, redo applies it again): work done in several transactions of
        its own, such as an import of many files, that the user takes back at once."""
        self._stack(command, change)

    def _stack(self, command: Command, change: Change | None) -> None:
        step = WorkspaceUndoCommand(self.workspace, command, self)
        step.change, step.done_outside = change, True
        self._last = change
        self.stack.push(step)

    def _fail(self, command: Command, exc: Exception) -> None:
        if not isinstance(exc, CommandError | StoreError):
            log.error("%s failed", command.label, exc_info=exc)
        self.failed.emit(failure_message(command, exc))

    # -- edits kept while the storage fails -----------------------------------------------

    @property
    def pending(self) -> int:
        """How many edits are kept, waiting for the storage to accept them."""
        return len(self._pending)

    @property
    def pending_reason(self) -> str:
        return self._reason if self._pending else ""

    def _keep(self, command: Command, reason: str) -> None:
        self._pending.append(command)
        self._reason = reason
        if not self._retry.isActive():
            self._retry.start()
        self.pendingChanged.emit(len(self._pending), reason)

    def retry_pending(self) -> bool:
        """Try to save the kept edits, oldest first; True when none is left."""
        while self._pending:
            command = self._pending[0]
            try:
                change = self.workspace.run(command)
            except Exception as exc:
                if _transient(exc):
                    self._reason = str(exc)
                    self.pendingChanged.emit(len(self._pending), self._reason)
                    return False
                self._pending.pop(0)
                self._fail(command, exc)
                continue
            self._pending.pop(0)
            self._stack(command, None)  # saved later: the window does not jump to it
            self.savedLater.emit(change)
        self._retry.stop()
        self.pendingChanged.emit(0, "")
        return True

    def discard_pending(self) -> int:
        """Forget the kept edits (the user chose to); how many were dropped."""
        count = len(self._pending)
        self._pending.clear()
        self._retry.stop()
        self.pendingChanged.emit(0, "")
        return count

    def record(self, change: Change | None, error: str | None) -> None:
        """Called by a command stepped by the stack directly: keeps its result, reports
        a failure."""
        self._last = change
        if error is not None:
            self.failed.emit(error)

    @property
    def last_change(self) -> Change | None:
        """What the latest push, undo or redo changed (None when it failed)."""
        return self._last

    # -- undo and redo --------------------------------------------------------------------

    def undo(self) -> None:
        if self._pending:  # the newest edit never reached the workspace: just forget it
            dropped = self._pending.pop()
            if not self._pending:
                self._retry.stop()
            self.pendingChanged.emit(len(self._pending), self._reason)
            self.failed.emit(f"Took back \u201c{dropped.label}\u201d, which was not saved yet")
            return
        if self.stack.canUndo():
            self._step_stack(self.stack.index() - 1, apply=False)

    def redo(self) -> None:
        if self._pending:
            self.failed.emit("Redo waits until the kept edits are saved")
            return
        if self.stack.canRedo():
            self._step_stack(self.stack.index(), apply=True)

    def _step_stack(self, at: int, apply: bool) -> None:
        step = self.stack.command(at)
        assert isinstance(step, WorkspaceUndoCommand)
        self._last = None
        try:
            change = (self.workspace.run if apply else self.workspace.revert)(step.command)
        except ConflictError as exc:  # nothing moved: the user says what to do
            self.conflicted.emit(Refused(step.command, exc, apply))
            return
        except Exception as exc:
            if _transient(exc):  # nothing moved: the same undo or redo can be asked again
                self.failed.emit(str(exc))
                return
            step.drop = True
            self._fail(step.command, exc)
        else:
            step.change, step.done_outside = change, True
            self._last = change
        (self.stack.redo if apply else self.stack.undo)()

    # -- conflicts ------------------------------------------------------------------------

    def keep_mine(self, refused: Refused) -> Change | None:
        """Apply (or undo, or redo) the refused step again on top of the versions the
        conflict found; None when it was refused again (`conflicted` is emitted anew)."""
        refused.command.rebase(refused.error)
        if refused.stepping is None:
            return self.push(refused.command, refused.seen)
        at = self._index_of(refused.command)
        if at is None:
            return None
        if refused.stepping and at == self.stack.index():
            self._step_stack(at, apply=True)
        elif not refused.stepping and at == self.stack.index() - 1:
            self._step_stack(at, apply=False)
        return self._last

    def keep_theirs(self, refused: Refused) -> None:
        """Let go of the refused step: a new edit is dropped; an undo or redo that would
        overwrite the other change leaves the stack (the edits around it stay)."""
        if refused.stepping is None:
            return
        at = self._index_of(refused.command)
        if at is None:
            return
        step = self.stack.command(at)
        assert isinstance(step, WorkspaceUndoCommand)
        step.drop = True
        if not refused.stepping and at == self.stack.index() - 1:
            self.stack.undo()
        elif refused.stepping and at == self.stack.index():
            self.stack.redo()

    def _index_of(self, command: Command) -> int | None:
        for i in range(self.stack.count()):
            step = self.stack.command(i)
            if isinstance(step, WorkspaceUndoCommand) and step.command is command:
                return i
        return None

    def clear(self) -> None:
        self.stack.clear()

    def undo_text(self) -> str:
        return self.stack.undoText()

    def redo_text(self) -> str:
        return self.stack.redoText()
