"""What the bulk reads of annotations share (the export's set, the window's views): the
columns that place an annotation in its report, and the footnotes annotations cite."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from glossator.store.models import AnnotationFootnoteRow, FootnoteRow


def placed(a: Any) -> tuple[Any, ...]:
    """Row id, UUID, report id, start, end, quote, prefix and suffix, in that order, of
    `a`: the AnnotationRow model or its table's columns."""
    return (a.id, a.uuid, a.report_id, a.start, a.end, a.quote, a.prefix, a.suffix)


def cited_labels() -> Any:
    """A select of (annotation row id, note label) for every footnote an annotation cites."""
    return select(AnnotationFootnoteRow.annotation_id, FootnoteRow.label).join(
        FootnoteRow, FootnoteRow.id == AnnotationFootnoteRow.footnote_id
    )
