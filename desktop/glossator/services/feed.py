"""Following other people's changes: the change feed of a workspace.

Every committed command writes its `Change` to the change log (one row per transaction, in
commit order). A window asks `Workspace.changes_since(token)` every second or so (and on
focus), gets the changes others committed since, and applies each `Change` exactly as it
applies its own. Asking is cheap when nothing happened:

- SQLite: one `PRAGMA data_version` (no table is read) tells whether another process has
  committed; commits of other Workspaces of this process are counted in memory. The check
  borrows the file's one connection for a moment and gives it back: it never holds it.
- PostgreSQL: the feed keeps a connection of its own in LISTEN; the commands send NOTIFY
  with the change-log id, and no query runs while no notification came. When that
  connection is lost the feed reads the change log instead (an indexed range of ids).

Changes made by this Workspace itself are left out (the window has them already). Values
are plain and frozen; nothing here emits signals. A window that wants to wait instead of
polling can block in `wait(timeout)` on a worker thread (or watch `fileno()` on PostgreSQL)
and then call `changes_since` on its own thread.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine

from glossator.core.exchange import utc
from glossator.services.commands import Change
from glossator.store import change_log

log = logging.getLogger(__name__)

_SETS = ("reports", "reports_removed", "annotations", "annotations_removed", "texts")


def change_to_json(change: Change) -> dict[str, Any]:
    out: dict[str, Any] = {"message": change.message}
    for name in _SETS:
        values = getattr(change, name)
        if values:
            out[name] = sorted(values, key=str)
    if change.codebook:
        out["codebook"] = True
    if change.team:
        out["team"] = True
    return out


def change_from_json(data: dict[str, Any]) -> Change:
    def ints(name: str) -> frozenset[int]:
        return frozenset(int(v) for v in data.get(name, ()))

    def strs(name: str) -> frozenset[str]:
        return frozenset(str(v) for v in data.get(name, ()))

    return Change(
        str(data.get("message", "")),
        reports=ints("reports"),
        reports_removed=ints("reports_removed"),
        annotations=strs("annotations"),
        annotations_removed=strs("annotations_removed"),
        codebook=bool(data.get("codebook")),
        texts=ints("texts"),
        team=bool(data.get("team")),
    )


@dataclass(frozen=True, slots=True)
class ChangeToken:
    """Where a reader is in the change log; opaque, pass it back to `changes_since`."""

    last_id: int
    data_version: int | None = None  # SQLite: PRAGMA data_version when the token was made
    connection: int = 0  # SQLite: which connection that value is from
    local_commits: int = 0  # commits by this process when the token was made


@dataclass(frozen=True, slots=True)
class RemoteChange:
    """A change another program (or another Workspace of this one) committed."""

    id: int
    change: Change
    reviewer: str | None
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class Changes:
    """The answer of `changes_since`: what others changed, and the token to ask with next."""

    token: ChangeToken
    entries: tuple[RemoteChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.entries)

    @property
    def change(self) -> Change | None:
        """Every entry as one Change (None when there is none)."""
        if not self.entries:
            return None
        if len(self.entries) == 1:
            return self.entries[0].change
        changes = [e.change for e in self.entries]

        def union(attr: str) -> frozenset[Any]:
            out: frozenset[Any] = frozenset()
            for c in changes:
                out |= getattr(c, attr)
            return out

        removed = union("annotations_removed")
        return Change(
            f"{len(changes)} changes by others",
            reports=union("reports"),
            reports_removed=union("reports_removed"),
            annotations=union("annotations") - removed,
            annotations_removed=removed,
            codebook=any(c.codebook for c in changes),
            texts=union("texts"),
            team=any(c.team for c in changes),
        )


class ChangeFeed:
    """The feed of one Workspace (made by `Workspace.changes_since` on first use)."""

    def __init__(self, engine: Engine, origin: str, read: Any) -> None:
        self._engine = engine
        self._origin = origin
        self._read = read  # () -> context manager giving a read-only Connection
        self._postgres = engine.dialect.name == "postgresql"
        self._listener: change_log.Listener | None = None
        self._quiet_since: int | None = None  # PostgreSQL: last id known with none pending
        change_log.count_local_commits(engine)
        if self._postgres:
            self._listen()

    def _listen(self) -> None:
        try:
            self._listener = change_log.Listener(self._engine)
        except Exception as exc:  # the feed still works, by reading the change log
            log.warning("Cannot listen for changes (%s); reading the change log instead", exc)
            self._listener = None

    def token(self) -> ChangeToken:
        with self._read() as conn:
            return self._token(conn, change_log.last_id(conn))

    def _token(self, conn: Connection, last: int) -> ChangeToken:
        if self._postgres:
            self._quiet_since = last if self._listener is not None else None
            return ChangeToken(last, local_commits=change_log.local_commits(self._engine))
        version, serial = change_log.data_version(conn)
        return ChangeToken(last, version, serial, change_log.local_commits(self._engine))

    def _quiet(self, token: ChangeToken) -> bool:
        """PostgreSQL: nothing was notified since `token` (a listener that broke, or none,
        is started again first; the read that follows then covers the gap)."""
        listener = self._listener
        pending = listener.pending() if listener is not None else None
        if pending is None:
            if listener is not None:
                listener.close()
            self._listen()
            self._quiet_since = None
            return False
        return (
            not pending
            and self._quiet_since == token.last_id
            and token.local_commits == change_log.local_commits(self._engine)
        )

    def _unchanged(self, token: ChangeToken, conn: Connection) -> bool:
        """SQLite: no other connection committed, and no other Workspace of this process."""
        version, serial = change_log.data_version(conn)
        return (
            token.data_version == version
            and token.connection == serial
            and token.local_commits == change_log.local_commits(self._engine)
        )

    def since(self, token: ChangeToken) -> Changes:
        if self._postgres and self._quiet(token):
            return Changes(token)
        with self._read() as conn:
            if not self._postgres and self._unchanged(token, conn):
                return Changes(token)
            entries: list[RemoteChange] = []
            last = token.last_id
            for row in change_log.iter_rows(conn, token.last_id):
                last = int(row["id"])
                if row["origin"] == self._origin:
                    continue
                at = row["at"]
                when = utc(at if isinstance(at, dt.datetime) else dt.datetime.fromisoformat(at))
                entries.append(
                    RemoteChange(last, change_from_json(row["change"]), row["reviewer"], when)
                )
            return Changes(self._token(conn, last), tuple(entries))

    def wait(self, timeout: float) -> bool:
        """Block at most `timeout` seconds until something may have changed (PostgreSQL: a
        notification; SQLite: the data version moved, checked ten times a second). True
        when `changes_since` is worth asking. Meant for a worker thread."""
        if self._postgres and self._listener is not None and self._listener.alive:
            return self._listener.wait(timeout)
        deadline = time.monotonic() + timeout
        with self._read() as conn:
            start = change_log.data_version(conn) if not self._postgres else None
        while time.monotonic() < deadline:
            time.sleep(min(0.1, max(0.0, deadline - time.monotonic())))
            if self._postgres:
                return True
            with self._read() as conn:
                if change_log.data_version(conn) != start:
                    return True
        return False

    def fileno(self) -> int | None:
        """PostgreSQL: the socket that becomes readable when a notification arrives (for a
        QSocketNotifier); None on SQLite or when the feed has no listening connection."""
        if self._listener is not None and self._listener.alive:
            return self._listener.fileno()
        return None

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None
