"""Agreement between reviewers, read in bulk with Core statements and measured by
`core.agreement` (code-point units per tag; span matching; disagreements)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from glossator.core.agreement import AgreementResult, CodedSpan, measure
from glossator.services.commands import CommandError
from glossator.services.queries import tag_views
from glossator.store.models import (
    AnnotationRow,
    AnnotationTagRow,
    ReportRow,
    ReviewerRow,
    table_of,
)


def agreement(
    session: Session,
    reviewers: Sequence[str],
    report_ids: Sequence[int] | None = None,
    tag: str | None = None,
) -> AgreementResult:
    """Agreement of the named reviewers on the given reports (None: every report one of
    them annotated), for one tag (name or path, any case) or every tag they used."""
    names = list(dict.fromkeys(n.strip() for n in reviewers if n.strip()))
    if len(names) < 2:
        raise CommandError("Agreement needs at least two reviewers")
    conn = session.connection()
    known = {
        str(n): int(i)
        for i, n in conn.execute(
            select(ReviewerRow.id, ReviewerRow.name).where(ReviewerRow.name.in_(names))
        )
    }
    unknown = [n for n in names if n not in known]
    if unknown:
        raise CommandError(f"Unknown reviewer(s): {', '.join(unknown)}")
    paths = {t.id: t.path for t in tag_views(session)}
    tags: list[str] | None = None
    if tag is not None:
        key = tag.strip().casefold()
        matches = [
            p for p in paths.values() if key in (p.casefold(), p.rsplit(" / ")[-1].casefold())
        ]
        if len(matches) != 1:
            raise CommandError(
                f"No tag is called {tag!r}" if not matches else f"Several tags are called {tag!r}"
            )
        tags = matches
    a = table_of(AnnotationRow).c
    author_of = {i: n for n, i in known.items()}
    ids = list(report_ids) if report_ids is not None else None
    if ids is None:
        ids = [
            int(r)
            for r in conn.execute(
                select(a.report_id).where(a.author_id.in_(author_of)).distinct()
            ).scalars()
        ]
    lengths = {
        int(i): int(n or 0)
        for i, n in conn.execute(
            select(ReportRow.id, func.length(ReportRow.text)).where(ReportRow.id.in_(ids))
        )
    }
    missing = [i for i in ids if i not in lengths]
    if missing:
        raise CommandError(f"Report {missing[0]} does not exist")
    stmt = (
        select(a.uuid, a.report_id, a.author_id, AnnotationTagRow.tag_id, a.start, a.end)
        .join(AnnotationTagRow, AnnotationTagRow.annotation_id == a.id)
        .where(a.report_id.in_(ids), a.author_id.in_(author_of))
    )
    spans = [
        CodedSpan(uuid, rid, author_of[author], paths.get(tid, str(tid)), start, end)
        for uuid, rid, author, tid, start, end in conn.execute(stmt)
    ]
    return measure(lengths, spans, names, tags)
