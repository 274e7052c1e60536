"""Export: the workspace's annotations as an ExchangeSet, read in bulk with Core statements
(one select per table, no ORM objects), then written by a format of formats.registry."""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import null, select
from sqlalchemy.orm import Session

from glossator.core.codebook import Codebook, SpeakerDef
from glossator.core.exchange import (
    ExchangeAnnotation,
    ExchangeMemo,
    ExchangeReport,
    ExchangeSet,
    ExchangeStance,
    utc,
)
from glossator.core.names import name_key
from glossator.core.pages import Pages, page_at, pages_from_meta
from glossator.core.permissions import Action
from glossator.formats.registry import EXPORTERS
from glossator.services.annotation_columns import cited_labels, placed
from glossator.services.codebook import read_codebook
from glossator.services.commands import CommandError
from glossator.services.destinations import check_destination
from glossator.services.export_progress import READING, ExportProgress, watched, watching
from glossator.services.memo_exchange import exchange_memos
from glossator.services.workspace import Workspace
from glossator.store.models import (
    AnnotationRow,
    AnnotationStanceRow,
    AnnotationTagRow,
    FootnoteRow,
    ReportRow,
    ReviewerRow,
    SpeakerRow,
    StanceLabelRow,
    TagRow,
    TargetRow,
    table_of,
)

DEFAULT_LABEL = "Glossator annotations"


def _names(session: Session, model: Any) -> dict[int, str]:
    return {int(i): str(n) for i, n in session.connection().execute(select(model.id, model.name))}


def _scoped(stmt: Any, report_ids: list[int] | None) -> Any:
    """Links of the annotations of the chosen reports (all when None)."""
    if report_ids is None:
        return stmt
    return stmt.join(AnnotationRow, AnnotationRow.id == stmt.selected_columns[0]).where(
        AnnotationRow.report_id.in_(report_ids)
    )


def _reports(
    session: Session, report_ids: list[int] | None, texts: bool
) -> dict[int, ExchangeReport]:
    r = ReportRow
    text = r.text if texts else null().label("text")
    stmt = select(r.id, r.uuid, r.title, r.sha256, text, r.source_name).order_by(r.id)
    if report_ids is not None:
        stmt = stmt.where(r.id.in_(report_ids))
    return {row[0]: ExchangeReport(*row[1:]) for row in session.connection().execute(stmt)}


def _pages(session: Session, report_ids: list[int] | None) -> dict[int, Pages]:
    """The pages of the reports read from a paged file (PDF), by report id."""
    stmt = select(ReportRow.id, ReportRow.meta).where(ReportRow.source_format == "pdf")
    if report_ids is not None:
        stmt = stmt.where(ReportRow.id.in_(report_ids))
    found = ((int(i), pages_from_meta(m)) for i, m in session.connection().execute(stmt))
    return {i: p for i, p in found if p}


def _links(
    session: Session, report_ids: list[int] | None
) -> tuple[dict[int, list[str]], dict[int, list[ExchangeStance]], dict[int, list[str]]]:
    tag_names = {
        int(i): str(n)
        for i, n in session.connection().execute(
            select(TagRow.id, TagRow.name).order_by(TagRow.sort_order, TagRow.id)
        )
    }
    order = {tid: pos for pos, tid in enumerate(tag_names)}
    tags: dict[int, list[str]] = defaultdict(list)
    pairs = sorted(
        session.connection().execute(
            _scoped(select(AnnotationTagRow.annotation_id, AnnotationTagRow.tag_id), report_ids)
        ),
        key=lambda p: (p[0], order.get(p[1], 0)),
    )
    for aid, tid in pairs:
        tags[aid].append(tag_names[tid])
    targets, labels = _names(session, TargetRow), _names(session, StanceLabelRow)
    stances: dict[int, list[ExchangeStance]] = defaultdict(list)
    stance_rows = select(
        AnnotationStanceRow.annotation_id,
        AnnotationStanceRow.target_id,
        AnnotationStanceRow.label_id,
        AnnotationStanceRow.intensity,
    ).order_by(AnnotationStanceRow.id)
    rows = session.connection().execute(_scoped(stance_rows, report_ids))
    for aid, target, label, intensity in rows:
        stances[aid].append(ExchangeStance(targets[target], labels[label], intensity))
    cites: dict[int, list[str]] = defaultdict(list)
    cite_rows = cited_labels().order_by(FootnoteRow.start)
    for aid, label in session.connection().execute(_scoped(cite_rows, report_ids)):
        cites[aid].append(label)
    return tags, stances, cites


def exchange_set(
    session: Session,
    report_ids: Sequence[int] | None = None,
    *,
    texts: bool = False,
    label: str = DEFAULT_LABEL,
    statuses: Sequence[str] | None = None,
    only_author: int | None = None,
) -> ExchangeSet:
    """The annotations of the chosen reports (all when None), with the codebook, and the
    report texts when `texts` (for formats that carry them); only those whose status is
    one of `statuses` when given (["accepted"]: the final set), and only `only_author`'s
    when given (blind coding)."""
    with paused_gc():
        return _exchange_set(session, report_ids, texts, label, statuses,
                             only_author).build()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Collection paused while a bulk read builds its many small objects (none of them in a
    cycle): the collector would otherwise walk the growing heap again and again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _exchange_set(
    session: Session,
    report_ids: Sequence[int] | None,
    texts: bool,
    label: str,
    statuses: Sequence[str] | None = None,
    only_author: int | None = None,
) -> _SetRows:
    ids = list(report_ids) if report_ids is not None else None
    conn = session.connection()
    codebook = read_codebook(session)
    reports = _reports(session, ids, texts)
    by_name = {name_key(s.name): s for s in codebook.speakers}
    speakers: dict[int, SpeakerDef] = {
        i: by_name.get(name_key(n)) or SpeakerDef(n) for i, n in _names(session, SpeakerRow).items()
    }
    authors = _names(session, ReviewerRow)
    tags, stances, cites = _links(session, ids)
    pages = _pages(session, ids)
    a = table_of(AnnotationRow).c
    stmt = select(
        *placed(a),
        a.speaker_id,
        a.note,
        a.status,
        a.author_id,
        a.created_at,
        a.modified_at,
    ).order_by(a.report_id, a.start, a.end, a.id)
    if ids is not None:
        stmt = stmt.where(a.report_id.in_(ids))
    if statuses is not None:
        stmt = stmt.where(a.status.in_(list(statuses)))
    if only_author is not None:
        stmt = stmt.where(a.author_id == only_author)
    rows = conn.execute(stmt).all()
    memos = exchange_memos(session, reports.values())
    return _SetRows(rows, reports, codebook, label, speakers, authors, tags, stances, cites,
                    pages, memos)


@dataclass(frozen=True, slots=True)
class _SetRows:
    """What the reads of an annotation set found, before its values are built (which
    needs no connection: a caller may let go of it first)."""

    rows: Sequence[Any]
    reports: dict[int, ExchangeReport]
    codebook: Codebook
    label: str
    speakers: dict[int, SpeakerDef]
    authors: dict[int, str]
    tags: dict[int, list[str]]
    stances: dict[int, list[ExchangeStance]]
    cites: dict[int, list[str]]
    pages: dict[int, Pages]
    memos: tuple[ExchangeMemo, ...]

    def build(self, progress: ExportProgress | None = None) -> ExchangeSet:
        reports, tags, stances, cites = self.reports, self.tags, self.stances, self.cites
        speakers, authors, pages = self.speakers, self.authors, self.pages
        no_tags: tuple[str, ...] = ()
        annotations = []
        for row in watched(self.rows, progress, READING):
            aid, report = row[0], reports[row[2]]
            annotations.append(
                ExchangeAnnotation(
                    row[1],
                    report.uuid,
                    report.title,
                    report.sha256,
                    row[3],
                    row[4],
                    row[5],
                    row[6],
                    row[7],
                    tuple(tags[aid]) if aid in tags else no_tags,
                    speakers.get(row[8]) if row[8] is not None else None,
                    tuple(stances[aid]) if aid in stances else (),
                    row[9],
                    tuple(cites[aid]) if aid in cites else no_tags,
                    row[10],
                    authors.get(row[11], ""),
                    utc(row[12]),
                    utc(row[13]),
                    page_at(pages[row[2]], row[3]) if row[2] in pages else None,
                )
            )
        return ExchangeSet(tuple(annotations), tuple(reports.values()), self.codebook,
                           self.label, self.memos)


def build_set(
    ws: Workspace,
    report_ids: Sequence[int] | None = None,
    *,
    texts: bool = False,
    statuses: Sequence[str] | None = None,
    progress: ExportProgress | None = None,
) -> ExchangeSet:
    """The set as the acting reviewer may see it (while blind coding hides others' work
    from them, only their own annotations), read in one snapshot; `progress` follows the
    building of its values, which happens after the connection is given back (so the
    caller may handle events, and read, while it is told)."""
    only_author = ws.access().only_author
    with paused_gc():
        with ws.db.session() as session:
            found = _exchange_set(session, report_ids, texts, DEFAULT_LABEL, statuses,
                                  only_author)
        return found.build(progress)


def export_annotations(
    ws: Workspace,
    format_name: str,
    dest: Path,
    report_ids: Sequence[int] | None = None,
    statuses: Sequence[str] | None = None,
    *,
    overwrite: bool = False,
    progress: ExportProgress | None = None,
) -> ExchangeSet:
    """Write the annotations of the chosen reports (all when None) to `dest`, only those
    with one of `statuses` when given; the set written is returned (for counts). An unknown
    format is a CommandError naming the known ones. `dest` is checked first (never a
    database, never an existing file unless `overwrite`) and written beside, then renamed
    into place, so a failed export leaves whatever was there before. `progress` follows
    the reading and the writing and may stop either (ExportCancelled; nothing written)."""
    exporter = EXPORTERS.get(format_name)
    if exporter is None:
        raise CommandError(
            f"Unknown export format {format_name!r} (choose one of {', '.join(EXPORTERS)})"
        )
    if statuses is not None and set(statuses) == {"accepted"}:
        ws.access().require(Action.SETTLE)  # the accepted annotations are the final set
    dest = check_destination(dest, overwrite=overwrite, folder=exporter.writes_folder(dest))
    if exporter.needs_annotations:
        s = build_set(ws, report_ids, texts=exporter.needs_texts, statuses=statuses,
                      progress=progress)
    else:
        s = ExchangeSet(codebook=ws.codebook())
    exporter.write(watching(s, progress), dest)
    return s
