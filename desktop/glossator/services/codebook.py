"""The workspace's codebook: tags, speakers, targets and stance labels in the database."""

from __future__ import annotations

import uuid as uuidlib

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from glossator.core.codebook import (
    Codebook,
    SpeakerDef,
    SpeakerKind,
    StanceLabelDef,
    TagDef,
    TargetDef,
)
from glossator.core.names import name_key
from glossator.core.permissions import Action
from glossator.services.commands import Change, Context, StateCommand
from glossator.store.models import (
    SpeakerAliasRow,
    SpeakerRow,
    StanceLabelRow,
    TagRow,
    TargetAliasRow,
    TargetRow,
)
from glossator.store.snapshot import Scope, part


def read_codebook(session: Session) -> Codebook:
    tags = list(session.scalars(select(TagRow).order_by(TagRow.sort_order, TagRow.id)))
    names = {t.id: t.name for t in tags}
    speaker_aliases: dict[int, list[str]] = {}
    for sid, alias in session.execute(
        select(SpeakerAliasRow.speaker_id, SpeakerAliasRow.alias).order_by(SpeakerAliasRow.id)
    ):
        speaker_aliases.setdefault(sid, []).append(alias)
    target_aliases: dict[int, list[str]] = {}
    for tid, alias in session.execute(
        select(TargetAliasRow.target_id, TargetAliasRow.alias).order_by(TargetAliasRow.id)
    ):
        target_aliases.setdefault(tid, []).append(alias)
    return Codebook(
        tags=tuple(
            TagDef(
                t.name,
                names.get(t.parent_id) if t.parent_id else None,
                t.color,
                t.shortcut,
                t.description,
            )
            for t in tags
        ),
        speakers=tuple(
            SpeakerDef(
                s.name,
                tuple(speaker_aliases.get(s.id, ())),
                SpeakerKind(s.kind),
                s.affiliation,
                s.role,
                s.description,
            )
            for s in session.scalars(select(SpeakerRow).order_by(SpeakerRow.name))
        ),
        targets=tuple(
            TargetDef(t.name, tuple(target_aliases.get(t.id, ())), t.description)
            for t in session.scalars(select(TargetRow).order_by(TargetRow.name))
        ),
        stance_labels=tuple(
            StanceLabelDef(s.name, s.description, s.has_intensity)
            for s in session.scalars(
                select(StanceLabelRow).order_by(StanceLabelRow.sort_order, StanceLabelRow.id)
            )
        ),
    )


def _merge_tags(session: Session, tags: tuple[TagDef, ...]) -> None:
    rows = list(session.scalars(select(TagRow)))
    by_key = {name_key(r.name): r for r in rows}
    order = max((r.sort_order for r in rows), default=0)
    taken = {r.shortcut for r in rows if r.shortcut}
    for tag in tags:  # parents first: the definitions list them before their children
        row = by_key.get(name_key(tag.name))
        parent = by_key.get(name_key(tag.parent)) if tag.parent else None
        if row is None:
            order += 1
            shortcut = tag.shortcut if tag.shortcut not in taken else None
            row = TagRow(
                uuid=str(uuidlib.uuid4()),
                name=tag.name,
                color=tag.color,
                shortcut=shortcut,
                description=tag.description,
                sort_order=order,
                parent_id=parent.id if parent else None,
            )
            session.add(row)
            session.flush()
            by_key[name_key(tag.name)] = row
            if shortcut:
                taken.add(shortcut)
        elif not row.description and tag.description:
            row.description = tag.description


def _merge_named(
    session: Session,
    model: type[SpeakerRow] | type[TargetRow],
    alias_model: type[SpeakerAliasRow] | type[TargetAliasRow],
    defs: tuple[SpeakerDef, ...] | tuple[TargetDef, ...],
) -> None:
    found: list[SpeakerRow | TargetRow] = list(session.scalars(select(model)))
    rows = {name_key(r.name): r for r in found}
    fk = "speaker_id" if model is SpeakerRow else "target_id"
    for d in defs:
        row: SpeakerRow | TargetRow | None = rows.get(name_key(d.name))
        if row is None:
            row = model(uuid=str(uuidlib.uuid4()), name=d.name, description=d.description)
            session.add(row)
            rows[name_key(d.name)] = row
        if isinstance(d, SpeakerDef) and isinstance(row, SpeakerRow):
            row.kind = d.kind.value
            row.affiliation = row.affiliation or d.affiliation
            row.role = row.role or d.role
        row.description = row.description or d.description
        session.flush()
        existing = {
            name_key(a)
            for a in session.scalars(
                select(alias_model.alias).where(getattr(alias_model, fk) == row.id)
            )
        }
        for alias in d.aliases:
            if name_key(alias) not in existing and name_key(alias) != name_key(d.name):
                session.add(alias_model(**{fk: row.id, "alias": alias}))
                existing.add(name_key(alias))


def merge_codebook(session: Session, codebook: Codebook) -> None:
    """Add what the codebook has and the workspace lacks; nothing is removed or renamed."""
    _merge_tags(session, codebook.tags)
    _merge_named(session, SpeakerRow, SpeakerAliasRow, codebook.speakers)
    _merge_named(session, TargetRow, TargetAliasRow, codebook.targets)
    known = {name_key(n) for n in session.scalars(select(StanceLabelRow.name))}
    order = session.scalar(select(func.max(StanceLabelRow.sort_order))) or 0
    for label in codebook.stance_labels:
        if name_key(label.name) not in known:
            order += 1
            session.add(
                StanceLabelRow(
                    name=label.name,
                    description=label.description,
                    has_intensity=label.has_intensity,
                    sort_order=order,
                )
            )
            known.add(name_key(label.name))
    session.flush()


CODEBOOK_TABLES = (TagRow, SpeakerRow, SpeakerAliasRow, TargetRow, TargetAliasRow, StanceLabelRow)


class ImportCodebook(StateCommand):
    """Merge a codebook into the workspace; undo restores the codebook as it was (refused
    when someone has changed an entry since: see StateCommand)."""

    label = "import codebook"
    requires = Action.CODEBOOK

    def __init__(self, codebook: Codebook, source: str = "codebook") -> None:
        super().__init__()
        self.codebook, self.source = codebook, source

    def scope(self, ctx: Context) -> Scope:
        return tuple(part(model, True) for model in CODEBOOK_TABLES)

    def change(self, ctx: Context) -> Change:
        merge_codebook(ctx.session, self.codebook)
        ctx.record(
            "ImportCodebook",
            "codebook",
            self.source,
            None,
            {
                "tags": len(self.codebook.tags),
                "speakers": len(self.codebook.speakers),
                "targets": len(self.codebook.targets),
            },
        )
        return Change(f"Codebook merged from {self.source}", codebook=True)

    def undo_change(self) -> Change:
        return Change("Codebook restored", codebook=True)
