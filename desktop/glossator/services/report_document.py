"""A report with its annotations as a document value (core.report_document), read with
Core statements: the text and notes, the passages (not rejected, unless asked), the tags
they use for the legend, and the report's memos."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import Connection, select

from glossator.core.report_document import (
    DocumentMarker,
    DocumentNote,
    LegendEntry,
    ReportDocument,
)
from glossator.services.commands import CommandError
from glossator.services.memo_queries import memo_views
from glossator.services.passage_filters import NOT_REJECTED, PassageQuery
from glossator.services.passages import find_passages, read_passages
from glossator.services.queries import report_detail
from glossator.store.models import TagRow


def report_document(
    conn: Connection, report_id: int, statuses: Sequence[str] = NOT_REJECTED,
    visible_to: int | None = None,
) -> ReportDocument:
    detail = report_detail(conn, report_id)
    if detail is None:
        raise CommandError(f"Report {report_id} does not exist")
    notes = tuple(DocumentNote(n.label, n.start, n.end, n.text) for n in detail.notes)
    note_of = {span: i for i, n in enumerate(detail.notes) for span in n.cited_by}
    markers = tuple(
        DocumentMarker(m.label, m.start, m.end, note_of.get((m.start, m.end)))
        for m in detail.markers
    )
    query = PassageQuery(report_ids=(report_id,), statuses=tuple(statuses),
                         visible_to=visible_to)
    passages = tuple(read_passages(conn, find_passages(conn, query).ids))
    uses = Counter(path for p in passages for path in p.tag_paths)
    named = {name: (path, color) for p in passages
             for name, path, color in zip(p.tags, p.tag_paths, p.tag_colors, strict=False)}
    order = [str(n) for n in conn.execute(
        select(TagRow.name).order_by(TagRow.sort_order, TagRow.id)).scalars()]
    legend = tuple(
        LegendEntry(name, named[name][0], named[name][1], uses[named[name][0]])
        for name in order if name in named
    )
    memos = tuple(memo_views(conn, kind="report", subject=detail.summary.uuid))
    return ReportDocument(
        detail.title, detail.summary.date, detail.summary.source_name, detail.text, notes,
        markers, passages, legend, memos,
    )
