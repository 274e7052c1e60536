"""The Workspace: one open database, the current reviewer, and the commands run on it."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from glossator import paths
from glossator.core.agreement import AgreementOptions, AgreementResult
from glossator.core.codebook import Codebook
from glossator.core.permissions import Action
from glossator.formats.codebook_json import codebook_from_json, load_default_codebook
from glossator.formats.errors import ImportRefused
from glossator.formats.reports import SUPPORTED_SUFFIXES
from glossator.services import attribution, library, queries, spans
from glossator.services.annotation_pages import AnnotationPage, Cursor, annotation_page
from glossator.services.codebook import ImportCodebook, read_codebook
from glossator.services.commands import Change, Command, CommandError, Context
from glossator.services.conflicts import Conflict, ConflictError
from glossator.services.destinations import check_backup_destination
from glossator.services.feed import change_to_json
from glossator.services.report_texts import ReportTexts
from glossator.services.reports import ImportReport, PreparedReport
from glossator.services.review_queries import find_annotation, find_review, review_thread
from glossator.services.review_values import ReviewThread
from glossator.services.reviewer_switch import SwitchReviewer
from glossator.services.search import SearchHit, search_library
from glossator.services.values import (
    AnnotationView,
    ImportOutcome,
    ReportDetail,
    ReportSummary,
    ReportText,
    SpansInRange,
    SpeakerView,
    StanceLabelView,
    StanceMatrix,
    SuggestionView,
    TagView,
    TargetView,
)
from glossator.services.workspace_team import TeamMixin
from glossator.store import change_log
from glossator.store.database import Database, open_database
from glossator.store.models import ReportRow, ReviewerRow, StanceLabelRow, TagRow

log = logging.getLogger(__name__)

Listener = Callable[[Change], None]
Progress = Callable[[int, int, ImportOutcome], bool]  # (done, total, last) -> keep going?
Prepare = Callable[[Path], PreparedReport]  # a file read and parsed, or ImportRefused


class ImportStopped(Exception):
    """Raised by a `prepare` the user stopped: that file is not imported and the import
    ends there; what was imported before it stays."""

FOLDER_SUFFIXES = frozenset(SUPPORTED_SUFFIXES | {".docx"})


class ReportNotFound(CommandError):
    """No report, or more than one, answers to what the user typed."""


class Workspace(TeamMixin):
    """Owns the database; every change goes through `run` / `revert`, one transaction each.

    Team work (see workspace_team.py): `access()`, `may(action)` and `team()` say what the
    acting reviewer may do and see; reads leave out others' annotations while blind coding
    hides them; `changes_since(token)` follows what other programs commit.
    """

    def __init__(self, db: Database, reviewer: str | None = None) -> None:
        self.db = db
        self.reviewer = reviewer
        self._listeners: list[Listener] = []
        self.texts = ReportTexts()  # the texts handed out, for keypresses' quotes
        self._init_team()

    @classmethod
    def open(
        cls,
        location: str | Path | None = None,
        *,
        reviewer: str | None = None,
        default_codebook: bool = True,
    ) -> Workspace:
        """Open (or create) a workspace: a file path, a SQLAlchemy URL, or the default location."""
        target = paths.database_location(str(location) if location is not None else None)
        ws = cls(open_database(target, backup_folder=paths.backup_dir()), reviewer)
        if default_codebook:
            ws.ensure_codebook()
        return ws

    def close(self) -> None:
        self._close_team()
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- commands -------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    @property
    def read_only(self) -> bool:
        """The workspace could only be opened for reading (a read-only medium, permissions):
        every command is refused with a sentence saying so."""
        return self.db.read_only

    def schema_revision(self) -> str | None:
        return self.db.schema_revision()

    def _execute(self, command: Command, action: str) -> Change:
        try:
            with self.db.writing() as session, session.begin():
                ctx = Context(session, self.reviewer, action, aliases=self.aliases,
                              texts=self.texts)
                for step_command in _with_parts(command):
                    if step_command.requires is not None:
                        ctx.access.require(step_command.requires)
                step = command.apply if action == "apply" else command.revert
                change = step(ctx)
                session.flush()
                ctx.guard.finalize(ctx.events, type(command).__name__, action, self.reviewer)
                ctx.write_history()
                change_log.append(ctx.core, change_to_json(change), self.reviewer, self.origin)
        except StaleDataError as exc:  # an ORM update found its row at another version
            raise ConflictError(
                [Conflict(_entity_in(str(exc)), "", None, None, None, None, None, None)],
                undoing=action == "revert",
            ) from exc
        ctx.guard.settle()
        self._after_commit(change)
        for listener in list(self._listeners):
            try:  # the change is committed: a view that fails to follow it must not undo that
                listener(change)
            except Exception:
                log.exception("A listener failed to follow %r", change.message)
        return change

    def run(self, command: Command) -> Change:
        """Apply a command in one transaction; on any error nothing is written."""
        return self._execute(command, "apply")

    def revert(self, command: Command) -> Change:
        return self._execute(command, "revert")

    # -- reviewers ------------------------------------------------------------------------

    def set_reviewer(self, name: str) -> Change | None:
        """Act as `name` from now on: a `SwitchReviewer` command, in the history like every
        other (the new reviewer is the one who acts); None on a read-only workspace, where
        the name is still used for this session but nothing can be recorded. On a team
        server the reviewer is the database user who logged in: another name is ignored
        (`identity_fixed`)."""
        command = SwitchReviewer(self._reviewer_for(" ".join(name.split())), self.reviewer)
        self.reviewer = command.name
        self._forget_access()
        if self.read_only:
            return None
        return self.run(command)

    def reviewers(self) -> list[str]:
        with self.db.session() as session:
            return list(session.scalars(select(ReviewerRow.name).order_by(ReviewerRow.name)))

    # -- queries --------------------------------------------------------------------------

    def reports(self) -> list[ReportSummary]:
        only = self._only_author()
        with self.db.reading() as conn:
            return library.report_summaries(conn, only_author=only)

    def report_summary(self, report_id: int) -> ReportSummary | None:
        """One report's line in the library (counts of notes, annotations, review)."""
        only = self._only_author()
        with self.db.reading() as conn:
            found = library.report_summaries(conn, [report_id], only_author=only)
        return found[0] if found else None

    def report_count(self) -> int:
        with self.db.session() as session:
            return int(session.scalar(select(func.count()).select_from(ReportRow)) or 0)

    def report(self, report_id: int) -> ReportDetail:
        with self.db.reading() as conn:  # one read transaction: the hash is the text's
            detail = queries.report_detail(conn, report_id)
            sha = spans.report_hash(conn, report_id)
        if detail is None or sha is None:
            raise ReportNotFound(f"Report {report_id} does not exist")
        self.texts.remember(report_id, sha, detail.text)
        return detail

    def report_text(self, report_id: int) -> ReportText:
        """The text and title alone (a quick first paint; `report` has the rest)."""
        with self.db.reading() as conn:
            found = spans.report_text(conn, report_id)
        if found is None:
            raise ReportNotFound(f"Report {report_id} does not exist")
        self.texts.remember(report_id, found.sha256, found.text)
        return found

    def spans_in(self, report_id: int, lo: int, hi: int) -> SpansInRange:
        """Markers and highlights overlapping [lo, hi) in code points: what is in view."""
        only = self._only_author()
        with self.db.reading() as conn:
            return spans.spans_in(conn, report_id, lo, hi, only)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Reports holding every word of `query` (title or text), best first, with snippets."""
        with self.db.session() as session:
            return search_library(session, query, limit)

    def find_report(self, ref: str) -> ReportSummary:
        """A report by id or by a unique, case-insensitive title prefix."""
        ref = ref.strip()
        summaries = self.reports()
        if ref.isdigit():
            for s in summaries:
                if s.id == int(ref):
                    return s
        key = ref.casefold()
        found = [s for s in summaries if s.title.casefold().startswith(key)] if key else []
        if len(found) == 1:
            return found[0]
        if not found:
            raise ReportNotFound(f"No report has the id or title {ref!r}")
        listed = "; ".join(f"{s.id}: {s.title[:50]}" for s in found[:5])
        raise ReportNotFound(f"{len(found)} reports start with {ref!r} ({listed}); use the id")

    def annotations(self, report_id: int) -> list[AnnotationView]:
        """The report's annotations the acting reviewer may see (blind coding: their own)."""
        only = self._only_author()
        with self.db.reading() as conn:
            return queries.annotation_views(conn, report_id=report_id, only_author=only)

    def annotation_page(
        self, report_id: int, after: Cursor | None = None, limit: int = 500
    ) -> AnnotationPage:
        """Up to `limit` of the report's annotations in text order, after `after` (the
        previous page's `next`): a long report read a page at a time."""
        with self.db.reading() as conn:
            return annotation_page(conn, report_id, after, limit)

    def annotation(self, uuid: str) -> AnnotationView | None:
        only = self._only_author()
        with self.db.reading() as conn:
            found = queries.annotation_views(conn, uuids=[uuid], only_author=only)
        return found[0] if found else None

    def tags(self) -> list[TagView]:
        with self.db.session() as session:
            return queries.tag_views(session)

    def codebook(self) -> Codebook:
        with self.db.session() as session:
            return read_codebook(session)

    # -- who said what ----------------------------------------------------------------------

    def speakers(self) -> list[SpeakerView]:
        with self.db.session() as session:
            return attribution.speaker_views(session)

    def targets(self) -> list[TargetView]:
        with self.db.session() as session:
            return attribution.target_views(session)

    def stance_labels(self) -> list[StanceLabelView]:
        with self.db.session() as session:
            return attribution.stance_label_views(session)

    def suggestions(self, report_id: int) -> list[SuggestionView]:
        return attribution.suggestions_from(self.suggestion_inputs(report_id))

    def suggestion_inputs(
        self, report_id: int, detail: ReportDetail | None = None, *,
        codebook: Codebook | None = None, taken: frozenset[tuple[int, int]] | None = None,
    ) -> attribution.SuggestionInputs:
        """What `suggestions` reads; what the caller already has (the report, the codebook,
        the annotated spans) is not read again. The rest is `attribution.suggestions_from`,
        which reads nothing."""
        detail = detail if detail is not None and detail.id == report_id else self.report(report_id)
        codebook = codebook if codebook is not None else self.codebook()
        with self.db.session() as session:
            return attribution.suggestion_inputs(session, detail, codebook, taken)

    def cites_for(self, report_id: int, start: int, end: int) -> tuple[str, ...]:
        return attribution.cites_for(self.report(report_id), start, end)

    def stance_matrix(self) -> StanceMatrix:
        only = self._only_author()
        with self.db.session() as session:
            return attribution.stance_matrix(session, only)

    def stance_passages(
        self, speaker: str, target: str, label: str | None = None
    ) -> list[AnnotationView]:
        only = self._only_author()
        with self.db.session() as session:
            uuids = attribution.stance_passages(session, speaker, target, label, only)
            order = {u: i for i, u in enumerate(uuids)}
            found = queries.annotation_views(session, uuids=uuids, only_author=only)
        return sorted(found, key=lambda a: order[a.id])

    # -- codebook and seeds -----------------------------------------------------------------

    def ensure_codebook(self) -> None:
        """A workspace with no tags and no stance labels gets the default codebook."""
        if self.read_only or not self.may(Action.CODEBOOK):
            return
        with self.db.session() as session:
            has_tags = session.scalar(select(func.count()).select_from(TagRow))
            has_labels = session.scalar(select(func.count()).select_from(StanceLabelRow))
        if not has_tags and not has_labels:
            self.run(ImportCodebook(load_default_codebook(), "the default codebook"))

    def ensure_seeded(self, seeds: Path | None = None) -> list[ImportOutcome]:
        """An empty workspace imports the sample reports (and their codebook), once."""
        if self.report_count() or not self.may(Action.LIBRARY):
            return []
        folder = seeds or paths.seeds_dir()
        if not folder.is_dir():
            return []
        codebook = folder / "codebook.json"
        if codebook.is_file():
            self.run(ImportCodebook(codebook_from_json(codebook.read_bytes()), "the seed codebook"))
        return self.import_paths([folder])

    # -- import -----------------------------------------------------------------------------

    @staticmethod
    def expand_paths(items: Iterable[str | Path]) -> list[Path]:
        """Files as given; folders walked for report files, hidden entries skipped."""
        out: list[Path] = []
        for item in items:
            path = Path(item)
            if path.is_dir():
                for root, dirs, files in os.walk(path):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    out.extend(
                        Path(root) / f
                        for f in sorted(files)
                        if not f.startswith(".") and Path(f).suffix.lower() in FOLDER_SUFFIXES
                    )
            else:
                out.append(path)
        return out

    def import_file(self, path: Path, applied: list[Command] | None = None,
                    prepare: Prepare | None = None) -> ImportOutcome:
        """Import one file in a transaction of its own; the command that stored it is added
        to `applied` when given (the window makes one undo step of them). `prepare` reads
        and parses the file (`PreparedReport.from_file`, which touches no database; the
        window runs it on another thread); only the storing happens here."""
        name = path.name
        try:
            prepared = (prepare or PreparedReport.from_file)(path)
        except ImportRefused as exc:  # a refused file stops nothing and touches nothing
            return ImportOutcome(name, "refused", reason=exc.reason)
        command = ImportReport(prepared)
        self.run(command)
        if applied is not None and command.report_id is not None:
            applied.append(command)
        if command.duplicate_of is not None:
            rid, title = command.duplicate_of
            return ImportOutcome(name, "duplicate", report_id=rid, title=title)
        return ImportOutcome(
            name,
            "imported",
            report_id=command.report_id,
            title=prepared.title,
            encoding=prepared.parsed.encoding,
            encoding_guessed=prepared.parsed.encoding_guessed,
            footnote_warning=prepared.layout.warning,
        )

    def import_paths(
        self,
        items: Sequence[str | Path],
        progress: Progress | None = None,
        applied: list[Command] | None = None,
        prepare: Prepare | None = None,
    ) -> list[ImportOutcome]:
        """Import files and folders, each file in its own transaction; stop when told to.
        The commands that stored reports are added to `applied` when given; `prepare` as
        in `import_file`."""
        files = self.expand_paths(items)
        outcomes: list[ImportOutcome] = []
        for path in files:
            try:
                outcome = self.import_file(path, applied, prepare)
            except ImportStopped:
                break
            outcomes.append(outcome)
            if progress is not None and not progress(len(outcomes), len(files), outcome):
                break
        return outcomes

    # -- maintenance ------------------------------------------------------------------------

    def check(self) -> list[str]:
        return self.db.integrity_problems()

    def backup(self, dest: Path | None = None, *, overwrite: bool = False) -> Path:
        """A consistent copy of the workspace: to `dest` (an existing file only replaced
        when `overwrite`; never a database open here), else into the backup folder."""
        if dest is not None:
            dest = check_backup_destination(dest, overwrite=overwrite)
        return self.db.backup(dest)

    # -- review -----------------------------------------------------------------------------

    def review_thread(self, annotation: str) -> ReviewThread | None:
        """The decisions and comments on an annotation, threaded (None: no such annotation)."""
        only = self._only_author()
        with self.db.session() as session:
            return review_thread(session, annotation, only)

    def find_annotation(self, ref: str) -> str:
        """The full id of the annotation whose id is, or uniquely starts with, `ref`."""
        only = self._only_author()
        with self.db.session() as session:
            return find_annotation(session, ref, only)

    def find_review(self, ref: str) -> str:
        """The full id of the decision or comment whose id is, or uniquely starts with, `ref`."""
        with self.db.session() as session:
            return find_review(session, ref)

    def agreement(
        self, reviewers: Sequence[str], report_ids: Sequence[int] | None = None,
        tag: str | None = None, *, options: AgreementOptions | None = None,
        include_rejected: bool = False, include_orphaned: bool = False,
    ) -> AgreementResult:
        """Agreement of reviewers (code-point units per tag, span F1, disagreements, fields
        over paired spans); rejected and orphaned annotations left out unless included."""
        from glossator.services.agreement import agreement

        self.access().require(Action.SEE_ALL)  # comparing needs everyone's annotations
        with self.db.session() as session:
            return agreement(
                session, reviewers, report_ids, tag, options=options,
                include_rejected=include_rejected, include_orphaned=include_orphaned,
            )


def _with_parts(command: Command) -> list[Command]:
    out, stack = [], [command]
    while stack:
        found = stack.pop()
        out.append(found)
        stack.extend(found.parts())
    return out


def _entity_in(message: str) -> str:
    from glossator.store.versions import ENTITIES

    for table_name, (kind, _column) in ENTITIES.items():
        if f"'{table_name}'" in message:
            return kind
    return "annotation"
