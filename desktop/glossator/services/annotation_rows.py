"""The rows behind annotation commands: who wrote one, the quote and context of a span,
an annotation row by its UUID, and the link rows to tags and notes."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, insert, select

from glossator.core.exchange import QUOTE_CONTEXT as CONTEXT_CHARS
from glossator.core.exchange import quote_context
from glossator.services.annotation_values import author_name
from glossator.services.commands import CommandError, Context
from glossator.store.models import (
    AnnotationFootnoteRow,
    AnnotationRow,
    AnnotationTagRow,
    ReportRow,
    ReviewerRow,
)

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
    """Quote, prefix and suffix of a span, read without loading the whole report text: from
    the text the Workspace holds when the database's hash says it is current (one small
    column read), else with `substr` in the database."""
    first = max(0, start - CONTEXT_CHARS)
    window: str | None = None
    if ctx.texts is not None and ctx.texts.holds(report_id):
        sha = ctx.core.scalar(select(ReportRow.sha256).where(ReportRow.id == report_id))
        text = ctx.texts.text(report_id, sha)  # None for a report gone: refused below
        if text is not None:
            window = text[first : end + CONTEXT_CHARS]
    if window is None:
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


def annotation_row(ctx: Context, uuid: str) -> AnnotationRow:
    row = ctx.session.scalar(select(AnnotationRow).where(AnnotationRow.uuid == uuid))
    if row is None:
        raise CommandError(f"Annotation {uuid} does not exist")
    return row


def set_links(
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
