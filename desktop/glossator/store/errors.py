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
