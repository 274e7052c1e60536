"""The command pattern every data change goes through.

A command applies in one transaction and can be reverted in one transaction; both
return a `Change` that says what changed, and both leave a history event. The UI
wraps commands in a QUndoCommand; the CLI and the tests run them directly.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.orm import Session

from glossator.services.values import AnnotationView
from glossator.store.models import HistoryRow, table_of, utcnow
from glossator.store.snapshot import Scope, Snapshot, capture, reconcile


class CommandError(Exception):
    """A command cannot be applied; the message is one sentence for the user."""


@dataclass(frozen=True, slots=True)
class Change:
    """What a command changed, so views refresh only what they must."""

    message: str
    reports: frozenset[int] = frozenset()
    reports_removed: frozenset[int] = frozenset()
    annotations: frozenset[str] = frozenset()
    annotations_removed: frozenset[str] = frozenset()
    codebook: bool = False
    #: Values of changed annotations the command already knows (a new highlight), so a
    #: view need not read them back; an annotation in `annotations` but not here is read.
    views: tuple[AnnotationView, ...] = ()
    #: Reports whose text itself changed (a re-import): views read them again whole.
    texts: frozenset[int] = frozenset()
    #: Memos added, edited or deleted (their UUIDs): memo views read them again.
    memos: frozenset[str] = frozenset()

    @property
    def library(self) -> bool:
        return bool(self.reports or self.reports_removed)


@dataclass
class Context:
    """What a command sees while it runs: the session of its transaction and who acts."""

    session: Session
    reviewer: str | None
    action: str = "apply"
    events: list[dict[str, Any]] = field(default_factory=list)

    def record(
        self,
        command: str,
        entity: str,
        entity_id: object,
        old: dict[str, Any] | None,
        new: dict[str, Any] | None,
    ) -> None:
        self.events.append(
            {
                "at": utcnow(),
                "reviewer": self.reviewer,
                "command": command,
                "action": self.action,
                "entity": entity,
                "entity_id": str(entity_id),
                "old": old,
                "new": new,
            }
        )

    @property
    def core(self) -> Connection:
        """The transaction's connection, for Core statements: the same transaction without
        the ORM's per-statement cost (the keypress path runs half a dozen of them)."""
        return self.session.connection()

    def write_history(self) -> None:
        """The command's history events, in one statement at the end of its transaction."""
        if self.events:
            self.core.execute(insert(table_of(HistoryRow)), self.events)
            self.events = []


class Command(ABC):
    """One user action. `apply` and `revert` may be called alternately, any number of times."""

    #: Shown in the Edit menu: "Undo <label>".
    label: str = "change"

    @abstractmethod
    def apply(self, ctx: Context) -> Change: ...

    @abstractmethod
    def revert(self, ctx: Context) -> Change: ...


class StateCommand(Command):
    """A command whose undo and redo put a known set of rows back as they were.

    Subclasses name the rows they may touch (`scope`, computed once, before the first
    change) and make the change (`change`). Revert and redo reconcile those rows with
    the snapshots taken around the first apply, so merges and deletes undo exactly.
    """

    def __init__(self) -> None:
        self._scope: Scope | None = None
        self._before: Snapshot | None = None
        self._after: Snapshot | None = None
        self._change: Change | None = None

    @abstractmethod
    def scope(self, ctx: Context) -> Scope: ...

    @abstractmethod
    def change(self, ctx: Context) -> Change: ...

    def undo_change(self) -> Change:
        """The Change reported by revert; by default the same parts as the apply."""
        assert self._change is not None
        return Change(
            f"Undone: {self.label}",
            self._change.reports,
            self._change.reports_removed,
            self._change.annotations,
            self._change.annotations_removed,
            self._change.codebook,
        )

    def apply(self, ctx: Context) -> Change:
        if self._after is None:
            self._scope = self.scope(ctx)
            self._before = capture(ctx.session, self._scope)
            self._change = self.change(ctx)
            ctx.session.flush()
            self._after = capture(ctx.session, self._scope)
        else:
            assert self._scope is not None
            reconcile(ctx.session, self._scope, self._after)
            ctx.record(type(self).__name__, "state", self.label, None, {"redo": True})
        assert self._change is not None
        return self._change

    def revert(self, ctx: Context) -> Change:
        assert self._scope is not None and self._before is not None
        reconcile(ctx.session, self._scope, self._before)
        ctx.record(type(self).__name__, "state", self.label, {"undo": True}, None)
        return self.undo_change()


class Batch(Command):
    """Several commands as one user action: one transaction, one undo step."""

    def __init__(self, label: str, commands: list[Command]) -> None:
        self.label = label
        self.commands = commands

    def apply(self, ctx: Context) -> Change:
        return _combine(self.label, [c.apply(ctx) for c in self.commands])

    def revert(self, ctx: Context) -> Change:
        return _combine(f"Undone: {self.label}", [c.revert(ctx) for c in reversed(self.commands)])


def _combine(message: str, changes: list[Change]) -> Change:
    def union(attr: str) -> frozenset[Any]:
        out: frozenset[Any] = frozenset()
        for c in changes:
            out |= getattr(c, attr)
        return out

    return Change(
        changes[-1].message if len(changes) == 1 else message,
        union("reports"),
        union("reports_removed"),
        union("annotations"),
        union("annotations_removed"),
        any(c.codebook for c in changes),
        texts=union("texts"),
        memos=union("memos"),
    )
