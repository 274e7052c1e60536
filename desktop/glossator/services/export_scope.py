"""How many annotations an export of some reports and statuses would write (what the export
dialog says before anything is written): one count, no rows read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from glossator.store.models import AnnotationRow

if TYPE_CHECKING:
    from glossator.services.workspace import Workspace


def count_annotations(ws: Workspace, report_ids: Sequence[int] | None = None,
                      statuses: Sequence[str] | None = None) -> int:
    """The annotations of the chosen reports (all when None) with one of `statuses` (any
    when None)."""
    a = AnnotationRow
    stmt = select(func.count()).select_from(a)
    if report_ids is not None:
        stmt = stmt.where(a.report_id.in_(list(report_ids)))
    if statuses is not None:
        stmt = stmt.where(a.status.in_(list(statuses)))
    with ws.db.reading() as conn:
        return int(conn.execute(stmt).scalar() or 0)
