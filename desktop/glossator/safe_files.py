"""Files written so that a crash, a full disk or a failed write never leaves a half file.

Every file Glossator writes (exports, codebooks, pictures, backups) is written to a
temporary file beside its destination, flushed to the disk (`fsync`), and renamed over the
destination in one step; the folder is then synced so the rename itself survives a power
cut. Until the rename the destination keeps its old content; if anything fails the
temporary file is removed. A folder (a brat export) is built beside its destination and
swapped in the same way. Used by every layer, like `paths`, so it sits outside them.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO

PARTIAL = ".partial"


def _sibling(dest: Path, tag: str) -> Path:
    """A fresh hidden name beside `dest` (same folder, so the rename stays on one disk)."""
    return dest.with_name(f".{dest.name}.{secrets.token_hex(4)}{tag}")


def _sweep(dest: Path, tag: str) -> None:
    """Remove what an interrupted write of `dest` left beside it (`.NAME.xxxxxxxx.TAG`)."""
    prefix = f".{dest.name}."
    try:
        entries = list(dest.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        rest = entry.name[len(prefix):]
        if entry.name.startswith(prefix) and rest.endswith(tag) and len(rest) == 8 + len(tag):
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    entry.unlink()


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new entry in `folder` durable (no-op where folders cannot be
    opened, as on Windows, whose rename is already durable once it returns)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def commit_file(partial: Path, dest: Path) -> None:
    """Sync a finished temporary file and rename it over `dest`."""
    _fsync_file(partial)
    os.replace(partial, dest)
    fsync_folder(dest.parent)


@contextlib.contextmanager
def replacing(dest: Path) -> Iterator[Path]:
    """A temporary path beside `dest` to write to (by any means: a zip writer, Qt, SQLite);
    renamed over `dest` when the block ends without an error, removed when it fails. The
    folder must exist. Temporary files an earlier write to `dest` left behind (the program
    was killed while writing) are removed first."""
    _sweep(dest, PARTIAL)
    partial = _sibling(dest, PARTIAL)
    try:
        yield partial
        commit_file(partial, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


@contextlib.contextmanager
def atomic_text(
    dest: Path, *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[str]]:
    """`open(dest, "w")` whose content appears under `dest` only once complete."""
    with replacing(dest) as partial, open(partial, "w", encoding=encoding, newline=newline) as out:
        yield out


@contextlib.contextmanager
def atomic_binary(dest: Path) -> Iterator[IO[bytes]]:
    """`open(dest, "wb")` whose content appears under `dest` only once complete."""
    with replacing(dest) as partial, open(partial, "wb") as out:
        yield out


def write_bytes(dest: Path, data: bytes) -> None:
    """`dest.write_bytes(data)`, atomically."""
    with atomic_binary(dest) as out:
        out.write(data)


@contextlib.contextmanager
def replacing_folder(dest: Path) -> Iterator[Path]:
    """A new folder beside `dest` to fill; when the block succeeds every file in it is
    synced and it takes `dest`'s place (an old `dest` is moved aside, then removed). A
    crash between the two renames leaves the old folder under a hidden `.NAME.*.old` name
    beside it, never a half-written folder under `dest`."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    _sweep(dest, ".building")
    _sweep(dest, ".old")
    building = _sibling(dest, ".building")
    building.mkdir()
    try:
        yield building
        for entry in building.rglob("*"):
            if entry.is_file():
                _fsync_file(entry)
        fsync_folder(building)
        old: Path | None = None
        if dest.exists():
            old = _sibling(dest, ".old")
            os.replace(dest, old)
        try:
            os.replace(building, dest)
        except OSError:
            if old is not None:
                os.replace(old, dest)
            raise
        fsync_folder(dest.parent)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
