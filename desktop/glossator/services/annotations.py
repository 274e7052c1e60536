"""Commands on annotations: add, delete, edit (tags, note, span, status, speaker)."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select

from glossator.core.exchange import QUOTE_CONTEXT as CONTEXT_CHARS
from glossator.core.exchange import quote_context
from glossator.services.annotation_values import author_name, new_annotation_view
from glossator.services.commands import Change, Command, CommandError, Context
from glossator.services.stances import StanceSpec, resolve_speaker, resolve_stances, set_stances
from glossator.services.values import AnnotationView
from glossator.store.models import (
    AnnotationFootnoteRow,
    AnnotationRow,
    AnnotationStanceRow,
    AnnotationTagRow,
    FootnoteRow,
    ReportRow,
    ReviewerRow,
    table_of,
    utcnow,
)
from glossator.store.snapshot import Snapshot, delete_annotation_rows, restore, snapshot_annotations

STATUSES = ("proposed", "accepted", "rejected", "disputed")


def reviewer_id(ctx: Context, name: str | None) -> int:
    """The id of a reviewer by name, created on first use."""
    name = author_name(name)
    found = ctx.core.scalar(select(ReviewerRow.id).where(ReviewerRow.name == name))
    if found is not None:
        return int(found)
    row = ReviewerRow(name=name)
    ctx.session.add(row)
    ctx.session.flush()
    return row.id


def span_context(ctx: Context, report_id: int, start: int, end: int) -> tuple[str, str, str]:
    """Quote, prefix and suffix of a span, read without loading the whole report text."""
    first = max(0, start - CONTEXT_CHARS)
    window = ctx.core.scalar(
        select(func.substr(ReportRow.text, first + 1, end + CONTEXT_CHARS - first)).where(
            ReportRow.id == report_id
        )
    )
    if window is None:
        raise CommandError(f"Report {report_id} does not exist")
    if len(window) < end - first:
        raise CommandError("The selection runs past the end of the report")
    return quote_context(str(window), start - first, end - first)


def _annotation(ctx: Context, uuid: str) -> AnnotationRow:
    row = ctx.session.scalar(select(AnnotationRow).where(AnnotationRow.uuid == uuid))
    if row is None:
        raise CommandError(f"Annotation {uuid} does not exist")
    return row


def _set_links(
    ctx: Context,
    annotation_id: int,
    model: type[AnnotationTagRow] | type[AnnotationFootnoteRow],
    column: str,
    ids: Sequence[int],
    *,
    new: bool = False,
) -> None:
    if not new:  # a new annotation has no links to replace
        ctx.core.execute(delete(model).where(model.annotation_id == annotation_id))
    if ids:
        ctx.core.execute(
            insert(model), [{"annotation_id": annotation_id, column: i} for i in dict.fromkeys(ids)]
        )


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
        if self._snapshot is not None:
            restore(ctx.session, self._snapshot)
        else:
            views = self._insert(ctx)
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
        _set_links(ctx, row_id, AnnotationTagRow, "tag_id", self.tag_ids, new=True)
        if self.stances:
            set_stances(ctx, row_id, resolve_stances(ctx, self.stances))
        cited: list[str] = []
        if self.cites:
            notes = ctx.core.execute(
                select(FootnoteRow.id, FootnoteRow.label)
                .where(FootnoteRow.report_id == self.report_id, FootnoteRow.label.in_(self.cites))
                .order_by(FootnoteRow.start)
            ).all()
            _set_links(ctx, row_id, AnnotationFootnoteRow, "footnote_id", [n.id for n in notes],
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
        row = _annotation(ctx, self.uuid)
        self._snapshot = snapshot_annotations(ctx.session, [row.id])
        delete_annotation_rows(ctx.session, [row.id])
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
        rows = [_annotation(ctx, u) for u in self.uuids]
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
        noun = "highlight" if len(rows) == 1 else f"{len(rows)} highlights"
        return Change(
            f"Deleted {noun}", annotations_removed=frozenset(self.uuids), reports=self.report_ids
        )

    def revert(self, ctx: Context) -> Change:
        assert self._snapshot is not None
        restore(ctx.session, self._snapshot)
        for u in self.uuids:
            ctx.record("DeleteAnnotations", "annotation", u, None, {"restored": True})
        return Change(
            "Highlight restored", annotations=frozenset(self.uuids), reports=self.report_ids
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
            tag_ids, row.note, (row.start, row.end), row.status, row.speaker_id, cites, stances
        )

    def _write(self, ctx: Context, row: AnnotationRow, f: AnnotationFields) -> None:
        if f.tag_ids is not None:
            _set_links(ctx, row.id, AnnotationTagRow, "tag_id", f.tag_ids)
        if f.note is not None:
            row.note = f.note
        if f.status is not None:
            row.status = f.status
        if f.speaker_id is not False:
            row.speaker_id = None if f.speaker_id is None else int(f.speaker_id)
        if f.stances is not None:
            set_stances(ctx, row.id, resolve_stances(ctx, f.stances))
        if f.span is not None:
            row.quote, row.prefix, row.suffix = span_context(ctx, row.report_id, *f.span)
            row.start, row.end = f.span
            row.orphaned = False
        if f.cites is not None:
            ids = ctx.session.scalars(
                select(FootnoteRow.id).where(
                    FootnoteRow.report_id == row.report_id, FootnoteRow.label.in_(f.cites)
                )
            )
            _set_links(ctx, row.id, AnnotationFootnoteRow, "footnote_id", list(ids))
        row.modified_at = dt.datetime.now(dt.UTC)

    def _change(self, ctx: Context, old: AnnotationFields, new: AnnotationFields) -> Change:
        row = _annotation(ctx, self.uuid)
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

    def apply(self, ctx: Context) -> Change:
        row = _annotation(ctx, self.uuid)
        self.old = self._read(ctx, row)
        return self._change(ctx, self.old, self.new)

    def revert(self, ctx: Context) -> Change:
        assert self.old is not None
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
