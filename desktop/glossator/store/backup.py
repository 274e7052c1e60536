"""Consistent copies of a SQLite workspace, made with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from glossator.store.errors import StoreError


def backup_sqlite(source: Path, dest: Path) -> Path:
    """Copy a live database consistently to `dest` (never a plain file copy). Returns `dest`.

    The copy is written beside the destination first and renamed into place, so a
    failure leaves no half-written file.
    """
    dest = dest.expanduser().resolve()
    if dest == source.resolve():
        raise StoreError(f"{dest}: the backup cannot overwrite the workspace itself")
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        try:
            out = sqlite3.connect(partial)
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode = DELETE")
            finally:
                out.close()
        finally:
            src.close()
        partial.replace(dest)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"{dest}: the backup failed: {exc}") from exc
    return dest


def timestamped_backup(source: Path, folder: Path, reason: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return backup_sqlite(source, folder / f"{source.stem}-{stamp}-{reason}.sqlite3")


def prune_backups(folder: Path, stem: str, keep: int = 20) -> list[Path]:
    """Delete all but the newest `keep` backups of a workspace; return what was removed."""
    found = sorted(folder.glob(f"{stem}-*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)
    removed = found[keep:]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
