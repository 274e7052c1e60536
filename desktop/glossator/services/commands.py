"""The command pattern every data change goes through.

A command applies in one transaction and can be reverted in one transaction; both
return a `Change` that says what changed, and both leave a history event. The UI
wraps commands in a QUndoCommand; the CLI and the tests run them directly.

Commands are optimistic about concurrency (see version_guard.py): one built from a value
the user saw (`based_on(view)`) is refused with a `ConflictError` when that row has changed
since, and an undo or redo is refused when someone else has changed what the step left.
`rebase(error)` takes the other versions as seen ("keep mine": run it again on top of
theirs). A command is re-runnable: a step that failed (a conflict, a storage failure) left
nothing behind, in the database or in the command, and may be asked again.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import Connection, insert
from sqlalchemy.orm import Session

from glossator.core.permissions import Action
from glossator.services.command_errors import CommandError, PermissionRefused
from glossator.services.command_versions import CommandVersions, Versioned
from glossator.services.conflicts import Conflict, ConflictError
from glossator.services.snapshot_entities import changed_rows, keys_of, owned_tables
from glossator.services.values import AnnotationView
from glossator.services.version_guard import VersionGuard
from glossator.store.models import HistoryRow, table_of, utcnow
from glossator.store.snapshot import Scope, Snapshot, capture, reconcile
from glossator.store.versions import ENTITIES

if TYPE_CHECKING:
    from glossator.services.access import Access
    from glossator.services.report_texts import ReportTexts
    from glossator.services.version_aliases import VersionAliases

__all__ = [
    "Batch", "Change", "Command", "CommandError", "Conflict", "ConflictError", "Context",
    "PermissionRefused", "StateCommand", "Versioned",
]


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
    #: Roles or project settings (blind coding) changed: what a reviewer may see or do
    #: may be different, so views read everything again.
    team: bool = False
    #: Memos added, edited or deleted (their UUIDs): memo views read them again.
    memos: frozenset[str] = frozenset()

    @property
    def library(self) -> bool:
        return bool(self.reports or self.reports_removed)


@dataclass
class Context:
    """What a command sees while it runs: the session of its transaction, who acts (and
    what their role allows, `access`), and the transaction's version guard."""

    session: Session
    reviewer: str | None
    action: str = "apply"
    events: list[dict[str, Any]] = field(default_factory=list)
    aliases: VersionAliases | None = None
    #: report texts the Workspace holds, for a span's quote without reading the text
    texts: ReportTexts | None = None
    guard: VersionGuard = field(init=False)
    _access: Access | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.guard = VersionGuard(lambda: self.core, undoing=self.action == "revert",
                                  aliases=self.aliases)

    @property
    def access(self) -> Access:
        """What the acting reviewer may do (read once per transaction)."""
        if self._access is None:
            from glossator.services.access import load_access

            self._access = load_access(self.core, self.reviewer)
        return self._access

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
                "version": None,
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


class Command(CommandVersions, ABC):
    """One user action. `apply` and `revert` may be called alternately, any number of times."""

    #: Shown in the Edit menu: "Undo <label>".
    label: str = "change"
    #: What the acting reviewer's role must allow to run it (None: anyone; commands whose
    #: rule depends on whose row it is check inside, through `ctx.access`).
    requires: ClassVar[Action | None] = None

    @abstractmethod
    def apply(self, ctx: Context) -> Change: ...

    @abstractmethod
    def revert(self, ctx: Context) -> Change: ...

    # -- versions (see version_guard.py) ------------------------------------------------

    def parts(self) -> tuple[Command, ...]:
        """The commands this one runs (a Batch's steps), for `rebase`."""
        return ()

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
            team=self._change.team,
        )

    def apply(self, ctx: Context) -> Change:
        if self._after is None:
            self._scope = self.scope(ctx)
            self._before = capture(ctx.session, self._scope)
            ctx.guard.check(self, keys_of(ctx.guard, self, _rows_of(self._before)))
            self._change = self.change(ctx)
            ctx.session.flush()
            self._after = capture(ctx.session, self._scope)
            self._touch_changed(ctx)
        else:
            assert self._scope is not None
            self._check_left(ctx)
            reconcile(ctx.session, self._scope, self._after)
            self._touch_changed(ctx)
            ctx.record(type(self).__name__, "state", self.label, None, {"redo": True})
        assert self._change is not None
        return self._change

    def revert(self, ctx: Context) -> Change:
        assert self._scope is not None and self._before is not None
        self._check_left(ctx)
        reconcile(ctx.session, self._scope, self._before)
        self._touch_changed(ctx)
        ctx.record(type(self).__name__, "state", self.label, {"undo": True}, None)
        return self.undo_change()

    def fresh(self, table_name: str, row: dict[str, Any]) -> bool:
        """Whether a row the first apply added is new (inserted by this command): a new
        entity starts at its first version instead of being moved on."""
        return False

    def _touch_changed(self, ctx: Context, scope: Scope | None = None) -> None:
        scope = scope if scope is not None else self._scope
        assert scope is not None and self._before is not None and self._after is not None
        changed = list(changed_rows(scope, self._before, self._after))
        new = [(n, r) for n, r in changed if self.fresh(n, r)]
        rest = [(n, r) for n, r in changed if not self.fresh(n, r)]
        if new:
            ctx.guard.created(self, keys_of(ctx.guard, self, [(n, r) for n, r in new
                                                               if n in ENTITIES]))
        ctx.guard.touch(self, keys_of(ctx.guard, self, rest))

    def _check_left(self, ctx: Context, scope: Scope | None = None) -> None:
        """Before rows are reset: every entity of the snapshots must be as the last step
        left it, and no entity the command never saw may have entered the rows it owns
        (the reset would delete it)."""
        scope = scope if scope is not None else self._scope
        assert scope is not None and self._before is not None and self._after is not None
        tables = [model.__table__.name for model, _w, _o in scope]
        guard = ctx.guard
        ours = keys_of(guard, self, (*_rows_of(self._before, tables),
                                     *_rows_of(self._after, tables)))
        guard.check(self, ours)
        now = capture(ctx.session, scope)
        known = set(ours)
        foreign = [
            k for k in keys_of(guard, self, _rows_of(now, owned_tables(scope)))
            if k not in known
        ]
        guard.refuse_present(self, foreign)


def _rows_of(snap: Snapshot, tables: list[str] | None = None) -> list[tuple[str, dict[str, Any]]]:
    wanted = set(tables) if tables is not None else None
    return [
        (name, row) for name, rows in snap.tables if wanted is None or name in wanted
        for row in rows
    ]


class Batch(Command):
    """Several commands as one user action: one transaction, one undo step."""

    def __init__(self, label: str, commands: list[Command]) -> None:
        self.label = label
        self.commands = commands

    def parts(self) -> tuple[Command, ...]:
        return tuple(self.commands)

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
        team=any(c.team for c in changes),
        memos=union("memos"),
    )
