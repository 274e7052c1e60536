"""Engines for a workspace: a SQLite file (the default) or any SQLAlchemy URL.

SQLite connections get WAL, synchronous=FULL, foreign keys, a busy timeout and
real transactional DDL (the driver's own transaction handling is switched off and
BEGIN is emitted by us), so a failed migration leaves nothing half done. One
connection per file: SQLite before 3.51.3 can corrupt a WAL database when two
connections of one process write.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

BUSY_TIMEOUT_MS = 10_000
READ_ONLY_OPTION = "glossator_read_only"


def to_url(location: str | Path | URL) -> URL:
    """A path or a SQLAlchemy URL as a URL; plain paths become SQLite file URLs."""
    if isinstance(location, URL):
        return location
    text = str(location)
    if "://" in text:
        return make_url(text)
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


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def make_engine(location: str | Path | URL, *, echo: bool = False) -> Engine:
    url = to_url(location)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, echo=echo, pool_pre_ping=True)
    engine = create_engine(url, echo=echo, pool_size=1, max_overflow=0, pool_timeout=60)
    event.listen(engine, "connect", _sqlite_on_connect)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock up front (no deadlock between two upgrading readers);
        # a connection marked read-only (Database.reading) only takes a snapshot.
        read_only = conn.get_execution_options().get(READ_ONLY_OPTION, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine
