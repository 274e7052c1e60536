"""Tags of the codebook: create, edit, merge and delete, keeping every annotation's tags."""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from glossator.core.codebook import is_color
from glossator.core.names import name_key
from glossator.core.permissions import Action
from glossator.services.commands import Change, CommandError, Context, StateCommand
from glossator.store.models import AnnotationTagRow, TagRow
from glossator.store.snapshot import Scope, part

if TYPE_CHECKING:
    from glossator.services.workspace import Workspace



@dataclass(frozen=True, slots=True)
class TagFields:
    name: str
    parent_id: int | None = None
    color: str = "#ffd966"
    shortcut: str | None = None
    description: str = ""


def descendants(session: Session, tag_id: int) -> list[int]:
    parents = {int(i): p for i, p in session.execute(select(TagRow.id, TagRow.parent_id))}
    found, frontier = [tag_id], [tag_id]
    while frontier:
        frontier = [t for t, p in parents.items() if p in frontier and t not in found]
        found.extend(frontier)
    return found


class SaveTag(StateCommand):
    """Create a tag or change one; a shortcut key moves from any tag that had it."""

    requires = Action.CODEBOOK

    def __init__(self, fields: TagFields, tag_id: int | None = None) -> None:
        super().__init__()
        name = " ".join(fields.name.split())
        if not name:
            raise CommandError("A tag needs a name")
        if not is_color(fields.color):
            raise CommandError(f"{fields.color!r} is not a colour like #ffd966")
        if fields.shortcut is not None and fields.shortcut not in tuple("123456789"):
            raise CommandError("A tag's shortcut is one of the keys 1 to 9")
        self.fields, self.tag_id, self.name = fields, tag_id, name
        self.uuid = str(uuidlib.uuid4())
        self.label = f"{'add' if tag_id is None else 'edit'} tag \u201c{name}\u201d"

    def scope(self, ctx: Context) -> Scope:
        mine = TagRow.uuid == self.uuid if self.tag_id is None else TagRow.id == self.tag_id
        touched = (
            mine
            if self.fields.shortcut is None
            else ((TagRow.shortcut == self.fields.shortcut) | mine)
        )
        return (part(TagRow, touched, owned=self.tag_id is None),)

    def change(self, ctx: Context) -> Change:
        s, f = ctx.session, self.fields
        if f.parent_id is not None:
            if s.get(TagRow, f.parent_id) is None:
                raise CommandError("The parent tag no longer exists")
            if self.tag_id is not None and f.parent_id in descendants(s, self.tag_id):
                raise CommandError("A tag cannot sit under itself or one of its children")
        clash = s.scalars(
            select(TagRow).where(
                TagRow.parent_id.is_(f.parent_id)
                if f.parent_id is None
                else TagRow.parent_id == f.parent_id
            )
        )
        for other in clash:
            if name_key(other.name) == name_key(self.name) and other.id != self.tag_id:
                raise CommandError(f"There is already a tag \u201c{other.name}\u201d there")
        if f.shortcut is not None:
            s.execute(update(TagRow).where(TagRow.shortcut == f.shortcut).values(shortcut=None))
        if self.tag_id is None:
            order = (s.scalar(select(func.max(TagRow.sort_order))) or 0) + 1
            row = TagRow(uuid=self.uuid, sort_order=order, name=self.name)
            s.add(row)
        else:
            found = s.get(TagRow, self.tag_id)
            if found is None:
                raise CommandError("That tag no longer exists")
            row = found
        row.name, row.parent_id, row.color = self.name, f.parent_id, f.color.lower()
        row.shortcut, row.description = f.shortcut, f.description
        s.flush()
        self.tag_id = row.id
        ctx.record("SaveTag", "tag", row.id, None, {"name": row.name, "color": row.color})
        return Change(f"Saved tag \u201c{self.name}\u201d", codebook=True)


class MergeTags(StateCommand):
    """Every annotation tagged with `source` gets `into` instead; children move up to `into`."""

    requires = Action.CODEBOOK

    def __init__(self, source_id: int, into_id: int) -> None:
        super().__init__()
        if source_id == into_id:
            raise CommandError("Choose two different tags to merge")
        self.source_id, self.into_id = source_id, into_id
        self.label = "merge tags"

    def scope(self, ctx: Context) -> Scope:
        ids = [self.source_id, self.into_id]
        return (
            part(TagRow, TagRow.id.in_(ids) | TagRow.parent_id.in_(ids)),
            part(AnnotationTagRow, AnnotationTagRow.tag_id.in_(ids)),
        )

    def change(self, ctx: Context) -> Change:
        s = ctx.session
        source, into = s.get(TagRow, self.source_id), s.get(TagRow, self.into_id)
        if source is None or into is None:
            raise CommandError("That tag no longer exists")
        if self.into_id in descendants(s, self.source_id):
            raise CommandError("A tag cannot be merged into one of its own children")
        has_into = select(AnnotationTagRow.annotation_id).where(AnnotationTagRow.tag_id == into.id)
        s.execute(
            delete(AnnotationTagRow).where(
                AnnotationTagRow.tag_id == source.id, AnnotationTagRow.annotation_id.in_(has_into)
            )
        )
        s.execute(
            update(AnnotationTagRow)
            .where(AnnotationTagRow.tag_id == source.id)
            .values(tag_id=into.id)
        )
        s.execute(update(TagRow).where(TagRow.parent_id == source.id).values(parent_id=into.id))
        if into.shortcut is None:
            into.shortcut = source.shortcut
        name = source.name
        s.delete(source)
        ctx.record("MergeTags", "tag", into.id, {"merged": name}, {"into": into.name})
        return Change(
            f"Merged tag \u201c{name}\u201d into \u201c{into.name}\u201d",
            codebook=True,
            annotations=frozenset({"*"}),
        )


class DeleteTag(StateCommand):
    """Delete a tag and its children; undo brings them back on every annotation."""

    requires = Action.CODEBOOK

    def __init__(self, tag_id: int) -> None:
        super().__init__()
        self.tag_id = tag_id
        self.label = "delete tag"

    def scope(self, ctx: Context) -> Scope:
        ids = descendants(ctx.session, self.tag_id)
        return (
            part(TagRow, TagRow.id.in_(ids)),
            part(AnnotationTagRow, AnnotationTagRow.tag_id.in_(ids)),
        )

    def change(self, ctx: Context) -> Change:
        row = ctx.session.get(TagRow, self.tag_id)
        if row is None:
            raise CommandError("That tag no longer exists")
        name = row.name
        ctx.session.delete(row)
        ctx.record("DeleteTag", "tag", self.tag_id, {"name": name}, None)
        return Change(
            f"Deleted tag \u201c{name}\u201d", codebook=True, annotations=frozenset({"*"})
        )


def tag_use_counts(session: Session) -> dict[int, int]:
    stmt = select(AnnotationTagRow.tag_id, func.count()).group_by(AnnotationTagRow.tag_id)
    return {int(k): int(v) for k, v in session.execute(stmt)}


def tag_uses(ws: Workspace) -> dict[int, int]:
    """Annotations per tag id."""
    with ws.db.session() as session:
        return tag_use_counts(session)
