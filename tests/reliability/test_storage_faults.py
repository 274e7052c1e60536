"""Storage failures through the command line, as a user meets them: a write lock held by
another program past the busy timeout, a full disk, a read-only medium. Each is one
sentence and a non-zero exit, never a traceback; nothing acknowledged is lost; commands that
only read never wait for (or take) the write lock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED_REPORT, SEEDS
from tests.reliability.helpers import (
    WriteLock,
    fresh_count,
    glossator,
    integrity,
    remount,
    tmpfs_or_skip,
)

FAST = {"GLOSSATOR_BUSY_TIMEOUT_MS": "300"}


def one_line_error(result: object) -> str:
    err = result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in err and "sqlalchemy" not in err.lower(), err
    assert err.count("\n") == 1, err
    return str(err)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ws.sqlite3"
    done = glossator("--db", str(path), "import", str(SEED_REPORT))
    assert done.returncode == 0, done.stderr
    return path


def test_a_write_lock_held_past_the_timeout_is_one_sentence(db: Path, tmp_path: Path) -> None:
    other = SEEDS / "river-council-statements.md"
    with WriteLock(db):
        result = glossator("--db", str(db), "import", str(other), **FAST)
        assert result.returncode == 2
        err = one_line_error(result)
        assert "another program is writing to the workspace" in err and "0.3 s" in err
        annotate = glossator("--db", str(db), "--reviewer", "ana", "annotate", "1", "--quote",
                             "Hamas and Hizbullah", **FAST)
        assert annotate.returncode == 2 and "Try again" in one_line_error(annotate)
    assert fresh_count(db, "SELECT count(*) FROM reports") == 1  # nothing half written
    assert glossator("--db", str(db), "import", str(other)).returncode == 0


def test_reading_commands_never_take_the_write_lock(db: Path, tmp_path: Path) -> None:
    """With another program holding the write lock, reads and exports still work (a read
    that began BEGIN IMMEDIATE would wait out the timeout and fail)."""
    with WriteLock(db):
        for args in (["reports"], ["reports", "--json"], ["show", "1"], ["annotations", "1"],
                     ["search", "Hizbullah"], ["stances"], ["check"],
                     ["export", "jsonl", str(tmp_path / "set.jsonl")],
                     ["codebook", "export", str(tmp_path / "codebook.json")]):
            result = glossator("--db", str(db), *args, **FAST)
            assert result.returncode == 0, (args, result.stderr)
    assert (tmp_path / "set.jsonl").stat().st_size > 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with tmpfs_or_skip(tmp_path / "small", "4m", "the disk-full case") as folder:
        yield folder


def test_a_full_disk_is_one_sentence_and_loses_nothing(small_disk: Path, tmp_path: Path) -> None:
    db = small_disk / "ws.sqlite3"
    assert glossator("--db", str(db), "import", str(SEED_REPORT)).returncode == 0
    stat = os.statvfs(small_disk)
    filler = small_disk / "filler.bin"
    filler.write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - 64 * 1024))
    big = tmp_path / "big-report.txt"
    big.write_text("".join(f"Paragraph {i} of a long report [1].\n\n" for i in range(20_000))
                   + "[1] A note.\n", "utf-8")
    result = glossator("--db", str(db), "import", str(big))
    assert result.returncode == 2
    assert "the disk is full" in one_line_error(result)
    assert integrity(db) == "ok"
    assert fresh_count(db, "SELECT count(*) FROM reports") == 1
    filler.unlink()  # space freed: the same command now works
    assert glossator("--db", str(db), "import", str(big)).returncode == 0
    assert fresh_count(db, "SELECT count(*) FROM reports") == 2


@pytest.fixture
def read_only_medium(tmp_path: Path) -> Iterator[Path]:
    with tmpfs_or_skip(tmp_path / "medium", "16m", "the read-only medium case") as folder:
        db = folder / "ws.sqlite3"
        assert glossator("--db", str(db), "import", str(SEED_REPORT)).returncode == 0
        remount(folder, "ro")
        yield db


def test_a_workspace_on_read_only_media_opens_read_only(read_only_medium: Path,
                                                        tmp_path: Path) -> None:
    db = read_only_medium
    listing = glossator("--db", str(db), "reports")
    assert listing.returncode == 0, listing.stderr
    assert "Following" in listing.stdout
    export = glossator("--db", str(db), "export", "csv", str(tmp_path / "out.csv"))
    assert export.returncode == 0, export.stderr
    assert glossator("--db", str(db), "search", "Hizbullah").returncode == 0
    annotate = glossator("--db", str(db), "--reviewer", "ana", "annotate", "1", "--quote",
                         "Hamas and Hizbullah")
    assert annotate.returncode == 2
    assert "read-only" in one_line_error(annotate)
    imported = glossator("--db", str(db), "import", str(SEEDS / "river-council-statements.md"))
    assert imported.returncode == 2 and "read-only" in one_line_error(imported)


def test_a_new_workspace_cannot_be_made_on_read_only_media(read_only_medium: Path) -> None:
    result = glossator("--db", str(read_only_medium.with_name("new.sqlite3")), "reports")
    assert result.returncode == 2
    assert "read-only" in one_line_error(result)
