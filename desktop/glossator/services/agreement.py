"""Agreement between reviewers, read in bulk with Core statements and measured by
`core.agreement` (code-point units per tag; span matching; disagreements; fields over
paired spans).

What counts: by default rejected and orphaned annotations are left out (a rejected
annotation was withdrawn or judged wrong; an orphaned one no longer sits on its text);
`include_rejected` and `include_orphaned` count them. The result says which, and how many
were left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from glossator.core.agreement import (
    AgreementOptions,
    AgreementResult,
    CodedAnnotation,
    CodedSpan,
    Counting,
    measure,
)
from glossator.services.commands import CommandError
from glossator.services.queries import tag_views
from glossator.store.models import (
    AnnotationFootnoteRow,
    AnnotationRow,
    AnnotationStanceRow,
    AnnotationTagRow,
    FootnoteRow,
    ReportRow,
    ReviewerRow,
    SpeakerRow,
    StanceLabelRow,
    TargetRow,
    table_of,
)


def _reviewer_ids(session: Session, names: list[str]) -> dict[str, int]:
    known = {
        str(n): int(i)
        for i, n in session.connection().execute(
            select(ReviewerRow.id, ReviewerRow.name).where(ReviewerRow.name.in_(names))
        )
    }
    unknown = [n for n in names if n not in known]
    if unknown:
        raise CommandError(f"Unknown reviewer(s): {', '.join(unknown)}")
    return known


def _one_tag(paths: dict[int, str], tag: str) -> list[str]:
    key = tag.strip().casefold()
    matches = [p for p in paths.values() if key in (p.casefold(), p.rsplit(" / ")[-1].casefold())]
    if len(matches) != 1:
        raise CommandError(
            f"No tag is called {tag!r}" if not matches else f"Several tags are called {tag!r}"
        )
    return matches


def _links(session: Session, ids: list[int], annotation_ids: set[int]) -> tuple[
    dict[int, list[tuple[str, str]]], dict[int, list[str]]
]:
    """Stances (target, label) and cited note labels of the annotations, by annotation id."""
    conn = session.connection()
    a = table_of(AnnotationRow).c
    stances: dict[int, list[tuple[str, str]]] = defaultdict(list)
    query = (
        select(AnnotationStanceRow.annotation_id, TargetRow.name, StanceLabelRow.name)
        .join(TargetRow, TargetRow.id == AnnotationStanceRow.target_id)
        .join(StanceLabelRow, StanceLabelRow.id == AnnotationStanceRow.label_id)
        .join(AnnotationRow, AnnotationRow.id == AnnotationStanceRow.annotation_id)
        .where(a.report_id.in_(ids))
    )
    for aid, target, label in conn.execute(query):
        if aid in annotation_ids:
            stances[int(aid)].append((str(target), str(label)))
    cites: dict[int, list[str]] = defaultdict(list)
    notes = (
        select(AnnotationFootnoteRow.annotation_id, FootnoteRow.label)
        .join(FootnoteRow, FootnoteRow.id == AnnotationFootnoteRow.footnote_id)
        .where(FootnoteRow.report_id.in_(ids))
    )
    for aid, label in conn.execute(notes):
        if aid in annotation_ids:
            cites[int(aid)].append(str(label))
    return stances, cites


def agreement(
    session: Session,
    reviewers: Sequence[str],
    report_ids: Sequence[int] | None = None,
    tag: str | None = None,
    *,
    options: AgreementOptions | None = None,
    include_rejected: bool = False,
    include_orphaned: bool = False,
) -> AgreementResult:
    """Agreement of the named reviewers on the given reports (None: every report one of
    them annotated), for one tag (name or path, any case) or every tag they used."""
    names = list(dict.fromkeys(n.strip() for n in reviewers if n.strip()))
    if len(names) < 2:
        raise CommandError("Agreement needs at least two reviewers")
    if options is not None and not 0.0 < options.min_jaccard <= 1.0:
        raise CommandError("The Jaccard threshold must be above 0 and at most 1")
    if options is not None and options.resamples < 0:
        raise CommandError("The number of bootstrap resamples cannot be negative")
    conn = session.connection()
    known = _reviewer_ids(session, names)
    paths = {t.id: t.path for t in tag_views(session)}
    tags = _one_tag(paths, tag) if tag is not None else None
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
    speakers = {int(i): str(n) for i, n in conn.execute(select(SpeakerRow.id, SpeakerRow.name))}
    rows = conn.execute(
        select(a.id, a.uuid, a.report_id, a.author_id, a.start, a.end, a.speaker_id, a.status,
               a.orphaned, a.quote)
        .where(a.report_id.in_(ids), a.author_id.in_(author_of))
    ).all()
    left_out = {"rejected": 0, "orphaned": 0}
    counted: dict[int, tuple[str, int, str, int, int, int | None, str]] = {}
    for aid, uuid, rid, author, start, end, speaker, status, orphaned, quote in rows:
        if status == "rejected" and not include_rejected:
            left_out["rejected"] += 1
        elif orphaned and not include_orphaned:
            left_out["orphaned"] += 1
        else:
            counted[int(aid)] = (str(uuid), int(rid), author_of[author], start, end, speaker,
                                 str(quote))
    stances, cites = _links(session, ids, set(counted))
    tag_rows = conn.execute(
        select(AnnotationTagRow.annotation_id, AnnotationTagRow.tag_id)
        .join(AnnotationRow, AnnotationRow.id == AnnotationTagRow.annotation_id)
        .where(a.report_id.in_(ids), a.author_id.in_(author_of))
    )
    tags_of: dict[int, list[str]] = defaultdict(list)
    spans: list[CodedSpan] = []
    for aid, tid in tag_rows:
        found = counted.get(int(aid))
        if found is None:
            continue
        uuid, rid, coder, start, end = found[:5]
        path = paths.get(tid, str(tid))
        tags_of[int(aid)].append(path)
        spans.append(CodedSpan(uuid, rid, coder, path, start, end))
    annotations = [
        CodedAnnotation(
            uuid, rid, coder, start, end, speakers.get(speaker) if speaker is not None else None,
            tuple(sorted(stances.get(aid, ()))), tuple(cites.get(aid, ())),
            tuple(tags_of.get(aid, ())), quote,
        )
        for aid, (uuid, rid, coder, start, end, speaker, quote) in counted.items()
    ]
    order = tuple(
        str(n) for n in conn.execute(
            select(StanceLabelRow.name).order_by(StanceLabelRow.sort_order, StanceLabelRow.id)
        ).scalars()
    )
    opts = replace(options or AgreementOptions(), stance_order=order)
    result = measure(lengths, spans, names, tags, annotations=annotations, options=opts)
    counting = Counting(include_rejected, include_orphaned, tuple(left_out.items()))
    return replace(result, counting=counting)
