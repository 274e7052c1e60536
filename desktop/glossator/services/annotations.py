"""Commands on annotations: add and delete (editing is in annotation_edit, re-exported here)."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Sequence

from sqlalchemy import insert, select

from glossator.services.annotation_edit import AnnotationFields, EditAnnotation
from glossator.services.annotation_rows import (
    STATUSES,
    annotation_row,
    reviewer_id,
    set_links,
    span_context,
)
from glossator.services.annotation_values import new_annotation_view
from glossator.services.commands import Change, Command, CommandError, Context
from glossator.services.review_rules import may_delete
from glossator.services.stances import StanceSpec, resolve_speaker, resolve_stances, set_stances
from glossator.services.values import AnnotationView
from glossator.store.models import (
    AnnotationFootnoteRow,
    AnnotationRow,
    AnnotationTagRow,
    FootnoteRow,
    table_of,
    utcnow,
)
from glossator.store.snapshot import Snapshot, delete_annotation_rows, restore, snapshot_annotations

__all__ = [
    "STATUSES",
    "AddAnnotation",
    "AnnotationFields",
    "DeleteAnnotations",
    "EditAnnotation",
    "reviewer_id",
    "span_context",
]


class AddAnnotation(Command):
    """Highlight a span of a report, with tags, a note and the footnotes it cites."""

    label = "add highlight"

    def __init__(
        self,
        report_id: int,
        start: int,
        end: int,
        *,
        tag_ids: Sequence[int] = (),
        note: str = "",
        cites: Sequence[str] | None = None,
        status: str = "proposed",
        uuid: str | None = None,
        speaker: int | str | None = None,
        stances: Sequence[StanceSpec] = (),
    ) -> None:
        if start >= end:
            raise CommandError("Select some text to highlight first")
        if status not in STATUSES:
            raise CommandError(f"Unknown status {status!r}")
        self.report_id, self.start, self.end = report_id, start, end
        self.tag_ids, self.note, self.cites, self.status = tuple(tag_ids), note, cites, status
        self.uuid = uuid or str(uuidlib.uuid4())
        self.speaker, self.stances = speaker, tuple(stances)
        self._snapshot: Snapshot | None = None

    def apply(self, ctx: Context) -> Change:
        views: tuple[AnnotationView, ...] = ()
        key = ("annotations", self.uuid)
        if self._snapshot is not None:  # redo: it must still be gone, then comes back
            ctx.guard.check(self, [key])
            restore(ctx.session, self._snapshot)
            ctx.guard.touch(self, [key])
        else:
            views = self._insert(ctx)
            ctx.guard.created(self, [key])
        ctx.record(
            "AddAnnotation",
            "annotation",
            self.uuid,
            None,
            {
                "report": self.report_id,
                "start": self.start,
                "end": self.end,
                "tags": list(self.tag_ids),
                "note": self.note,
            },
        )
        return Change(
            "Annotation saved",
            annotations=frozenset({self.uuid}),
            reports=frozenset({self.report_id}),
            views=views,
        )

    def _insert(self, ctx: Context) -> tuple[AnnotationView, ...]:
        """Insert the annotation; its value when it is simple enough to build here (no
        speaker or stances: the keypress path)."""
        quote, prefix, suffix = span_context(ctx, self.report_id, self.start, self.end)
        now = utcnow()
        speaker = resolve_speaker(ctx, self.speaker) if self.speaker is not None else None
        row_id = ctx.core.scalar(  # a Core insert: no ORM object for the hot path
            insert(table_of(AnnotationRow))
            .values(
                uuid=self.uuid,
                report_id=self.report_id,
                author_id=reviewer_id(ctx, ctx.reviewer),
                start=self.start,
                end=self.end,
                quote=quote,
                prefix=prefix,
                suffix=suffix,
                speaker_id=speaker,
                note=self.note,
                status=self.status,
                orphaned=False,
                created_at=now,
                modified_at=now,
            )
            .returning(table_of(AnnotationRow).c.id)
        )
        assert row_id is not None
        set_links(ctx, row_id, AnnotationTagRow, "tag_id", self.tag_ids, new=True)
        if self.stances:
            set_stances(ctx, row_id, resolve_stances(ctx, self.stances))
        cited: list[str] = []
        if self.cites:
            notes = ctx.core.execute(
                select(FootnoteRow.id, FootnoteRow.label)
                .where(FootnoteRow.report_id == self.report_id, FootnoteRow.label.in_(self.cites))
                .order_by(FootnoteRow.start)
            ).all()
            set_links(ctx, row_id, AnnotationFootnoteRow, "footnote_id", [n.id for n in notes],
                       new=True)
            cited = [n.label for n in notes]
        if speaker is not None or self.stances:
            return ()
        view = new_annotation_view(
            ctx,
            uuid=self.uuid,
            report_id=self.report_id,
            span=(self.start, self.end),
            context=(quote, prefix, suffix),
            tag_ids=self.tag_ids,
            note=self.note,
            cites=cited,
            status=self.status,
            when=now,
        )
        return (view,)

    def revert(self, ctx: Context) -> Change:
        key = ("annotations", self.uuid)
        ctx.guard.check(self, [key])
        row = annotation_row(ctx, self.uuid)
        ctx.access.require_owner_or(row.author_id)
        self._snapshot = snapshot_annotations(ctx.session, [row.id])
        delete_annotation_rows(ctx.session, [row.id])
        ctx.guard.touch(self, [key])
        ctx.record("AddAnnotation", "annotation", self.uuid, {"report": self.report_id}, None)
        return Change(
            "Highlight removed",
            annotations_removed=frozenset({self.uuid}),
            reports=frozenset({self.report_id}),
        )


class DeleteAnnotations(Command):
    """Delete one or more annotations; undo restores them with their ids, links and reviews."""

    label = "delete highlight"

    def __init__(self, uuids: Sequence[str]) -> None:
        if not uuids:
            raise CommandError("Nothing is selected")
        self.uuids = tuple(uuids)
        self._snapshot: Snapshot | None = None
        self.report_ids: frozenset[int] = frozenset()

    def apply(self, ctx: Context) -> Change:
        keys = [("annotations", u) for u in self.uuids]
        ctx.guard.check(self, keys)
        rows = [annotation_row(ctx, u) for u in self.uuids]
        for r in rows:
            may_delete(ctx, r.id, r.author_id)
        self.report_ids = frozenset(r.report_id for r in rows)
        self._snapshot = snapshot_annotations(ctx.session, [r.id for r in rows])
        for r in rows:
            ctx.record(
                "DeleteAnnotations",
                "annotation",
                r.uuid,
                {"report": r.report_id, "start": r.start, "end": r.end, "quote": r.quote[:200]},
                None,
            )
            ctx.session.expunge(r)
        delete_annotation_rows(ctx.session, [r.id for r in rows])
        ctx.guard.touch(self, keys)
        noun = "highlight" if len(rows) == 1 else f"{len(rows)} highlights"
        return Change(
            f"Deleted {noun}", annotations_removed=frozenset(self.uuids), reports=self.report_ids
        )

    def revert(self, ctx: Context) -> Change:
        assert self._snapshot is not None
        keys = [("annotations", u) for u in self.uuids]
        ctx.guard.check(self, keys)  # still gone (nobody can bring them back but us)
        restore(ctx.session, self._snapshot)
        ctx.guard.touch(self, keys)
        for u in self.uuids:
            ctx.record("DeleteAnnotations", "annotation", u, None, {"restored": True})
        return Change(
            "Highlight restored", annotations=frozenset(self.uuids), reports=self.report_ids
        )
