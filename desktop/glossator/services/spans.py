"""The narrow reads behind a quick first paint: a report's text alone, and the marker and
highlight spans inside one stretch of it (what a window shows before reading the rest).

Both are Core statements on indexed columns: the annotations' `(report_id, start, end)`
index answers the stretch query without touching rows outside it.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from glossator.services.queries import DEFAULT_COLOR
from glossator.services.values import HighlightValue, MarkerView, ReportText, SpansInRange
from glossator.store.models import (
    AnnotationRow,
    AnnotationTagRow,
    FootnoteRefRow,
    FootnoteRow,
    ReportRow,
    ReviewerRow,
    TagRow,
)


def report_text(session: Connection, report_id: int) -> ReportText | None:
    row = session.execute(
        select(ReportRow.id, ReportRow.title, ReportRow.text, ReportRow.sha256)
        .where(ReportRow.id == report_id)
    ).first()
    return ReportText(row[0], row[1], row[2], row[3]) if row is not None else None


def report_hash(session: Connection, report_id: int) -> str | None:
    """The SHA-256 of a report's text, as import and re-import store it with the text."""
    return session.scalar(select(ReportRow.sha256).where(ReportRow.id == report_id))


def spans_in(
    session: Connection, report_id: int, lo: int, hi: int, only_author: int | None = None
) -> SpansInRange:
    """Markers and highlights of the report that overlap [lo, hi), code points; a
    highlight's colour is its first tag's, exactly as in the full annotation values (only
    `only_author`'s highlights when given)."""
    a, link = AnnotationRow, AnnotationTagRow
    first_color = (
        select(TagRow.color)
        .join(link, link.tag_id == TagRow.id)
        .where(link.annotation_id == a.id)
        .order_by(TagRow.sort_order, TagRow.id)
        .limit(1)
        .scalar_subquery()
    )
    stmt = (
        select(a.uuid, a.start, a.end, first_color, ReviewerRow.name, a.status, a.orphaned)
        .join(ReviewerRow, ReviewerRow.id == a.author_id)
        .where(a.report_id == report_id, a.start < hi, a.end > lo)
        .order_by(a.start, a.end, a.id)
    )
    if only_author is not None:
        stmt = stmt.where(a.author_id == only_author)
    highlights = tuple(
        HighlightValue(uuid, start, end, color or DEFAULT_COLOR, author, status, orphaned)
        for uuid, start, end, color, author, status, orphaned in session.execute(stmt)
    )
    r = FootnoteRefRow
    markers = tuple(
        MarkerView(label, start, end, note)
        for label, start, end, note in session.execute(
            select(r.label, r.start, r.end, FootnoteRow.label)
            .outerjoin(FootnoteRow, FootnoteRow.id == r.footnote_id)
            .where(r.report_id == report_id, r.start < hi, r.end > lo)
            .order_by(r.start)
        )
    )
    return SpansInRange(markers, highlights)
