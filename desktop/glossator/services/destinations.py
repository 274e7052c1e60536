"""What may be written over, and what may be read as a plain file.

Every export, codebook, picture and backup the program writes passes `check_destination`
first, and every file it reads as a report, an annotation set or a codebook passes
`check_source`. Neither ever opens a database that is live in this process (doing so with
anything but SQLite would release SQLite's locks on it), and no export may replace a
workspace, its companions (`-wal`, `-shm`, `-journal`), any SQLite database (a workspace or
a backup of one) or anything in the backup folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from glossator import paths
from glossator.safe_files import write_bytes
from glossator.services.commands import CommandError
from glossator.store.engine import COMPANION_SUFFIXES, is_live

SQLITE_MAGIC = b"SQLite format 3\x00"
# What a brat export folder holds; a folder with anything else is not replaced.
BRAT_FILES = frozenset({".txt", ".ann", ".conf"})


class DestinationRefused(CommandError):
    """The destination is a database or something that is not ours to replace."""


class DestinationExists(CommandError):
    """The destination exists and replacing it was not asked for (`--force`, or the
    window's confirmation)."""


def _is_sqlite_file(path: Path) -> bool:
    """Whether a file (known not to be live here) starts with SQLite's header."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        return os.read(fd, len(SQLITE_MAGIC)) == SQLITE_MAGIC
    finally:
        os.close(fd)


def _in_backups(path: Path) -> bool:
    folder = paths.backup_dir().resolve()
    return path == folder or folder in path.parents


def _refusal(path: Path) -> str | None:
    """Why `path` must never be written by an export (None: it may be)."""
    if is_live(path):
        return "it is the open workspace's database (or a file SQLite keeps beside it)"
    if _in_backups(path):
        return "it is in the backup folder"
    if any(path.name.endswith(s) for s in COMPANION_SUFFIXES) and path.exists():
        return "it looks like a file SQLite keeps beside a database"
    if path.is_file() and _is_sqlite_file(path):
        return "it is a SQLite database (a workspace or a backup of one)"
    return None


def check_destination(dest: Path, *, overwrite: bool = False, folder: bool = False) -> Path:
    """The resolved destination, or DestinationRefused / DestinationExists. `folder`: the
    export is a folder (brat); an existing one is replaced only if it holds nothing but
    files of an earlier brat export."""
    path = dest.expanduser().resolve()
    why = _refusal(path)
    if why is None and folder and path.is_dir():
        why = _folder_refusal(path)
    elif why is None and not folder and path.is_dir():
        why = "it is a folder"
    if why is not None:
        raise DestinationRefused(f"{path}: not written, because {why}")
    if path.exists() and not overwrite:
        raise DestinationExists(
            f"{path}: already exists; nothing was written (replace it with --force)"
        )
    return path


def check_backup_destination(dest: Path, *, overwrite: bool = False) -> Path:
    """Where a backup may go: anything but a live database or a folder; an existing file
    (an older backup) only when `overwrite`."""
    path = dest.expanduser().resolve()
    if is_live(path):
        raise DestinationRefused(f"{path}: not written, because it is a workspace open here")
    if path.is_dir():
        raise DestinationRefused(f"{path}: not written, because it is a folder")
    if path.exists() and not overwrite:
        raise DestinationExists(
            f"{path}: already exists; nothing was written (replace it with --force)"
        )
    return path


def _folder_refusal(path: Path) -> str | None:
    for entry in path.iterdir():
        if entry.is_dir() or entry.suffix.lower() not in BRAT_FILES:
            return (
                f"the folder holds {entry.name!r}, which is not part of a brat export "
                "(choose a new or empty folder)"
            )
        why = _refusal(entry.resolve())
        if why is not None:
            return f"{entry.name} in it: {why}"
    return None


def check_source(path: Path) -> None:
    """Refuse to read a live database of this process as a plain file."""
    if is_live(path.expanduser().resolve()):
        raise CommandError(
            f"{path.name}: this is the open workspace's database, not a file to import"
        )


def save_bytes(dest: Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write a file the program made (a picture) like every export: checked, then written
    beside and renamed into place; a failure is a CommandError and leaves `dest` as it was."""
    path = check_destination(dest, overwrite=overwrite)
    try:
        write_bytes(path, data)
    except OSError as exc:
        raise CommandError(f"{path.name}: cannot be written ({exc.strerror or exc})") from exc
    return path
