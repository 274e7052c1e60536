"""The stance scale: labels added, renamed, moved and deleted by undoable commands.

A label in use may be renamed (every stance follows, since stances point at the label's
row) or deleted with its stances; undo brings the label and every stance back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from glossator.core.names import name_key
from glossator.core.permissions import Action
from glossator.services.commands import Change, CommandError, Context, StateCommand
from glossator.store.models import AnnotationStanceRow, StanceLabelRow
from glossator.store.snapshot import Scope, part

if TYPE_CHECKING:
    from glossator.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class StanceLabelFields:
    name: str
    description: str = ""
    has_intensity: bool = False


class SaveStanceLabel(StateCommand):
    """Add a label at the end of the scale, or change one (name, description, intensity)."""

    requires = Action.CODEBOOK

    def __init__(self, fields: StanceLabelFields, label_id: int | None = None) -> None:
        super().__init__()
        name = " ".join(fields.name.split())
        if not name:
            raise CommandError("A stance label needs a name")
        self.fields, self.label_id, self.name = fields, label_id, name
        self.label = f"{'add' if label_id is None else 'edit'} stance label \u201c{name}\u201d"

    def scope(self, ctx: Context) -> Scope:
        if self.label_id is None:  # the new row is the only one whose name is this one
            return (part(StanceLabelRow, StanceLabelRow.name == self.name),)
        return (part(StanceLabelRow, StanceLabelRow.id == self.label_id),)

    def change(self, ctx: Context) -> Change:
        s, f = ctx.session, self.fields
        for other_id, other in s.execute(select(StanceLabelRow.id, StanceLabelRow.name)):
            if name_key(other) == name_key(self.name) and other_id != self.label_id:
                raise CommandError(f"The stance scale already has \u201c{other}\u201d")
        if self.label_id is None:
            order = (s.scalar(select(func.max(StanceLabelRow.sort_order))) or 0) + 1
            row = StanceLabelRow(name=self.name, sort_order=order)
            s.add(row)
        else:
            found = s.get(StanceLabelRow, self.label_id)
            if found is None:
                raise CommandError("That stance label no longer exists")
            row = found
        row.name, row.description, row.has_intensity = self.name, f.description, f.has_intensity
        s.flush()
        self.label_id = row.id
        ctx.record("SaveStanceLabel", "stance_label", row.id, None, {"name": row.name})
        return Change(
            f"Saved stance label \u201c{self.name}\u201d",
            codebook=True,
            annotations=frozenset({"*"}),
        )


class MoveStanceLabel(StateCommand):
    """Move a label one place up (-1) or down (+1) the scale."""

    requires = Action.CODEBOOK

    def __init__(self, label_id: int, step: int) -> None:
        super().__init__()
        if step not in (-1, 1):
            raise CommandError("A label moves one place at a time")
        self.label_id, self.step = label_id, step
        self.label = "move stance label"

    def scope(self, ctx: Context) -> Scope:
        return (part(StanceLabelRow, StanceLabelRow.id.is_not(None), owned=False),)

    def change(self, ctx: Context) -> Change:
        rows = list(
            ctx.session.scalars(
                select(StanceLabelRow).order_by(StanceLabelRow.sort_order, StanceLabelRow.id)
            )
        )
        at = next((i for i, r in enumerate(rows) if r.id == self.label_id), None)
        if at is None:
            raise CommandError("That stance label no longer exists")
        other = at + self.step
        if not 0 <= other < len(rows):
            raise CommandError("The label is already at that end of the scale")
        rows[at], rows[other] = rows[other], rows[at]
        for order, row in enumerate(rows, start=1):
            row.sort_order = order
        ctx.record("MoveStanceLabel", "stance_label", self.label_id, None, {"step": self.step})
        return Change(f"Moved stance label \u201c{rows[other].name}\u201d", codebook=True)


class DeleteStanceLabel(StateCommand):
    """Delete a label and the stances that use it; undo restores both."""

    requires = Action.CODEBOOK

    def __init__(self, label_id: int) -> None:
        super().__init__()
        self.label_id = label_id
        self.label = "delete stance label"

    def scope(self, ctx: Context) -> Scope:
        return (
            part(StanceLabelRow, StanceLabelRow.id == self.label_id),
            part(AnnotationStanceRow, AnnotationStanceRow.label_id == self.label_id),
        )

    def change(self, ctx: Context) -> Change:
        s = ctx.session
        row = s.get(StanceLabelRow, self.label_id)
        if row is None:
            raise CommandError("That stance label no longer exists")
        if s.scalar(select(func.count()).select_from(StanceLabelRow)) == 1:
            raise CommandError("The stance scale needs at least one label")
        name = row.name
        s.execute(delete(AnnotationStanceRow).where(AnnotationStanceRow.label_id == self.label_id))
        s.delete(row)
        ctx.record("DeleteStanceLabel", "stance_label", self.label_id, {"name": name}, None)
        return Change(
            f"Deleted stance label \u201c{name}\u201d",
            codebook=True,
            annotations=frozenset({"*"}),
        )


def label_uses(ws: Workspace) -> dict[int, int]:
    """Stances per label id."""
    col = AnnotationStanceRow.label_id
    with ws.db.session() as session:
        rows = session.execute(select(col, func.count()).group_by(col))
        return {int(k): int(v) for k, v in rows}
