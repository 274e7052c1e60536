"""Conflicts: a command refused because someone else changed what it would change.

A `ConflictError` is a `CommandError` (one sentence for the status bar or stderr) that also
carries each `Conflict`: which row, the version the command expected and the version there
is now, who made that version and when (from the history), and their values, so a window
can show the other version beside the user's and offer keep mine / keep theirs / merge.
Nothing of the refused command was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from glossator.core.exchange import utc
from glossator.services.command_errors import CommandError
from glossator.services.values import AnnotationView
from glossator.store.models import HistoryRow
from glossator.store.versions import ENTITIES, current_row

_NOUNS = {
    "annotation": "highlight",
    "review": "comment",
    "tag": "tag",
    "speaker": "speaker",
    "target": "stance target",
    "stance_label": "stance label",
    "report": "report",
}
_HIDDEN = {"text", "original", "id", "version"}  # not worth carrying in `theirs`


@dataclass(frozen=True, slots=True)
class Conflict:
    """One row that is not as the command expected it."""

    entity: str  # annotation, review, tag, speaker, target, stance_label or report
    key: str  # the UUID of an annotation or a review, the id of anything else
    expected: int | None  # the version the command expected (None: that it did not exist)
    current: int | None  # its version now (None: it has been deleted)
    by: str | None  # who made the current version (or deleted it), from the history
    at: dt.datetime | None  # when
    command: str | None  # what they ran ("EditAnnotation", "DeleteAnnotations", ...)
    theirs: Mapping[str, Any] | None  # the row's values now (None: deleted)
    annotation: AnnotationView | None = None  # for an annotation that still exists

    @property
    def deleted(self) -> bool:
        return self.current is None

    def sentence(self) -> str:
        noun = _NOUNS.get(self.entity, self.entity)
        who = self.by or "someone else"
        when = f" at {self.at.astimezone():%H:%M:%S on %Y-%m-%d}" if self.at else ""
        if self.current is None:
            return f"{who} deleted this {noun}{when}"
        if self.expected is None:
            return f"{who} made this {noun}{when}"
        return f"{who} changed this {noun}{when} (version {self.current}, not {self.expected})"


class ConflictError(CommandError):
    """Refused: rows changed by someone else since the command read them (or since the step
    being undone or redone). `undoing` says whether an undo or redo was refused."""

    def __init__(self, conflicts: Sequence[Conflict], *, undoing: bool = False) -> None:
        self.conflicts = tuple(conflicts)
        self.undoing = undoing
        first = self.conflicts[0].sentence()
        more = f" (and {len(self.conflicts) - 1} more)" if len(self.conflicts) > 1 else ""
        lead = "Not undone or redone: " if undoing else "Not saved: "
        super().__init__(f"{lead}{first}{more}; nothing was written.")


def _latest_event(conn: Connection, kind: str, key: str) -> tuple[str | None, Any, str | None]:
    h = HistoryRow
    row = conn.execute(
        select(h.reviewer, h.at, h.command)
        .where(h.entity == kind, h.entity_id == key)
        .order_by(h.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None, None, None
    return row[0], row[1], row[2]


def describe(
    conn: Connection,
    table_name: str,
    pk: int | None,
    public: str,
    expected: int | None,
    current: int | None,
    annotation: AnnotationView | None = None,
) -> Conflict:
    """A conflict on one row, with who made its current state and their values."""
    kind = ENTITIES[table_name][0]
    by, at, command = _latest_event(conn, kind, public)
    row = current_row(conn, table_name, pk) if pk is not None and current is not None else None
    theirs = {k: v for k, v in row.items() if k not in _HIDDEN} if row is not None else None
    when = utc(at if isinstance(at, dt.datetime) else dt.datetime.fromisoformat(str(at))) \
        if at is not None else None
    return Conflict(kind, public, expected, current, by, when, command, theirs, annotation)
