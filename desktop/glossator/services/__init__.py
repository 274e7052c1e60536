"""Use cases: the Workspace and one command per user action. CLI, UI and tests go through here.

The storage errors are re-exported so that the window and the command line can tell a
storage failure (a sentence to show; a transient one worth retrying) without importing
the storage layer.

The names below are imported when first asked for, not with the package: a light module of
it (the library's first list, the values) must not pull in the ORM and every command, which
is most of the program's start-up time.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glossator.services.command_errors import PermissionRefused
    from glossator.services.commands import Change, Command, CommandError
    from glossator.services.conflicts import Conflict, ConflictError
    from glossator.services.workspace import ReportNotFound, Workspace
    from glossator.store.errors import StorageFailure, StoreError

_WHERE = {
    "Change": "glossator.services.commands",
    "Command": "glossator.services.commands",
    "CommandError": "glossator.services.commands",
    "Conflict": "glossator.services.conflicts",
    "ConflictError": "glossator.services.conflicts",
    "PermissionRefused": "glossator.services.command_errors",
    "ReportNotFound": "glossator.services.workspace",
    "Workspace": "glossator.services.workspace",
    "StorageFailure": "glossator.store.errors",
    "StoreError": "glossator.store.errors",
}

__all__ = [
    "Change", "Command", "CommandError", "Conflict", "ConflictError", "PermissionRefused",
    "ReportNotFound", "StorageFailure", "StoreError", "Workspace",
]


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(where), name)
    globals()[name] = value
    return value
