"""Editing an annotation: some of its fields changed, the old values kept for undo."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from glossator.services.annotation_rows import STATUSES, annotation_row, set_links, span_context
from glossator.services.commands import Change, Command, CommandError, Context
from glossator.services.stances import StanceSpec, resolve_stances, set_stances
from glossator.store.models import (
    AnnotationFootnoteRow,
    AnnotationRow,
    AnnotationStanceRow,
    AnnotationTagRow,
    FootnoteRow,
)


@dataclass(frozen=True, slots=True)
class AnnotationFields:
    """The editable fields of an annotation; None means "leave as it is"."""

    tag_ids: tuple[int, ...] | None = None
    note: str | None = None
    span: tuple[int, int] | None = None
    status: str | None = None
    speaker_id: int | bool | None = False  # False: unchanged; None: clear
    cites: tuple[str, ...] | None = None
    stances: tuple[StanceSpec, ...] | None = None
    #: With `span`: the quote, prefix, suffix and orphaned flag to write as they are
    #: (undo of a span change); None: read them from the text at the new span.
    anchor: tuple[str, str, str, bool] | None = None


class EditAnnotation(Command):
    """Change some fields of an annotation; revert puts the old values back."""

    def __init__(self, uuid: str, fields: AnnotationFields, label: str = "edit highlight") -> None:
        if fields.status is not None and fields.status not in STATUSES:
            raise CommandError(f"Unknown status {fields.status!r}")
        if fields.span is not None and fields.span[0] >= fields.span[1]:
            raise CommandError("A highlight cannot be empty")
        self.uuid, self.new, self.label = uuid, fields, label
        self.old: AnnotationFields | None = None
        self.report_id = 0

    def _read(self, ctx: Context, row: AnnotationRow) -> AnnotationFields:
        tag_ids = tuple(
            ctx.session.scalars(
                select(AnnotationTagRow.tag_id).where(AnnotationTagRow.annotation_id == row.id)
            )
        )
        cites = tuple(
            ctx.session.scalars(
                select(FootnoteRow.label)
                .join(AnnotationFootnoteRow, AnnotationFootnoteRow.footnote_id == FootnoteRow.id)
                .where(AnnotationFootnoteRow.annotation_id == row.id)
                .order_by(FootnoteRow.start)
            )
        )
        stances = tuple(
            (t, lbl, i)
            for t, lbl, i in ctx.session.execute(
                select(
                    AnnotationStanceRow.target_id,
                    AnnotationStanceRow.label_id,
                    AnnotationStanceRow.intensity,
                )
                .where(AnnotationStanceRow.annotation_id == row.id)
                .order_by(AnnotationStanceRow.id)
            )
        )
        return AnnotationFields(
            tag_ids,
            row.note,
            (row.start, row.end),
            row.status,
            row.speaker_id,
            cites,
            stances,
            (row.quote, row.prefix, row.suffix, row.orphaned),  # an orphan's quote survives
        )

    def _write(self, ctx: Context, row: AnnotationRow, f: AnnotationFields) -> None:
        if f.tag_ids is not None:
            set_links(ctx, row.id, AnnotationTagRow, "tag_id", f.tag_ids)
        if f.note is not None:
            row.note = f.note
        if f.status is not None:
            row.status = f.status
        if f.speaker_id is not False:
            row.speaker_id = None if f.speaker_id is None else int(f.speaker_id)
        if f.stances is not None:
            set_stances(ctx, row.id, resolve_stances(ctx, f.stances))
        if f.span is not None:
            if f.anchor is not None:
                row.quote, row.prefix, row.suffix, row.orphaned = f.anchor
            else:
                row.quote, row.prefix, row.suffix = span_context(ctx, row.report_id, *f.span)
                row.orphaned = False
            row.start, row.end = f.span
        if f.cites is not None:
            ids = ctx.session.scalars(
                select(FootnoteRow.id).where(
                    FootnoteRow.report_id == row.report_id, FootnoteRow.label.in_(f.cites)
                )
            )
            set_links(ctx, row.id, AnnotationFootnoteRow, "footnote_id", list(ids))
        row.modified_at = dt.datetime.now(dt.UTC)

    def _change(self, ctx: Context, old: AnnotationFields, new: AnnotationFields) -> Change:
        row = annotation_row(ctx, self.uuid)
        self.report_id = row.report_id
        self._write(ctx, row, new)
        ctx.record(
            "EditAnnotation",
            "annotation",
            self.uuid,
            _fields_dict(old, new),
            _fields_dict(new, new),
        )
        return Change(
            "Annotation saved",
            annotations=frozenset({self.uuid}),
            reports=frozenset({row.report_id}),
        )

    def _guarded_row(self, ctx: Context) -> AnnotationRow:
        """The row, once it is known to be as expected and the actor may edit it."""
        key = ("annotations", self.uuid)
        ctx.guard.check(self, [key])
        row = annotation_row(ctx, self.uuid)
        ctx.access.require_owner_or(row.author_id)
        ctx.guard.touch(self, [key])
        return row

    def apply(self, ctx: Context) -> Change:
        row = self._guarded_row(ctx)
        old = self._read(ctx, row)
        change = self._change(ctx, old, self.new)
        self.old = old
        return change

    def revert(self, ctx: Context) -> Change:
        assert self.old is not None
        self._guarded_row(ctx)
        return self._change(ctx, self.new, self.old)


def _fields_dict(values: AnnotationFields, which: AnnotationFields) -> dict[str, object]:
    """The fields of `values` that `which` changes, as JSON-ready values."""
    out: dict[str, object] = {}
    for name in ("tag_ids", "note", "span", "status", "cites", "stances"):
        if getattr(which, name) is not None:
            v = getattr(values, name)
            out[name] = list(v) if isinstance(v, tuple) else v
    if which.speaker_id is not False:
        out["speaker_id"] = values.speaker_id
    return out
