"""Read-only queries that turn rows into plain values (bulk reads use Core statements)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, String, func, select, type_coerce
from sqlalchemy.orm import InstrumentedAttribute, Session

from glossator.core.exchange import utc
from glossator.core.pages import pages_from_meta
from glossator.services.annotation_columns import cited_labels, placed
from glossator.services.values import (
    FOOTNOTE_WARNING,
    AnnotationView,
    MarkerView,
    NoteView,
    ReportDetail,
    ReportSummary,
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


def _counts(
    session: Session | Connection, column: InstrumentedAttribute[int], report_ids: list[int] | None,
    only_author: int | None = None,
) -> dict[int, int]:
    stmt = select(column, func.count()).group_by(column)
    if report_ids is not None:
        stmt = stmt.where(column.in_(report_ids))
    if only_author is not None:  # annotations only: a reader who sees only their own
        stmt = stmt.where(AnnotationRow.author_id == only_author)
    return {int(k): int(v) for k, v in session.execute(stmt)}


def _review_counts(
    session: Session | Connection, report_ids: list[int] | None, only_author: int | None = None
) -> dict[tuple[int, str], int]:
    """Annotations still proposed, and disputed, per report (what the review filters use)."""
    a = AnnotationRow
    stmt = (
        select(a.report_id, a.status, func.count())
        .where(a.status.in_(("proposed", "disputed")))
        .group_by(a.report_id, a.status)
    )
    if report_ids is not None:
        stmt = stmt.where(a.report_id.in_(report_ids))
    if only_author is not None:
        stmt = stmt.where(a.author_id == only_author)
    return {(int(r), str(st)): int(n) for r, st, n in session.execute(stmt)}


def _footnote_warning(meta: object) -> str | None:
    """The footnote warning kept in a report's meta, if any."""
    warning = meta.get(FOOTNOTE_WARNING) if isinstance(meta, dict) else None
    return warning if isinstance(warning, str) and warning else None


def report_summaries(
    session: Session | Connection, report_ids: Iterable[int] | None = None,
    only_author: int | None = None,
) -> list[ReportSummary]:
    """Every report's line in the library; annotation counts only of `only_author`'s
    annotations when given (blind coding)."""
    ids = list(report_ids) if report_ids is not None else None
    stmt = select(
        ReportRow.id,
        ReportRow.uuid,
        ReportRow.title,
        ReportRow.date,
        ReportRow.source_name,
        ReportRow.source_format,
        ReportRow.imported_at,
        ReportRow.meta,
        ReportRow.version,
    ).order_by(ReportRow.date.desc().nulls_last(), ReportRow.title, ReportRow.id)
    if ids is not None:
        stmt = stmt.where(ReportRow.id.in_(ids))
    markers = _counts(session, FootnoteRefRow.report_id, ids)
    notes = _counts(session, FootnoteRow.report_id, ids)
    annotations = _counts(session, AnnotationRow.report_id, ids, only_author)
    review = _review_counts(session, ids, only_author)
    missing: dict[int, list[str]] = defaultdict(list)
    missing_stmt = (
        select(FootnoteRefRow.report_id, FootnoteRefRow.label)
        .where(FootnoteRefRow.footnote_id.is_(None))
        .order_by(FootnoteRefRow.start)
    )
    uncited: dict[int, list[str]] = defaultdict(list)
    cited = select(FootnoteRefRow.footnote_id).where(FootnoteRefRow.footnote_id.is_not(None))
    uncited_stmt = (
        select(FootnoteRow.report_id, FootnoteRow.label)
        .where(FootnoteRow.id.not_in(cited))
        .order_by(FootnoteRow.start)
    )
    if ids is not None:
        missing_stmt = missing_stmt.where(FootnoteRefRow.report_id.in_(ids))
        uncited_stmt = uncited_stmt.where(FootnoteRow.report_id.in_(ids))
    for rid, label in session.execute(missing_stmt):
        if label not in missing[rid]:
            missing[rid].append(label)
    for rid, label in session.execute(uncited_stmt):
        uncited[rid].append(label)
    return [
        ReportSummary(
            id=r.id,
            uuid=r.uuid,
            title=r.title,
            date=r.date,
            source_name=r.source_name,
            source_format=r.source_format,
            marker_count=markers.get(r.id, 0),
            note_count=notes.get(r.id, 0),
            missing_notes=tuple(missing.get(r.id, ())),
            uncited_notes=tuple(uncited.get(r.id, ())),
            annotation_count=annotations.get(r.id, 0),
            imported_at=r.imported_at,
            proposed_count=review.get((r.id, "proposed"), 0),
            disputed_count=review.get((r.id, "disputed"), 0),
            footnote_warning=_footnote_warning(r.meta),
            version=r.version,
        )
        for r in session.execute(stmt)
    ]


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
    by_id = {t.id: t for t in rows}

    def path(tag: TagRow) -> str:
        parts, seen, cur = [tag.name], {tag.id}, tag
        while cur.parent_id is not None and cur.parent_id in by_id and cur.parent_id not in seen:
            cur = by_id[cur.parent_id]
            seen.add(cur.id)
            parts.append(cur.name)
        return " / ".join(reversed(parts))

    return [
        TagView(t.id, t.uuid, t.name, t.parent_id, t.color, t.shortcut, t.description, path(t),
                t.version)
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
