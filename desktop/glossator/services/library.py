"""The library's list of reports, read without the ORM and the commands.

`glossator reports` and the window's first paint need only this: SQLAlchemy's Core over
plain table clauses (`store/light_tables.py`), so they start in about the time SQLAlchemy
takes to import. `LibraryReader` is a workspace opened for that alone; `workspace()` turns
it into the full `Workspace` on the same database when the rest is wanted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Connection, func, select

from glossator import paths
from glossator.store.database import Database, open_database
from glossator.store.light_tables import ANNOTATIONS, FOOTNOTE_REFS, FOOTNOTES, REPORTS, SETTINGS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from glossator.services.values import ReportSummary
    from glossator.services.workspace import Workspace

TEAM_SETTING = "team"  # services.access: the team's roles and the blind-coding switch

_ORDER = (REPORTS.c.date.desc().nulls_last(), REPORTS.c.title, REPORTS.c.id)
_COLUMNS = (REPORTS.c.id, REPORTS.c.uuid, REPORTS.c.title, REPORTS.c.date,
            REPORTS.c.source_name, REPORTS.c.source_format, REPORTS.c.imported_at, REPORTS.c.meta)


def _counts(session: Session | Connection, column: Any, report_ids: list[int] | None,
            only_author: int | None = None) -> dict[int, int]:
    stmt = select(column, func.count()).group_by(column)
    if report_ids is not None:
        stmt = stmt.where(column.in_(report_ids))
    if only_author is not None:  # annotations only: a reader who sees only their own
        stmt = stmt.where(ANNOTATIONS.c.author_id == only_author)
    return {int(k): int(v) for k, v in session.execute(stmt)}


def _review_counts(
    session: Session | Connection, report_ids: list[int] | None, only_author: int | None = None
) -> dict[tuple[int, str], int]:
    """Annotations still proposed, and disputed, per report (what the review filters use)."""
    a = ANNOTATIONS.c
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
    from glossator.services.values import FOOTNOTE_WARNING

    warning = meta.get(FOOTNOTE_WARNING) if isinstance(meta, dict) else None
    return warning if isinstance(warning, str) and warning else None


def report_summaries(
    session: Session | Connection, report_ids: Iterable[int] | None = None,
    only_author: int | None = None,
) -> list[ReportSummary]:
    """Every report's line in the library (or those of `report_ids`): counts of markers,
    notes, annotations and review, and the labels of missing and uncited notes, each
    once in text order; annotation counts only of `only_author`'s annotations when given
    (blind coding). Linear in the markers and notes: a label is kept in a dict."""
    from glossator.services.values import ReportSummary  # not needed for the first list

    ids = list(report_ids) if report_ids is not None else None
    stmt = select(*_COLUMNS, REPORTS.c.version).order_by(*_ORDER)
    if ids is not None:
        stmt = stmt.where(REPORTS.c.id.in_(ids))
    markers = _counts(session, FOOTNOTE_REFS.c.report_id, ids)
    notes = _counts(session, FOOTNOTES.c.report_id, ids)
    counted = _counts(session, ANNOTATIONS.c.report_id, ids, only_author)
    review = _review_counts(session, ids, only_author)
    ref, note = FOOTNOTE_REFS.c, FOOTNOTES.c
    missing: dict[int, dict[str, None]] = defaultdict(dict)  # labels once each, in text order
    missing_stmt = select(ref.report_id, ref.label).where(ref.footnote_id.is_(None)).order_by(
        ref.start)
    uncited: dict[int, list[str]] = defaultdict(list)
    cited = select(ref.footnote_id).where(ref.footnote_id.is_not(None))
    uncited_stmt = select(note.report_id, note.label).where(note.id.not_in(cited)).order_by(
        note.start)
    if ids is not None:
        missing_stmt = missing_stmt.where(ref.report_id.in_(ids))
        uncited_stmt = uncited_stmt.where(note.report_id.in_(ids))
    for rid, label in session.execute(missing_stmt):
        missing[rid].setdefault(label)
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
            annotation_count=counted.get(r.id, 0),
            imported_at=r.imported_at,
            proposed_count=review.get((r.id, "proposed"), 0),
            disputed_count=review.get((r.id, "disputed"), 0),
            footnote_warning=_footnote_warning(r.meta),
            version=r.version,
        )
        for r in session.execute(stmt)
    ]


class FirstLine(NamedTuple):
    """A report as the window's first paint lists it."""

    id: int
    title: str
    date: dt.date | None
    annotation_count: int | None  # None: not shown (blind coding: see `LibraryReader`)


def first_list(conn: Connection, counts: bool = True) -> list[FirstLine]:
    """The library as the window's first paint shows it, in one statement: titles, dates
    and (`counts`) annotation counts, in the library's order (the rest comes with
    `report_summaries`)."""
    r = REPORTS.c
    count = (select(func.count()).select_from(ANNOTATIONS)
             .where(ANNOTATIONS.c.report_id == r.id).scalar_subquery())
    columns = (r.id, r.title, r.date, count) if counts else (r.id, r.title, r.date)
    rows = conn.execute(select(*columns).order_by(*_ORDER))
    return [FirstLine(int(row[0]), str(row[1]), row[2], int(row[3]) if counts else None)
            for row in rows]


def sees_everyone(conn: Connection) -> bool:
    """Whether every reader sees every annotation: on a local file without blind coding.
    Otherwise what a reader sees depends on who they are (`services.access`), which only
    the full `Workspace` knows."""
    if conn.dialect.name != "sqlite":  # a team server: the database user decides
        return False
    value = conn.scalar(select(SETTINGS.c.value).where(SETTINGS.c.key == TEAM_SETTING))
    return not (isinstance(value, dict) and value.get("blind"))


class LibraryReader:
    """A workspace database opened to list its reports; nothing else is imported unless
    what a reader sees depends on who they are (blind coding, a team server): then the
    list comes from the full `Workspace`, as `Workspace.reports` gives it."""

    def __init__(self, db: Database, reviewer: str | None = None) -> None:
        self.db, self.reviewer = db, reviewer
        self._workspace: Workspace | None = None

    @classmethod
    def open(cls, location: str | Path | None = None,
             reviewer: str | None = None) -> LibraryReader:
        """Open (or create) a workspace as `Workspace.open` does, without its services."""
        target = paths.database_location(str(location) if location is not None else None)
        return cls(open_database(target, backup_folder=paths.backup_dir()), reviewer)

    def sees_everyone(self) -> bool:
        with self.db.reading() as conn:
            return sees_everyone(conn)

    def reports(self) -> list[ReportSummary]:
        if self._workspace is None and self.sees_everyone():
            with self.db.reading() as conn:
                return report_summaries(conn)
        return self.workspace(self.reviewer).reports()

    def first_list(self) -> list[FirstLine]:
        """The window's first list; without annotation counts when not everyone sees every
        annotation (they come with the assembled window's list)."""
        with self.db.reading() as conn:
            return first_list(conn, counts=sees_everyone(conn))

    def workspace(self, reviewer: str | None = None) -> Workspace:
        """The full workspace on this database (the services imported now); it owns the
        database from then on."""
        if self._workspace is None:
            from glossator.services.workspace import Workspace

            self._workspace = Workspace(self.db, reviewer)
            self._workspace.ensure_codebook()
        return self._workspace

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close()
        else:
            self.db.close()

    def __enter__(self) -> LibraryReader:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
