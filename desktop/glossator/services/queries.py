"""Read-only queries that turn rows into plain values (bulk reads use Core statements)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, String, select, type_coerce
from sqlalchemy.orm import Session

from glossator.core.exchange import utc
from glossator.core.pages import pages_from_meta
from glossator.core.tag_tree import path_in_tree
from glossator.services.annotation_columns import cited_labels, placed
from glossator.services.library import report_summaries as report_summaries
from glossator.services.values import (
    AnnotationView,
    MarkerView,
    NoteView,
    ReportDetail,
    StanceView,
    TagView,
)
from glossator.store.models import (
    AnnotationFootnoteRow,
    AnnotationRow,
    AnnotationStanceRow,
    AnnotationTagRow,
    FootnoteRefRow,
    FootnoteRow,
    ReportRow,
    ReviewerRow,
    SpeakerRow,
    StanceLabelRow,
    TagRow,
    TargetRow,
)

DEFAULT_COLOR = "#ffd966"


def report_detail(session: Session | Connection, report_id: int) -> ReportDetail | None:
    """A report with its markers and notes, read with three Core statements."""
    r = ReportRow
    row = session.execute(
        select(r.text, r.body_end, r.footnote_style, r.encoding, r.encoding_guessed, r.meta).where(
            r.id == report_id
        )
    ).first()
    if row is None:
        return None
    summary = report_summaries(session, [report_id])[0]
    n, ref = FootnoteRow, FootnoteRefRow
    notes = session.execute(
        select(n.id, n.label, n.text, n.start, n.end, n.text_start)
        .where(n.report_id == report_id)
        .order_by(n.start, n.id)
    ).all()
    refs = session.execute(
        select(ref.label, ref.start, ref.end, ref.footnote_id)
        .where(ref.report_id == report_id)
        .order_by(ref.start, ref.id)
    ).all()
    label_of = {note_id: label for note_id, label, *_ in notes}
    cites: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for _label, start, end, note_id in refs:
        if note_id is not None:
            cites[note_id].append((start, end))
    return ReportDetail(
        summary,
        row.text,
        row.body_end,
        row.footnote_style,
        row.encoding,
        row.encoding_guessed,
        tuple(
            MarkerView(label, start, end, label_of.get(note_id) if note_id else None)
            for label, start, end, note_id in refs
        ),
        tuple(
            NoteView(label, text, start, end, text_start, tuple(cites.get(note_id, ())))
            for note_id, label, text, start, end, text_start in notes
        ),
        pages_from_meta(row.meta),
    )


def tag_views(session: Session) -> list[TagView]:
    rows = list(session.scalars(select(TagRow).order_by(TagRow.sort_order, TagRow.id)))
    name = {t.id: t.name for t in rows}
    parent = {t.id: t.parent_id for t in rows}
    return [
        TagView(t.id, t.uuid, t.name, t.parent_id, t.color, t.shortcut, t.description,
                path_in_tree(name, parent, t.id), t.version)
        for t in rows
    ]


def _scoped(stmt: Any, link: Any, report_id: int | None, ids: list[int]) -> Any:
    """Restrict a link-table query to one report (a join) or to a list of annotation ids."""
    if report_id is not None:
        return stmt.join(AnnotationRow, AnnotationRow.id == link).where(
            AnnotationRow.report_id == report_id
        )
    return stmt.where(link.in_(ids))


def _when(value: object) -> dt.datetime:
    """A timestamp read raw: SQLite gives ISO text (parsed in C, far faster than the ORM's
    per-row regex), PostgreSQL a datetime."""
    return utc(value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value)))


def annotation_views(
    session: Session | Connection,
    *,
    report_id: int | None = None,
    uuids: Iterable[str] | None = None,
    only_author: int | None = None,
) -> list[AnnotationView]:
    """Annotations as values, read with Core statements (no ORM objects: 10,000 rows in
    well under the time the ORM needs to build them); only `only_author`'s when given."""
    a = AnnotationRow
    stmt = (
        select(
            *placed(a),
            a.status,
            a.note,
            a.orphaned,
            type_coerce(a.created_at, String),  # parsed by _when: far cheaper per row
            type_coerce(a.modified_at, String),
            ReviewerRow.name,
            SpeakerRow.name,
            a.version,
        )
        .join(ReviewerRow, ReviewerRow.id == a.author_id)
        .outerjoin(SpeakerRow, SpeakerRow.id == a.speaker_id)
        .order_by(a.start, a.end, a.id)
    )
    if report_id is not None:
        stmt = stmt.where(a.report_id == report_id)
    if uuids is not None:
        stmt = stmt.where(a.uuid.in_(list(uuids)))
    if only_author is not None:
        stmt = stmt.where(a.author_id == only_author)
    rows = session.execute(stmt).all()
    if not rows:
        return []
    ids = [r[0] for r in rows]
    tags: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    stances: dict[int, list[StanceView]] = defaultdict(list)
    cites: dict[int, list[str]] = defaultdict(list)
    chunks = (
        [ids] if report_id is not None else [ids[i : i + 5000] for i in range(0, len(ids), 5000)]
    )
    for chunk in chunks:
        tag_stmt = select(
            AnnotationTagRow.annotation_id, TagRow.id, TagRow.name, TagRow.color
        ).join(TagRow, TagRow.id == AnnotationTagRow.tag_id)
        for aid, tid, name, color in session.execute(
            _scoped(tag_stmt, AnnotationTagRow.annotation_id, report_id, chunk).order_by(
                TagRow.sort_order, TagRow.id
            )
        ).all():
            tags[aid].append((tid, name, color))
        stance_stmt = (
            select(
                AnnotationStanceRow.annotation_id,
                TargetRow.name,
                StanceLabelRow.name,
                AnnotationStanceRow.intensity,
            )
            .join(TargetRow, TargetRow.id == AnnotationStanceRow.target_id)
            .join(StanceLabelRow, StanceLabelRow.id == AnnotationStanceRow.label_id)
        )
        for aid, target, label, intensity in session.execute(
            _scoped(stance_stmt, AnnotationStanceRow.annotation_id, report_id, chunk).order_by(
                AnnotationStanceRow.id
            )
        ).all():
            stances[aid].append(StanceView(target, label, intensity))
        for aid, label in session.execute(
            _scoped(cited_labels(), AnnotationFootnoteRow.annotation_id, report_id, chunk).order_by(
                FootnoteRow.start
            )
        ).all():
            cites[aid].append(label)
    tag_names = {aid: tuple(n for _, n, _ in v) for aid, v in tags.items()}
    tag_ids = {aid: tuple(t for t, _, _ in v) for aid, v in tags.items()}
    colors = {aid: v[0][2] for aid, v in tags.items()}
    # Each row: placed() (row id, UUID, report id, start, end, quote, prefix, suffix), then
    # the columns selected after it, in their order.
    out = [
        AnnotationView(
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            row[7],
            tags=tag_names.get(row[0], ()),
            tag_ids=tag_ids.get(row[0], ()),
            color=colors.get(row[0], DEFAULT_COLOR),
            status=row[8],
            note=row[9],
            orphaned=row[10],
            created=_when(row[11]),
            modified=_when(row[12]),
            author=row[13],
            speaker=row[14],
            stances=tuple(stances.get(row[0], ())),
            cites=tuple(cites.get(row[0], ())),
            version=row[15],
        )
        for row in rows
    ]
    return out
