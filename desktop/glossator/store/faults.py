"""Storage failures in one sentence: what happened to the workspace and what to do.

Every statement, commit and connection of a workspace engine passes its driver errors
through `translate` (an engine `handle_error` listener, see `engine.py`), so no caller ever
meets a driver traceback for a lock, a full disk, a read-only medium or a lost server.
Errors that are not about the storage itself (a constraint a command broke, a programming
error) are left as they are.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from glossator.store.errors import (
    DatabaseCorrupt,
    DiskFull,
    ReadOnlyWorkspace,
    StorageFailure,
    StorageUnavailable,
    StoreError,
    WorkspaceBusy,
)

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY = 5, 6, 7, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

NOT_SAVED = "nothing was saved by this step"


def sqlite_failure(exc: sqlite3.Error, where: str, busy_seconds: float) -> StoreError | None:
    """The StorageFailure an sqlite3 error stands for, or None when it is not one."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:  # very old drivers: the message is all there is
        code = _code_from_message(str(exc))
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return WorkspaceBusy(
            f"{where}: another program is writing to the workspace and did not finish within "
            f"{busy_seconds:g} s; {NOT_SAVED}. Try again in a moment."
        )
    if primary == SQLITE_FULL:
        return DiskFull(
            f"{where}: the disk is full; {NOT_SAVED}. Free some space and try again."
        )
    if primary == SQLITE_READONLY:
        return ReadOnlyWorkspace(
            f"{where}: the workspace cannot be written (a read-only medium, or no permission "
            f"to write it or its folder); {NOT_SAVED}. Copy it to a writable folder to change it."
        )
    if primary == SQLITE_NOMEM:
        return StorageUnavailable(f"{where}: out of memory; {NOT_SAVED}.")
    if primary in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return StorageUnavailable(
            f"{where}: the workspace file could not be read or written "
            f"({exc}); {NOT_SAVED}. Check the disk or network share and try again."
        )
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseCorrupt(
            f"{where}: the database is damaged ({exc}); {NOT_SAVED}. "
            "Run `glossator check`, and restore a backup if it reports problems."
        )
    return None


def _code_from_message(message: str) -> int | None:
    text = message.lower()
    for needle, code in (
        ("database is locked", SQLITE_BUSY),
        ("database or disk is full", SQLITE_FULL),
        ("readonly database", SQLITE_READONLY),
        ("disk i/o error", SQLITE_IOERR),
        ("unable to open database", SQLITE_CANTOPEN),
        ("malformed", SQLITE_CORRUPT),
        ("not a database", SQLITE_NOTADB),
    ):
        if needle in text:
            return code
    return None


def server_failure(exc: BaseException, where: str) -> StorageFailure | None:
    """A database server's error (SQLSTATE classes) as a StorageFailure, or None."""
    state = str(getattr(exc, "sqlstate", "") or "")
    if state.startswith("53"):
        return DiskFull(
            f"{where}: the database server is out of disk space or memory ({state}); "
            f"{NOT_SAVED}. Ask its administrator, then try again."
        )
    if state in ("55P03", "40P01", "40001"):
        return WorkspaceBusy(
            f"{where}: another user's change held the rows this step needs; {NOT_SAVED}. "
            "Try again in a moment."
        )
    if state == "25006":
        return ReadOnlyWorkspace(
            f"{where}: the database server only allows reading; {NOT_SAVED}."
        )
    if state.startswith("08") or state.startswith("57P"):
        return StorageUnavailable(
            f"{where}: the database server cannot be reached ({state}); {NOT_SAVED}. "
            "Check the network and try again."
        )
    return None


def translate(original: BaseException, where: str, busy_seconds: float,
              connection_failed: bool = False) -> StoreError | None:
    """What a driver error means for the user, or None to let it through unchanged."""
    if isinstance(original, sqlite3.Error):
        return sqlite_failure(original, where, busy_seconds)
    found = server_failure(original, where)
    if found is None and connection_failed:
        return StorageUnavailable(
            f"{where}: cannot connect to the database ({_first_line(original)}); {NOT_SAVED}."
        )
    return found


def _first_line(exc: BaseException) -> str:
    from glossator.store.credentials import mask_text

    text = mask_text(str(exc).strip())
    return text.splitlines()[0] if text else type(exc).__name__


def handle_error_listener(where: str, busy_seconds: float) -> Any:
    """An engine `handle_error` listener that raises StorageFailures in place of driver
    errors (the statement's transaction is rolled back by SQLAlchemy as usual)."""

    def listener(context: Any) -> StoreError | None:
        original = context.original_exception
        return translate(original, where, busy_seconds, context.connection is None)

    return listener
