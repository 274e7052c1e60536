"""Engines for a workspace: a SQLite file (the default) or any SQLAlchemy URL.

SQLite connections get WAL, synchronous=FULL, foreign keys, a busy timeout and real
transactional DDL (the driver's own transaction handling is switched off and BEGIN is
emitted by us), so a failed migration leaves nothing half done.

**One engine, and so one connection, per database file per process.** `acquire` hands out
the engine already open on a file (two Workspaces on one file share it) and `release` closes
it when its last user is done. Two connections of one process on one WAL file are a hazard
(SQLite before 3.51.3 can corrupt a WAL database when both write), and the registry is also
what lets every other part of the program ask which files are live databases
(`live_files`): nothing but SQLite may open those, because closing any other handle on a
file releases every POSIX lock the process holds on it, after which another process takes
itself for the last user and deletes the write-ahead log under our feet.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from glossator.store.credentials import mask_text, stored_password
from glossator.store.errors import StoreError
from glossator.store.faults import handle_error_listener

BUSY_TIMEOUT_MS = 10_000
BUSY_TIMEOUT_ENV = "GLOSSATOR_BUSY_TIMEOUT_MS"
READ_ONLY_OPTION = "glossator_read_only"
# The files SQLite keeps beside a database: write-ahead log, shared memory, rollback journal.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


def busy_timeout_ms() -> int:
    """How long a write waits for another program's lock (`GLOSSATOR_BUSY_TIMEOUT_MS`)."""
    value = os.environ.get(BUSY_TIMEOUT_ENV, "")
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


def to_url(location: str | Path | URL) -> URL:
    """A path or a SQLAlchemy URL as a URL; plain paths become SQLite file URLs."""
    if isinstance(location, URL):
        return location
    text = str(location)
    if "://" in text:
        try:
            return make_url(text)
        except (ArgumentError, ValueError):
            raise StoreError(f"Not a database URL: {mask_text(text)}") from None
    path = Path(text).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite":
        return None
    db = url.database
    if not db or db == ":memory:" or db.startswith("file::memory:"):
        return None
    return Path(db)


def _pragmas(read_only: bool, busy_ms: int) -> Any:
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {busy_ms}")
            if not read_only:  # a read-only connection keeps the file's journal as it is
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    return on_connect


def _sqlite_uri(path: Path, read_only: bool, immutable: bool) -> str:
    if not read_only:
        return f"{path.as_uri()}?mode=rwc"
    return f"{path.as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")


def make_engine(
    location: str | Path | URL, *, echo: bool = False, read_only: bool = False,
    immutable: bool = False,
) -> Engine:
    """A new engine (use `acquire` to share one per file). `read_only` opens a SQLite file
    with mode=ro; `immutable` also tells SQLite that nobody can change it (a read-only
    medium), so it needs no lock and no shared-memory file."""
    url = to_url(location)
    path = sqlite_path(url)
    where = str(path) if path else url.render_as_string(hide_password=True)
    busy_ms = busy_timeout_ms()
    if url.get_backend_name() != "sqlite":
        password = stored_password(url)  # from the keyring, never put into the URL
        connect_args = {"password": password} if password else {}
        engine = create_engine(url, echo=echo, pool_pre_ping=True, connect_args=connect_args)
        event.listen(engine, "handle_error", handle_error_listener(where, busy_ms / 1000))
        return engine
    kwargs: dict[str, Any] = {}
    if path is not None:
        uri = _sqlite_uri(path.resolve(), read_only, immutable)
        kwargs["creator"] = lambda: sqlite3.connect(
            uri, uri=True, timeout=busy_ms / 1000, check_same_thread=False,
            isolation_level=None,
        )
    engine = create_engine(
        url, echo=echo, pool_size=1, max_overflow=0, pool_timeout=60, **kwargs
    )
    event.listen(engine, "connect", _pragmas(read_only, busy_ms))
    event.listen(engine, "handle_error", handle_error_listener(where, busy_ms / 1000))

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front (no deadlock between two upgrading readers);
        # a connection marked read-only (Database.reading, read sessions) only takes a
        # snapshot, so reading never waits for, or blocks, another program's write.
        read = read_only or conn.get_execution_options().get(READ_ONLY_OPTION, False)
        conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

    return engine


@dataclass
class _Shared:
    engine: Engine
    path: Path
    users: int
    read_only: bool


_OPEN: dict[str, _Shared] = {}
_GUARD = threading.RLock()


def _key(path: Path) -> str:
    return os.path.realpath(path)


def _find(path: Path) -> _Shared | None:
    found = _OPEN.get(_key(path))
    if found is not None or not path.exists():
        return found
    for shared in _OPEN.values():  # another name (a hard link) for an open file
        try:
            if os.path.samefile(shared.path, path):
                return shared
        except OSError:
            continue
    return None


def registry_lock() -> threading.RLock:
    """Held while a file is being opened, so two threads cannot both make its engine."""
    return _GUARD


def shared_engine(path: Path) -> tuple[Engine, bool] | None:
    """The engine already open on `path` in this process (and whether it is read-only),
    counted as one more user; None when the file is not open here."""
    with _GUARD:
        found = _find(path)
        if found is None:
            return None
        found.users += 1
        return found.engine, found.read_only


def register(path: Path, engine: Engine, read_only: bool) -> None:
    """Record a newly made engine as the one for `path` (its first user)."""
    with _GUARD:
        _OPEN[_key(path)] = _Shared(engine, Path(_key(path)), 1, read_only)


def release(engine: Engine) -> None:
    """One user fewer; the last one closes the engine (SQLite then checkpoints the log)."""
    with _GUARD:
        for key, shared in list(_OPEN.items()):
            if shared.engine is engine:
                shared.users -= 1
                if shared.users > 0:
                    return
                del _OPEN[key]
                break
    engine.dispose()


def live_files() -> list[Path]:
    """Every SQLite database open in this process, with the files SQLite keeps beside it."""
    with _GUARD:
        paths = [shared.path for shared in _OPEN.values()]
    return [p.with_name(p.name + s) for p in paths for s in ("", *COMPANION_SUFFIXES)]


def is_live(path: Path) -> bool:
    """Whether `path` is (another name for) a database open here, or one of its companions."""
    target = _key(path)
    for live in live_files():
        if _key(live) == target:
            return True
        try:
            if path.exists() and live.exists() and os.path.samefile(live, path):
                return True
        except OSError:
            continue
    return False
