"""The change log: one row per committed transaction, and the cheap ways to learn that
another program has written one.

- Writing: `append` inserts the row at the very end of the transaction. On PostgreSQL it
  first takes a transaction-level advisory lock, so rows get their ids in commit order
  (a reader that has seen id n has seen every id below it), and sends `NOTIFY` with the id;
  the notification is delivered when the transaction commits, never when it rolls back.
- Noticing, SQLite: `PRAGMA data_version` changes when another connection (another process)
  has committed; commits of this process go through its one connection per file and are
  counted by `local_commits`.
- Noticing, PostgreSQL: `Listener` keeps its own connection in LISTEN and reads pending
  notifications without waiting.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import select as select_module
import weakref
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Engine, event, func, insert, select, text

from glossator.store.models import ChangeLogRow, table_of, utcnow

CHANNEL = "glossator_changes"
ORDER_LOCK = 0x676C6F7373  # any fixed number: the advisory lock that orders the change log

_commits: weakref.WeakKeyDictionary[Engine, list[int]] = weakref.WeakKeyDictionary()
_serials = itertools.count(1)


def is_postgres(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "postgresql"


def append(
    conn: Connection, change: dict[str, Any], reviewer: str | None, origin: str
) -> int:
    """Log one transaction's change (call last, just before the commit)."""
    if is_postgres(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ORDER_LOCK})
    table = table_of(ChangeLogRow)
    row_id = conn.scalar(
        insert(table)
        .values(at=utcnow(), reviewer=reviewer, origin=origin, change=change)
        .returning(table.c.id)
    )
    assert row_id is not None
    if is_postgres(conn):
        payload = json.dumps({"id": int(row_id), "origin": origin})
        conn.execute(text("SELECT pg_notify(:channel, :payload)"),
                     {"channel": CHANNEL, "payload": payload})
    return int(row_id)


def last_id(conn: Connection) -> int:
    return int(conn.scalar(select(func.max(ChangeLogRow.id))) or 0)


def rows_after(conn: Connection, after: int, limit: int = 1000) -> list[dict[str, Any]]:
    t = table_of(ChangeLogRow)
    stmt = select(t).where(t.c.id > after).order_by(t.c.id).limit(limit)
    return [dict(r._mapping) for r in conn.execute(stmt)]


# -- SQLite -------------------------------------------------------------------------------


def count_local_commits(engine: Engine) -> None:
    """Start counting this process's commits on the engine (idempotent)."""
    if engine in _commits:
        return
    counter = [0]
    _commits[engine] = counter

    def on_commit(_conn: Any) -> None:
        counter[0] += 1

    event.listen(engine, "commit", on_commit)


def local_commits(engine: Engine) -> int:
    return _commits[engine][0] if engine in _commits else 0


def data_version(conn: Connection) -> tuple[int, int]:
    """SQLite's `PRAGMA data_version` on this connection, and a serial naming the
    connection (the value only compares between calls on the same one)."""
    info = conn.connection.info
    if "glossator_serial" not in info:
        info["glossator_serial"] = next(_serials)
    value = int(conn.exec_driver_sql("PRAGMA data_version").scalar_one())
    return value, int(info["glossator_serial"])


# -- PostgreSQL ---------------------------------------------------------------------------


class Listener:
    """A connection of its own, kept in LISTEN on the change channel (never in a pool)."""

    def __init__(self, engine: Engine) -> None:
        proxied = engine.raw_connection()
        driver = proxied.driver_connection
        assert driver is not None
        proxied.detach()  # ours alone, closed by us
        self._driver: Any = driver
        self._driver.autocommit = True
        self._driver.execute(f"LISTEN {CHANNEL}")
        self.alive = True

    def pending(self) -> list[dict[str, Any]] | None:
        """The notifications received so far (without waiting); None when the connection
        is lost (the caller falls back to reading the change log)."""
        try:
            return [self._parse(n.payload) for n in self._driver.notifies(timeout=0)]
        except Exception:
            self.alive = False
            return None

    def wait(self, timeout: float) -> bool:
        """Block until a notification may have arrived, at most `timeout` seconds."""
        try:
            ready, _w, _x = select_module.select([self._driver.fileno()], [], [], timeout)
        except (OSError, ValueError):
            self.alive = False
            return True
        return bool(ready)

    def fileno(self) -> int:
        return int(self._driver.fileno())

    @staticmethod
    def _parse(payload: str) -> dict[str, Any]:
        try:
            found = json.loads(payload)
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._driver.close()
        self.alive = False


def iter_rows(conn: Connection, after: int) -> Iterator[dict[str, Any]]:
    """Every change-log row after `after`, a thousand at a time."""
    while True:
        rows = rows_after(conn, after)
        yield from rows
        if len(rows) < 1000:
            return
        after = int(rows[-1]["id"])
