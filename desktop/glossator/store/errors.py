"""Errors the storage layer raises, each with one clear sentence for the user."""

from __future__ import annotations


class StoreError(Exception):
    """A database could not be opened or changed; the message says why."""


class DatabaseCorrupt(StoreError):
    """The integrity check failed; nothing was written."""


class NotAWorkspace(StoreError):
    """The file is not a SQLite database, or not one of ours."""


class NewerSchema(StoreError):
    """The database was written by a newer Glossator; it is refused, not changed."""


class MigrationFailed(StoreError):
    """A schema upgrade failed and was rolled back; the database is as it was."""


class StorageFailure(StoreError):
    """The database could not be read or written just now (a lock, a full disk, a read-only
    medium, an unreachable server). The transaction was rolled back: nothing was half
    written. `transient` failures may succeed when tried again (the window keeps the edit
    and retries); the others need the user to act first."""

    transient = False


class WorkspaceBusy(StorageFailure):
    """Another program held the write lock past the busy timeout."""

    transient = True


class DiskFull(StorageFailure):
    """The disk (or the server's) has no room for the change."""

    transient = True


class StorageUnavailable(StorageFailure):
    """An I/O error, a file that cannot be opened, or a server that cannot be reached."""

    transient = True


class ReadOnlyWorkspace(StorageFailure):
    """The workspace is on a read-only medium or may not be written by this user."""
