"""Switching the acting reviewer, as a command: the name is registered (once) and the switch
is recorded in the history like every other action, so who acted when can be read back."""

from __future__ import annotations

from sqlalchemy import select

from glossator.services.commands import Change, Command, CommandError, Context
from glossator.store.models import ReviewerRow


def reviewer_name(name: str) -> str:
    """The name as it is kept: inner runs of white space folded, the ends trimmed."""
    name = " ".join(name.split())
    if not name:
        raise CommandError("A reviewer needs a name")
    return name


class SwitchReviewer(Command):
    """From `previous` (None: nobody yet) to `name`; revert records the way back."""

    label = "switch reviewer"

    def __init__(self, name: str, previous: str | None) -> None:
        self.name = reviewer_name(name)
        self.previous = previous

    def _record(self, ctx: Context, old: str | None, new: str | None) -> None:
        ctx.record("SwitchReviewer", "reviewer", new or "", {"name": old}, {"name": new})

    def apply(self, ctx: Context) -> Change:
        session = ctx.session
        if session.scalar(select(ReviewerRow.id).where(ReviewerRow.name == self.name)) is None:
            session.add(ReviewerRow(name=self.name))
            session.flush()
        self._record(ctx, self.previous, self.name)
        return Change(f"Reviewing as {self.name}")

    def revert(self, ctx: Context) -> Change:
        self._record(ctx, self.name, self.previous)
        return Change(f"Reviewing as {self.previous or 'nobody'}")
