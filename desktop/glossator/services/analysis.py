"""Analysis across the library, for the window, the command line and tests: one object per
workspace, every method a short read (no write lock) returning plain frozen values.

    analysis = Analysis(ws)
    found = analysis.find(PassageQuery(tags=("Accusation",), speakers=("Al-Tamimi",)))
    len(found)                                   # the count, at once
    rows = analysis.read(found, 0, 200)          # the rows a table shows first
    for batch in analysis.batches(found):        # everything, 500 at a time
        ...
    analysis.frequencies(query)                  # TagFrequencies
    analysis.cooccurrence(query, "paragraph")    # CooccurrenceMatrix (tag x tag)
    analysis.cooccurrence(query, by="speaker")   # speaker x tag
    analysis.cell(query, "Accusation", "Threat") # the passages behind one cell
    analysis.timeline(query, "Iran")             # StanceTimeline, per month and label
    analysis.memos("report", report_id)          # Memo values; changes via ws.run(AddMemo...)

Every call opens its own read connection, so a window can run one in a worker thread (each
thread its own call), or run `read` slice by slice on its own thread between paints.
Memos are changed by commands (services.memos: AddMemo, EditMemo, DeleteMemo) run through
`Workspace.run`, undoable like every change.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Connection, select

from glossator.core.analysis import (
    CooccurrenceCell,
    CooccurrenceMatrix,
    Memo,
    Passage,
    StanceTimeline,
    TagFrequencies,
)
from glossator.core.exchange import QUOTE_CONTEXT
from glossator.core.report_document import ReportDocument
from glossator.services import counts
from glossator.services.analysis_files import describe_query, save_passages, save_report_html
from glossator.services.commands import CommandError
from glossator.services.memo_queries import MemoHit, find_memo, memo_search, memo_views
from glossator.services.passage_filters import NOT_REJECTED, PassageQuery
from glossator.services.passages import (
    BULK,
    PassageSelection,
    find_passages,
    passage_ids_of,
    read_passages,
    read_selection,
)
from glossator.services.report_document import report_document
from glossator.services.workspace import Workspace
from glossator.store.models import ReportRow, SpeakerRow, TagRow

BATCH = 500
EVERYTHING = PassageQuery()  # every passage that is not rejected


class Analysis:
    """Every query is scoped to what the acting reviewer may see: under blind coding an
    annotator's passages, counts and documents hold their own annotations alone."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def _scoped(self, query: PassageQuery) -> PassageQuery:
        only = self.ws.access().only_author
        return query if only is None else replace(query, visible_to=only)

    # -- passages -------------------------------------------------------------------------

    def find(self, query: PassageQuery = EVERYTHING) -> PassageSelection:
        """The passages matching `query`, as ids in library order (report date, report,
        position): cheap to hold for a whole library; read them with `read`."""
        query = self._scoped(query)  # before the read: one connection per file
        with self.ws.db.reading() as conn:
            return find_passages(conn, query)

    def read(
        self, found: PassageSelection, start: int = 0, stop: int | None = None,
        context: int = QUOTE_CONTEXT,
    ) -> list[Passage]:
        """Passages `start` to `stop` (exclusive) of a selection, with `context` characters
        of text each side of the quote."""
        with self.ws.db.reading() as conn:
            return read_selection(conn, found, start, stop, context)

    def batches(
        self, found: PassageSelection | PassageQuery, size: int = BATCH,
        context: int = QUOTE_CONTEXT,
    ) -> Iterator[list[Passage]]:
        """Every passage of a selection (or query), `size` at a time; each batch is read on
        its own connection when it is asked for."""
        selection = found if isinstance(found, PassageSelection) else self.find(found)
        for at in range(0, len(selection), max(1, size)):
            yield self.read(selection, at, at + size, context)

    def passages(
        self, query: PassageQuery = EVERYTHING, limit: int | None = None,
        context: int = QUOTE_CONTEXT,
    ) -> list[Passage]:
        """The first `limit` passages of a query (all when None), in one call."""
        return self.read(self.find(query), 0, limit, context)

    def passages_by_id(self, uuids: Sequence[str], context: int = QUOTE_CONTEXT) -> list[Passage]:
        """Passages by annotation UUID (a matrix cell's), in the order given."""
        only = self.ws.access().only_author  # before the read: one connection per file
        with self.ws.db.reading() as conn:
            ids = passage_ids_of(conn, list(uuids), only)
            return read_passages(conn, ids, context)

    def export_passages(
        self, query: PassageQuery, fmt: str, dest: Path, *, by: str = "tag",
        context: int = QUOTE_CONTEXT, title: str = "Passages", overwrite: bool = False,
    ) -> int:
        """Write a query's passages as csv, jsonl, html or md (grouped `by` tag or
        speaker); returns how many were written."""
        found = self.find(query)
        size = BULK - 1  # the largest batch still read by lists of ids
        stream = (p for batch in self.batches(found, size, context) for p in batch)
        return save_passages(
            stream, fmt, dest, by=by, title=title, description=self.describe(query),
            order=self._tag_paths(), overwrite=overwrite,
        )

    def describe(self, query: PassageQuery) -> str:
        titles: list[str] = []
        if query.report_ids:
            with self.ws.db.reading() as conn:
                titles = [str(t) for t in conn.execute(
                    select(ReportRow.title).where(ReportRow.id.in_(query.report_ids))).scalars()]
        return describe_query(query, titles)

    def _tag_paths(self) -> list[str]:
        return [t.path for t in self.ws.tags()]

    # -- counts ---------------------------------------------------------------------------

    def frequencies(
        self, query: PassageQuery = EVERYTHING, roll_up: bool = False
    ) -> TagFrequencies:
        query = self._scoped(query)  # before the read: one connection per file
        with self.ws.db.reading() as conn:
            return counts.tag_frequencies(conn, query, roll_up)

    def cooccurrence(
        self, query: PassageQuery = EVERYTHING, mode: str = "overlap", by: str = "tag",
        roll_up: bool = False,
    ) -> CooccurrenceMatrix:
        query = self._scoped(query)  # before the read: one connection per file
        with self.ws.db.reading() as conn:
            return counts.cooccurrence(conn, query, mode, by, roll_up)

    def cell(
        self, query: PassageQuery, row: str, column: str, mode: str = "overlap",
        by: str = "tag", roll_up: bool = False,
    ) -> CooccurrenceCell:
        query = self._scoped(query)  # before the read: one connection per file
        with self.ws.db.reading() as conn:
            return counts.cooccurrence_cell(conn, query, row, column, mode, by, roll_up)

    def timeline(self, query: PassageQuery, target: str) -> StanceTimeline:
        query = self._scoped(query)  # before the read: one connection per file
        with self.ws.db.reading() as conn:
            return counts.stance_timeline(conn, query, target)

    # -- memos ----------------------------------------------------------------------------

    def memos(self, kind: str | None = None, subject: int | str | None = None) -> list[Memo]:
        """Memos, oldest first: all, of a kind, or of one subject (a report, tag or speaker
        by id; a tag or speaker also by name)."""
        with self.ws.db.reading() as conn:
            uuid = self._subject(conn, kind, subject) if subject is not None else None
            return memo_views(conn, kind=kind, subject=uuid)

    @staticmethod
    def _subject(conn: Connection, kind: str | None, subject: int | str) -> str:
        if kind == "report":
            stmt = select(ReportRow.uuid).where(
                ReportRow.id == subject if isinstance(subject, int) else ReportRow.uuid == subject)
        elif kind == "tag":
            stmt = select(TagRow.uuid).where(
                TagRow.id == subject if isinstance(subject, int) else TagRow.name == subject)
        elif kind == "speaker":
            stmt = select(SpeakerRow.uuid).where(
                SpeakerRow.id == subject if isinstance(subject, int)
                else SpeakerRow.name == subject)
        else:
            raise CommandError("Say whether the subject is a report, a tag or a speaker")
        found = conn.execute(stmt).scalar()
        if found is None:
            raise CommandError(f"No {kind} is {subject!r}")
        return str(found)

    def memo(self, ref: str) -> Memo:
        """A memo by id or a unique prefix of it (4 characters or more)."""
        with self.ws.db.reading() as conn:
            found = memo_views(conn, uuids=[find_memo(conn, ref)])
        return found[0]

    def search_memos(self, query: str, limit: int = 20) -> list[MemoHit]:
        """Memos holding every word of `query` (title or text), best first, with snippets:
        the library search's other half."""
        with self.ws.db.reading() as conn:
            return memo_search(conn, query, limit)

    # -- a report with its annotations ------------------------------------------------------

    def report_document(
        self, report_id: int, statuses: Sequence[str] = NOT_REJECTED
    ) -> ReportDocument:
        """The report, its passages, legend and memos: what the window prints."""
        only = self.ws.access().only_author
        with self.ws.db.reading() as conn:
            return report_document(conn, report_id, statuses, only)

    def export_report(
        self, report_id: int, dest: Path, *, statuses: Sequence[str] = NOT_REJECTED,
        overwrite: bool = False,
    ) -> Path:
        """The report with its highlights as one standalone HTML file."""
        return save_report_html(self.report_document(report_id, statuses), dest,
                                overwrite=overwrite)
