"""Speakers and targets: named entries with aliases, created, edited, merged and deleted
by undoable commands that keep every annotation that uses them."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from glossator.core.names import name_key
from glossator.core.permissions import Action
from glossator.services.commands import Change, CommandError, Context, StateCommand
from glossator.store.models import (
    AnnotationRow,
    AnnotationStanceRow,
    SpeakerAliasRow,
    SpeakerRow,
    TargetAliasRow,
    TargetRow,
)
from glossator.store.snapshot import Scope, part

Entity = SpeakerRow | TargetRow


@dataclass(frozen=True, slots=True)
class Kind:
    """What differs between speakers and targets."""

    noun: str
    model: type[Any]  # SpeakerRow | TargetRow (a union confuses the ORM's typing)
    alias_model: type[Any]  # SpeakerAliasRow | TargetAliasRow
    fk: str


SPEAKERS = Kind("speaker", SpeakerRow, SpeakerAliasRow, "speaker_id")
TARGETS = Kind("target", TargetRow, TargetAliasRow, "target_id")


def aliases_of(session: Session, kind: Kind, entity_id: int) -> list[str]:
    fk = getattr(kind.alias_model, kind.fk)
    stmt = select(kind.alias_model.alias).where(fk == entity_id).order_by(kind.alias_model.id)
    return list(session.scalars(stmt))


def resolve(session: Session, kind: Kind, name: str) -> Entity | None:
    """The entry whose name or one of whose aliases matches `name` (case, accents, quotes aside)."""
    key = name_key(name)
    rows: list[Entity] = list(session.scalars(select(kind.model)))
    for row in rows:
        if name_key(row.name) == key:
            return row
    fk = getattr(kind.alias_model, kind.fk)
    for entity_id, alias in session.execute(select(fk, kind.alias_model.alias)):
        if name_key(alias) == key:
            found: Entity | None = session.get(kind.model, entity_id)
            return found
    return None


def _check_names(
    session: Session, kind: Kind, name: str, aliases: Sequence[str], own_id: int | None
) -> None:
    for candidate in (name, *aliases):
        found = resolve(session, kind, candidate)
        if found is not None and found.id != own_id:
            raise CommandError(
                f"\u201c{candidate}\u201d is already the {kind.noun} "
                f"\u201c{found.name}\u201d (or one of its aliases)"
            )


@dataclass(frozen=True, slots=True)
class EntryFields:
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    kind: str = "person"  # speakers only: person | group
    affiliation: str = ""
    role: str = ""


class SaveEntry(StateCommand):
    """Create a speaker or target, or change one (rename, aliases, details)."""

    requires = Action.CODEBOOK

    def __init__(self, kind: Kind, fields: EntryFields, entry_id: int | None = None) -> None:
        super().__init__()
        name = " ".join(fields.name.split())
        if not name:
            raise CommandError(f"A {kind.noun} needs a name")
        if fields.kind not in ("person", "group"):
            raise CommandError("A speaker is a person or a group")
        aliases = tuple(
            dict.fromkeys(
                a
                for a in (" ".join(x.split()) for x in fields.aliases)
                if a and name_key(a) != name_key(name)
            )
        )
        self.entry, self.fields, self.entry_id = kind, fields, entry_id
        self.name, self.aliases = name, aliases
        self.uuid = str(uuidlib.uuid4())
        self.label = f"{'add' if entry_id is None else 'edit'} {kind.noun} \u201c{name}\u201d"

    def scope(self, ctx: Context) -> Scope:
        k = self.entry
        if self.entry_id is None:
            row_where = k.model.uuid == self.uuid
            ids = select(k.model.id).where(row_where).scalar_subquery()
        else:
            row_where = k.model.id == self.entry_id
            ids = select(k.model.id).where(row_where).scalar_subquery()
        return (part(k.model, row_where), part(k.alias_model, getattr(k.alias_model, k.fk) == ids))

    def change(self, ctx: Context) -> Change:
        k, s = self.entry, ctx.session
        _check_names(s, k, self.name, self.aliases, self.entry_id)
        if self.entry_id is None:
            row: Entity = k.model(uuid=self.uuid, name=self.name)
            s.add(row)
        else:
            found = s.get(k.model, self.entry_id)
            if found is None:
                raise CommandError(f"That {k.noun} no longer exists")
            row = found
            row.name = self.name
        row.description = self.fields.description
        if isinstance(row, SpeakerRow):
            row.kind, row.affiliation, row.role = (
                self.fields.kind,
                self.fields.affiliation,
                self.fields.role,
            )
        s.flush()
        self.entry_id = row.id
        s.execute(delete(k.alias_model).where(getattr(k.alias_model, k.fk) == row.id))
        for alias in self.aliases:
            s.add(k.alias_model(**{k.fk: row.id, "alias": alias}))
        ctx.record(
            type(self).__name__,
            k.noun,
            row.id,
            None,
            {"name": self.name, "aliases": list(self.aliases)},
        )
        return Change(f"Saved {k.noun} \u201c{self.name}\u201d", codebook=True)


def _uses(kind: Kind, ids: Sequence[int]) -> Scope:
    if kind is SPEAKERS:
        return (part(AnnotationRow, AnnotationRow.speaker_id.in_(ids), owned=False),)
    return (part(AnnotationStanceRow, AnnotationStanceRow.target_id.in_(ids)),)


class MergeEntries(StateCommand):
    """Fold one speaker (or target) into another: its name becomes an alias, its uses move."""

    requires = Action.CODEBOOK

    def __init__(self, kind: Kind, source_id: int, into_id: int) -> None:
        super().__init__()
        if source_id == into_id:
            raise CommandError(f"Choose two different {kind.noun}s to merge")
        self.entry, self.source_id, self.into_id = kind, source_id, into_id
        self.label = f"merge {kind.noun}s"

    def scope(self, ctx: Context) -> Scope:
        k, ids = self.entry, [self.source_id, self.into_id]
        return (
            part(k.model, k.model.id.in_(ids)),
            part(k.alias_model, getattr(k.alias_model, k.fk).in_(ids)),
            *_uses(k, ids),
        )

    def change(self, ctx: Context) -> Change:
        k, s = self.entry, ctx.session
        source, into = s.get(k.model, self.source_id), s.get(k.model, self.into_id)
        if source is None or into is None:
            raise CommandError(f"That {k.noun} no longer exists")
        known = {name_key(into.name), *(name_key(a) for a in aliases_of(s, k, into.id))}
        moved = [a for a in (source.name, *aliases_of(s, k, source.id)) if name_key(a) not in known]
        if k is SPEAKERS:
            s.execute(
                update(AnnotationRow)
                .where(AnnotationRow.speaker_id == source.id)
                .values(speaker_id=into.id)
            )
        else:  # one stance per annotation and target: the kept target's stance wins
            taken = select(AnnotationStanceRow.annotation_id).where(
                AnnotationStanceRow.target_id == into.id
            )
            s.execute(
                delete(AnnotationStanceRow).where(
                    AnnotationStanceRow.target_id == source.id,
                    AnnotationStanceRow.annotation_id.in_(taken),
                )
            )
            s.execute(
                update(AnnotationStanceRow)
                .where(AnnotationStanceRow.target_id == source.id)
                .values(target_id=into.id)
            )
        s.execute(delete(k.alias_model).where(getattr(k.alias_model, k.fk) == source.id))
        s.delete(source)
        s.flush()
        for alias in dict.fromkeys(moved):
            s.add(k.alias_model(**{k.fk: into.id, "alias": alias}))
        ctx.record(
            type(self).__name__, k.noun, into.id, {"merged": source.name}, {"into": into.name}
        )
        return Change(
            f"Merged \u201c{source.name}\u201d into \u201c{into.name}\u201d",
            codebook=True,
            annotations=frozenset({"*"}),
        )


class DeleteEntry(StateCommand):
    """Delete a speaker (annotations keep their text, lose the speaker) or a target
    (its stances go). Undo restores both the entry and every use."""

    requires = Action.CODEBOOK

    def __init__(self, kind: Kind, entry_id: int) -> None:
        super().__init__()
        self.entry, self.entry_id = kind, entry_id
        self.label = f"delete {kind.noun}"

    def scope(self, ctx: Context) -> Scope:
        k, ids = self.entry, [self.entry_id]
        return (
            part(k.model, k.model.id == self.entry_id),
            part(k.alias_model, getattr(k.alias_model, k.fk) == self.entry_id),
            *_uses(k, ids),
        )

    def change(self, ctx: Context) -> Change:
        k, s = self.entry, ctx.session
        row = s.get(k.model, self.entry_id)
        if row is None:
            raise CommandError(f"That {k.noun} no longer exists")
        name = row.name
        s.delete(row)
        ctx.record(type(self).__name__, k.noun, self.entry_id, {"name": name}, None)
        return Change(
            f"Deleted {k.noun} \u201c{name}\u201d", codebook=True, annotations=frozenset({"*"})
        )


def use_counts(session: Session, kind: Kind) -> dict[int, int]:
    if kind is SPEAKERS:
        col = AnnotationRow.speaker_id
        stmt = select(col, func.count()).where(col.is_not(None)).group_by(col)
    else:
        col = AnnotationStanceRow.target_id
        stmt = select(col, func.count()).group_by(col)
    return {int(k or 0): int(v) for k, v in session.execute(stmt)}


def entries_matching(session: Session, kind: Kind, names: Sequence[str]) -> list[Entity]:
    keys = {name_key(n) for n in names}
    fk = getattr(kind.alias_model, kind.fk)
    alias_ids = {
        i for i, a in session.execute(select(fk, kind.alias_model.alias)) if name_key(a) in keys
    }
    return [
        r
        for r in session.scalars(
            select(kind.model).where(
                or_(kind.model.id.in_(alias_ids), kind.model.name.in_(list(names)))
            )
        )
        if r.id in alias_ids or name_key(r.name) in keys
    ]
