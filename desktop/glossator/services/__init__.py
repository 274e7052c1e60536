"""Use cases: the Workspace and one command per user action. CLI, UI and tests go through here.

The storage errors are re-exported so that the window and the command line can tell a
storage failure (a sentence to show; a transient one worth retrying) without importing
the storage layer.
"""

from glossator.services.command_errors import PermissionRefused
from glossator.services.commands import Change, Command, CommandError
from glossator.services.conflicts import Conflict, ConflictError
from glossator.services.workspace import ReportNotFound, Workspace
from glossator.store.errors import StorageFailure, StoreError

__all__ = [
    "Change", "Command", "CommandError", "Conflict", "ConflictError", "PermissionRefused",
    "ReportNotFound", "StorageFailure", "StoreError", "Workspace",
]
