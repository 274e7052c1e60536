"""Consistent copies of a SQLite workspace, made with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from glossator.safe_files import replacing
from glossator.store.engine import is_live
from glossator.store.errors import StoreError


def backup_connection(source: sqlite3.Connection, source_path: Path, dest: Path) -> Path:
    """Copy the database behind the open connection `source` to `dest` (never a plain file
    copy). Returns `dest`. The copy is written beside the destination, synced and renamed
    into place, so a failure leaves no half-written file and the old `dest` untouched."""
    dest = dest.expanduser().resolve()
    if dest == source_path.resolve() or is_live(dest):
        raise StoreError(f"{dest}: the backup cannot overwrite a workspace that is open")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with replacing(dest) as partial:
            out = sqlite3.connect(partial)
            try:
                source.backup(out)
                out.execute("PRAGMA journal_mode = DELETE")
            finally:
                out.close()
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(f"{dest}: the backup failed: {exc}") from exc
    return dest


def timestamped_name(source: Path, reason: str) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return f"{source.stem}-{stamp}-{reason}.sqlite3"


def prune_backups(folder: Path, stem: str, keep: int = 20) -> list[Path]:
    """Delete all but the newest `keep` backups of a workspace; return what was removed."""
    found = sorted(folder.glob(f"{stem}-*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)
    removed = found[keep:]
    for path in removed:
        if not is_live(path):  # a backup opened as a workspace stays
            path.unlink(missing_ok=True)
    return removed
