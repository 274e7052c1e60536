"""Opening a workspace database: checks, backup, migrations, sessions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import URL

from glossator.store import engine as engines
from glossator.store.backup import backup_connection, prune_backups, timestamped_name
from glossator.store.engine import READ_ONLY_OPTION, make_engine, sqlite_path, to_url
from glossator.store.errors import ReadOnlyWorkspace, StoreError
from glossator.store.integrity import check_file, integrity_problems
from glossator.store.schema import HEAD_REVISION, refuse_unknown

if TYPE_CHECKING:  # the ORM is imported at the first session: listing the library needs none
    from sqlalchemy.orm import Session, sessionmaker


@dataclass
class Database:
    """An open workspace database. Sessions are short: one per read or per command.

    `session()` reads (a snapshot, never the write lock); `writing()` is the one way to
    change data (SQLite's write lock taken at BEGIN, so two writers queue instead of
    deadlocking). On SQLite the engine is shared by every Database of the process open on
    the same file (see `engine.py`); `close` gives it back.
    """

    engine: Engine
    url: URL
    path: Path | None
    backup_folder: Path | None
    read_only: bool = False
    _makers: tuple[sessionmaker[Session], sessionmaker[Session]] | None = field(
        default=None, init=False, repr=False)
    _closed: bool = field(default=False, init=False, repr=False)

    def _sessions(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        """The session makers for reading and for writing, made at the first session."""
        if self._makers is None:
            from sqlalchemy.orm import sessionmaker

            reader = self.engine.execution_options(**{READ_ONLY_OPTION: True})
            self._makers = (sessionmaker(reader, expire_on_commit=False),
                            sessionmaker(self.engine, expire_on_commit=False))
        return self._makers

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    def session(self) -> Session:
        """A session for reading: on SQLite it begins with a plain BEGIN (a snapshot)."""
        return self._sessions()[0]()

    def writing(self) -> Session:
        """A session for a change (`with db.writing() as s, s.begin(): ...`)."""
        if self.read_only:
            raise ReadOnlyWorkspace(
                f"{self.display_name}: the workspace was opened read-only "
                "(a read-only medium, or no permission to write it); nothing was saved. "
                "Copy it to a writable folder to change it."
            )
        return self._sessions()[1]()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A Core connection for a read of several statements: one snapshot, no write lock
        on SQLite, and none of the ORM session's per-statement cost (hot read paths)."""
        with self.engine.connect() as conn:
            yield conn.execution_options(**{READ_ONLY_OPTION: True})

    @contextmanager
    def _raw(self) -> Iterator[sqlite3.Connection]:
        """The engine's own sqlite3 connection (there is no other in this process)."""
        conn = self.engine.raw_connection()
        try:
            driver = conn.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            yield driver
        finally:
            conn.close()

    def backup(self, dest: Path | None = None, reason: str = "manual") -> Path:
        """A consistent copy through SQLite's backup API, written beside and renamed."""
        if self.path is None:
            raise StoreError(
                f"{self.display_name}: backups are made by the database server's own tools"
            )
        if dest is None:
            if self.backup_folder is None:
                raise StoreError("no backup folder is configured")
            dest = self.backup_folder / timestamped_name(self.path, reason)
        with self._raw() as raw:
            made = backup_connection(raw, self.path, dest)
        if self.backup_folder is not None and made.parent == self.backup_folder.resolve():
            prune_backups(self.backup_folder, self.path.stem)
        return made

    def integrity_problems(self) -> list[str]:
        """Full integrity check; [] when healthy. On other databases, a connectivity check."""
        if self.path is None:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return []
        with self._raw() as raw:
            return integrity_problems(raw)

    def schema_revision(self) -> str | None:
        """The Alembic revision the database is at (None: an empty database)."""
        return _server_revision(self.engine)

    def server_version(self) -> str:
        if self.url.get_backend_name() == "sqlite":
            return f"SQLite {sqlite3.sqlite_version}"
        with self.engine.connect() as conn:
            return str(conn.execute(text("SELECT version()")).scalar_one())

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.path is not None:
            engines.release(self.engine)
        else:
            self.engine.dispose()


def _server_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        conn = conn.execution_options(**{READ_ONLY_OPTION: True})
        if not inspect(conn).has_table("alembic_version"):
            return None
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if value is None else str(value)


def medium_is_read_only(path: Path) -> bool:
    """Whether the workspace file cannot be written here: a read-only file system, or no
    permission to write the file or the folder SQLite keeps its log in."""
    folder = path.parent if path.parent.exists() else None
    if folder is None:
        return False
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):  # no statvfs (Windows): the access checks below
        pass
    if path.exists() and not os.access(path, os.W_OK):
        return True
    return not os.access(folder, os.W_OK)


def _on_read_only_medium(path: Path) -> bool:
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def open_database(
    location: str | Path,
    *,
    backup_folder: Path | None = None,
    script_location: Path | None = None,
) -> Database:
    """Open (creating if needed) and upgrade a workspace database.

    SQLite files are checked read-only first (integrity, foreign or newer schema),
    backed up before any migration, and migrated in one transaction. A database that is
    already current is opened without importing Alembic. A file already open in this
    process shares its engine. A file that cannot be written here (a read-only medium,
    permissions) is opened read-only when it is current, and refused with a sentence when
    it would have to be created or upgraded.
    """
    url = to_url(location)
    path = sqlite_path(url)
    if path is None:
        return _open_server(url, backup_folder, script_location)
    with engines.registry_lock():
        shared = engines.shared_engine(path)
        if shared is not None:
            engine, read_only = shared
            db = Database(engine, url, path, backup_folder, read_only)
            try:
                if not read_only:
                    _upgrade(db, HEAD_REVISION, str(path), script_location)
            except Exception:
                db.close()
                raise
            return db
        return _open_file(url, path, backup_folder, script_location)


def _open_file(
    url: URL, path: Path, backup_folder: Path | None, script_location: Path | None
) -> Database:
    where = str(path)
    read_only = medium_is_read_only(path)
    if read_only and (not path.exists() or path.stat().st_size == 0):
        raise ReadOnlyWorkspace(
            f"{where}: a new workspace cannot be made here (the folder is read-only)"
        )
    immutable = read_only and _on_read_only_medium(path)
    revision = check_file(path, immutable=immutable)
    if script_location is None:
        refuse_unknown(revision, where)
    if read_only and revision != HEAD_REVISION:
        raise ReadOnlyWorkspace(
            f"{where}: the workspace needs an upgrade to this version's schema, but it is "
            "read-only; copy it to a writable folder and open the copy"
        )
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url, read_only=read_only, immutable=immutable)
    engines.register(path, engine, read_only)
    db = Database(engine, url, path, backup_folder, read_only)
    try:
        if not read_only:
            _upgrade(db, revision, where, script_location)
    except Exception:
        db.close()
        raise
    return db


def _open_server(
    url: URL, backup_folder: Path | None, script_location: Path | None
) -> Database:
    where = url.render_as_string(hide_password=True)
    engine = make_engine(url)
    db = Database(engine, url, None, backup_folder)
    try:
        revision = _server_revision(engine)
        refuse_unknown(revision, where)
        _upgrade(db, revision, where, script_location)
    except Exception:
        db.close()
        raise
    return db


def _upgrade(
    db: Database, revision: str | None, where: str, script_location: Path | None
) -> None:
    if revision == HEAD_REVISION and script_location is None:
        return
    from glossator.store.migrate import head_revision, refuse_if_newer, upgrade

    refuse_if_newer(revision, where, script_location)
    outdated = revision is not None and revision != head_revision(script_location)
    if db.path is not None and outdated and db.backup_folder is not None:
        db.backup(reason=f"before-upgrade-from-{revision}")
    upgrade(db.engine, where, script_location)
