"""Checks made before a SQLite workspace is opened for writing.

They use a separate read-only connection so that a damaged or foreign file is
reported without a single byte being written to it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from glossator.store.errors import DatabaseCorrupt, NotAWorkspace
from glossator.store.faults import SQLITE_NOTADB


def _readonly(path: Path, immutable: bool) -> sqlite3.Connection:
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True)


def check_file(path: Path, *, immutable: bool = False) -> str | None:
    """Refuse a file that is not a healthy SQLite database; return its Alembic revision.

    A missing or empty file is a new workspace (None). Raises NotAWorkspace or
    DatabaseCorrupt with a message naming the file. The file is read through SQLite alone
    (a read-only connection), never with a plain open(): closing any other handle on a
    database file drops the POSIX locks this process holds on it (SQLite's "How To Corrupt
    An SQLite Database File", section 2.2). `immutable`: the file is on a read-only
    medium, so SQLite needs neither locks nor its shared-memory file to read it.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = _readonly(path, immutable)
    except sqlite3.Error as exc:
        raise DatabaseCorrupt(f"{path}: cannot be opened: {exc}") from exc
    try:
        try:
            conn.execute("PRAGMA schema_version").fetchone()  # reads the header and page 1
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", None) == SQLITE_NOTADB or (
                "not a database" in str(exc)
            ):
                raise NotAWorkspace(
                    f"{path}: not a Glossator workspace (not a SQLite database)"
                ) from exc
            raise
        problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            shown = "; ".join(str(p) for p in problems[:3])
            raise DatabaseCorrupt(
                f"{path}: the integrity check failed ({shown}); nothing was written. "
                "Restore a backup or run `glossator backup` on a copy."
            )
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "alembic_version" not in tables:
            if tables:
                raise NotAWorkspace(f"{path}: a SQLite database, but not a Glossator workspace")
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(
            f"{path}: the integrity check failed ({exc}); nothing was written"
        ) from exc
    finally:
        conn.close()


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """Full integrity and foreign-key check of an open SQLite connection; [] when healthy."""
    problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    problems += [
        f"foreign key: {table} row {rowid} points to a missing {parent}"
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
    ]
    return problems + search_index_problems(conn)


def search_index_problems(conn: sqlite3.Connection) -> list[str]:
    """The search index needs its triggers, or it silently falls behind the reports."""
    from glossator.store.search import FTS_TABLE, FTS_TRIGGERS  # not needed to open a file

    names = {str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    if FTS_TABLE not in names:
        return []
    return [f"search index: trigger {t} is missing" for t in FTS_TRIGGERS if t not in names]
