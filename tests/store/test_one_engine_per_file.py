"""One engine per database file per process, and nothing but SQLite ever opens a live file.

Closing any non-SQLite handle on a database file releases every POSIX lock the process
holds on it; another process then takes itself for the last user and deletes the write-ahead
log (tests/reliability shows the loss that follows across processes).
"""

from __future__ import annotations

import builtins
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.exchange import export_annotations
from glossator.store import engine as engines
from glossator.store.database import open_database
from tests.conftest import SEED_REPORT


def test_two_databases_on_one_file_share_one_engine(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    first = open_database(path)
    second = open_database(path)
    try:
        assert second.engine is first.engine
        assert first.engine.pool.size() == 1  # type: ignore[attr-defined]
    finally:
        first.close()
    with second.engine.connect() as conn:  # the other user's engine still works
        assert conn.execute(text("SELECT count(*) FROM reports")).scalar() == 0
    second.close()
    assert path not in [p.resolve() for p in engines.live_files()]
    third = open_database(path)
    try:
        assert third.engine is not first.engine  # the last close disposed of it
    finally:
        third.close()


def test_another_name_for_the_file_shares_the_engine(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    link = tmp_path / "link.sqlite3"
    link.symlink_to(path)
    hard = tmp_path / "hard.sqlite3"
    os.link(path, hard)
    try:
        for other in (link, hard, tmp_path / "." / "ws.sqlite3"):
            again = open_database(other)
            assert again.engine is db.engine
            again.close()
    finally:
        db.close()


def test_closing_twice_releases_once(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    a, b = open_database(path), open_database(path)
    a.close()
    a.close()
    with b.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    b.close()


def test_live_files_name_the_database_and_its_companions(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    with Workspace.open(path):
        live = {p.name for p in engines.live_files()}
        assert {"ws.sqlite3", "ws.sqlite3-wal", "ws.sqlite3-shm"} <= live
        assert engines.is_live(path) and engines.is_live(tmp_path / "ws.sqlite3-wal")
        assert not engines.is_live(tmp_path / "other.sqlite3")
    assert not engines.is_live(path)


@pytest.fixture
def watched_opens(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every plain (non-SQLite) open of a path by Python code, as resolved paths."""
    seen: list[str] = []
    real_open, real_io_open, real_os_open = builtins.open, io.open, os.open

    def record(file: object) -> None:
        if isinstance(file, str | bytes | os.PathLike):
            seen.append(os.path.realpath(os.fsdecode(file)))

    def spy_open(file: object, *args: object, **kwargs: object) -> object:
        record(file)
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    def spy_io_open(file: object, *args: object, **kwargs: object) -> object:
        record(file)
        return real_io_open(file, *args, **kwargs)  # type: ignore[call-overload]

    def spy_os_open(file: object, *args: object, **kwargs: object) -> int:
        record(file)
        return real_os_open(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_io_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    yield seen


def test_nothing_but_sqlite_opens_a_live_workspace(tmp_path: Path, watched_opens: list[str]):
    """Open twice, import, annotate, check, back up, export every format, import the
    database itself as a report and as an annotation set: no plain open of the file."""
    path = tmp_path / "ws.sqlite3"
    ws = Workspace.open(path, reviewer="ana")
    again = Workspace.open(path, reviewer="ben")
    try:
        (outcome,) = ws.import_paths([SEED_REPORT])
        assert outcome.report_id is not None
        ws.run(AddAnnotation(outcome.report_id, 0, 20))
        assert again.annotations(outcome.report_id)
        assert ws.check() == []
        ws.backup(tmp_path / "copy.sqlite3")
        for fmt in ("w3c", "jsonl", "csv", "qdpx", "qdc", "brat"):
            export_annotations(ws, fmt, tmp_path / f"out-{fmt}")
        refused = ws.import_paths([path])[0]
        assert refused.status == "refused" and "open workspace" in (refused.reason or "")
    finally:
        again.close()
        ws.close()
    live = {os.path.realpath(path)} | {os.path.realpath(f"{path}{s}") for s in ("-wal", "-shm")}
    assert not live & set(watched_opens), "a live database file was opened by Python code"
