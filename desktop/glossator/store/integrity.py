"""Checks made before a SQLite workspace is opened for writing.

They use a separate read-only connection so that a damaged or foreign file is
reported without a single byte being written to it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from glossator.store.errors import DatabaseCorrupt, NotAWorkspace
from glossator.store.search import FTS_TABLE, FTS_TRIGGERS

SQLITE_HEADER = b"SQLite format 3\x00"


def _readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def check_file(path: Path) -> str | None:
    """Refuse a file that is not a healthy SQLite database; return its Alembic revision.

    A missing or empty file is a new workspace (None). Raises NotAWorkspace or
    DatabaseCorrupt with a message naming the file.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotAWorkspace(f"{path}: not a Glossator workspace (not a SQLite database)")
    try:
        conn = _readonly(path)
    except sqlite3.Error as exc:
        raise DatabaseCorrupt(f"{path}: cannot be opened: {exc}") from exc
    try:
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
    names = {str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    if FTS_TABLE not in names:
        return []
    return [f"search index: trigger {t} is missing" for t in FTS_TRIGGERS if t not in names]
