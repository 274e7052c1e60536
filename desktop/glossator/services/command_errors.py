"""The error every command raises when it cannot be applied (re-exported by commands)."""

from __future__ import annotations


class CommandError(Exception):
    """A command cannot be applied; the message is one sentence for the user."""


class PermissionRefused(CommandError):
    """The acting reviewer's role does not allow this (see core/permissions.py)."""
