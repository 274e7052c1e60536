"""Opening a workspace database: checks, backup, migrations, sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from glossator.store.backup import backup_sqlite, prune_backups, timestamped_backup
from glossator.store.engine import READ_ONLY_OPTION, make_engine, sqlite_path, to_url
from glossator.store.errors import StoreError
from glossator.store.integrity import check_file, integrity_problems
from glossator.store.schema import HEAD_REVISION, refuse_unknown


@dataclass
class Database:
    """An open workspace database. Sessions are short: one per read or per command."""

    engine: Engine
    url: URL
    path: Path | None
    backup_folder: Path | None
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A Core connection for a read of several statements: one snapshot, no write lock
        on SQLite, and none of the ORM session's per-statement cost (hot read paths)."""
        with self.engine.connect() as conn:
            yield conn.execution_options(**{READ_ONLY_OPTION: True})

    def backup(self, dest: Path | None = None, reason: str = "manual") -> Path:
        if self.path is None:
            raise StoreError(
                f"{self.display_name}: backups are made by the database server's own tools"
            )
        if dest is not None:
            return backup_sqlite(self.path, dest)
        if self.backup_folder is None:
            raise StoreError("no backup folder is configured")
        made = timestamped_backup(self.path, self.backup_folder, reason)
        prune_backups(self.backup_folder, self.path.stem)
        return made

    def integrity_problems(self) -> list[str]:
        """Full integrity check; [] when healthy. On other databases, a connectivity check."""
        if self.path is None:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return []
        raw = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True)
        try:
            return integrity_problems(raw)
        finally:
            raw.close()

    def server_version(self) -> str:
        if self.url.get_backend_name() == "sqlite":
            return f"SQLite {sqlite3.sqlite_version}"
        with self.engine.connect() as conn:
            return str(conn.execute(text("SELECT version()")).scalar_one())

    def close(self) -> None:
        self.engine.dispose()


def _server_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if value is None else str(value)


def open_database(
    location: str | Path,
    *,
    backup_folder: Path | None = None,
    script_location: Path | None = None,
) -> Database:
    """Open (creating if needed) and upgrade a workspace database.

    SQLite files are checked read-only first (integrity, foreign or newer schema),
    backed up before any migration, and migrated in one transaction. A database that is
    already current is opened without importing Alembic.
    """
    url = to_url(location)
    path = sqlite_path(url)
    where = str(path) if path else url.render_as_string(hide_password=True)
    revision: str | None = None
    if path is not None:
        revision = check_file(path)
        if script_location is None:
            refuse_unknown(revision, where)
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    db = Database(engine, url, path, backup_folder)
    try:
        if path is None:
            revision = _server_revision(engine)
            refuse_unknown(revision, where)
        if revision == HEAD_REVISION and script_location is None:
            return db
        from glossator.store.migrate import head_revision, refuse_if_newer, upgrade

        refuse_if_newer(revision, where, script_location)
        outdated = revision is not None and revision != head_revision(script_location)
        if path is not None and outdated and backup_folder is not None:
            db.backup(reason=f"before-upgrade-from-{revision}")
        upgrade(engine, where, script_location)
    except Exception:
        engine.dispose()
        raise
    return db
