"""The command pattern every data change goes through.

A command applies in one transaction and can be reverted in one transaction; both
return a `Change` that says what changed, and both leave a history event. The UI
wraps commands in a QUndoCommand; the CLI and the tests run them directly.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from glossator.store.models import HistoryRow


class CommandError(Exception):
    """A command cannot be applied; the message is one sentence for the user."""


@dataclass(frozen=True, slots=True)
class Change:
    """What a command changed, so views refresh only what they must."""

    message: str
    reports: frozenset[int] = frozenset()
    reports_removed: frozenset[int] = frozenset()
    annotations: frozenset[str] = frozenset()
    annotations_removed: frozenset[str] = frozenset()
    codebook: bool = False

    @property
    def library(self) -> bool:
        return bool(self.reports or self.reports_removed)


@dataclass
class Context:
    """What a command sees while it runs: the session of its transaction and who acts."""

    session: Session
    reviewer: str | None
    action: str = "apply"
    events: list[HistoryRow] = field(default_factory=list)

    def record(
        self,
        command: str,
        entity: str,
        entity_id: object,
        old: dict[str, Any] | None,
        new: dict[str, Any] | None,
    ) -> None:
        row = HistoryRow(
            reviewer=self.reviewer,
            command=command,
            action=self.action,
            entity=entity,
            entity_id=str(entity_id),
            old=old,
            new=new,
        )
        self.session.add(row)
        self.events.append(row)


class Command(ABC):
    """One user action. `apply` and `revert` may be called alternately, any number of times."""

    #: Shown in the Edit menu: "Undo <label>".
    label: str = "change"

    @abstractmethod
    def apply(self, ctx: Context) -> Change: ...

    @abstractmethod
    def revert(self, ctx: Context) -> Change: ...
