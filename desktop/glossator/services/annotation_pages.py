"""A report's annotations read a page at a time, in text order, so that a window can fill
its views in small steps between the user's keys instead of reading 50,000 values at once.

A page is found by a keyset on `(start, end, id)`, which the `(report_id, start, end)`
index answers without counting the rows before it (no OFFSET), and the values are then
read exactly as everywhere else (`queries.annotation_views`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select, tuple_

from glossator.services.queries import annotation_views
from glossator.services.values import AnnotationView
from glossator.store.models import AnnotationRow

Cursor = tuple[int, int, int]  # (start, end, row id) of the last annotation read


@dataclass(frozen=True, slots=True)
class AnnotationPage:
    """Up to `limit` annotations in text order; `next` reads on after them (None: the last
    page)."""

    annotations: tuple[AnnotationView, ...]
    next: Cursor | None


def annotation_page(
    conn: Connection, report_id: int, after: Cursor | None, limit: int
) -> AnnotationPage:
    a = AnnotationRow
    stmt = (
        select(a.start, a.end, a.id, a.uuid)
        .where(a.report_id == report_id)
        .order_by(a.start, a.end, a.id)
        .limit(max(1, limit))
    )
    if after is not None:
        stmt = stmt.where(tuple_(a.start, a.end, a.id) > tuple_(*after))
    keys = conn.execute(stmt).all()
    if not keys:
        return AnnotationPage((), None)
    views = annotation_views(conn, uuids=[k.uuid for k in keys])
    last = keys[-1]
    following = (last.start, last.end, last.id) if len(keys) >= limit else None
    return AnnotationPage(tuple(views), following)
