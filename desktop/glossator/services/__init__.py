"""Use cases: the Workspace and one command per user action. CLI, UI and tests go through here."""

from glossator.services.commands import Change, Command, CommandError
from glossator.services.workspace import ReportNotFound, Workspace

__all__ = ["Change", "Command", "CommandError", "ReportNotFound", "Workspace"]
