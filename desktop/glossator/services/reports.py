"""Commands on reports: import, rename, delete."""

from __future__ import annotations

import hashlib
import uuid as uuidlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, insert, select

from glossator.core.footnotes import FootnoteLayout, detect_footnotes
from glossator.core.pages import pages_to_meta
from glossator.core.permissions import Action
from glossator.formats.decoding import MAX_REPORT_BYTES
from glossator.formats.errors import ImportRefused
from glossator.formats.reports import ParsedReport, read_report
from glossator.formats.sizes import too_large
from glossator.services.commands import Change, Command, CommandError, Context
from glossator.services.values import FOOTNOTE_WARNING
from glossator.store.engine import is_live
from glossator.store.models import FootnoteRefRow, FootnoteRow, ReportRow, table_of
from glossator.store.snapshot import Snapshot, delete_report_rows, restore, snapshot_report


def footnote_meta(meta: dict[str, object] | None, layout: FootnoteLayout) -> dict[str, object]:
    """A report's meta with the layout's footnote warning set (or cleared)."""
    kept = {k: v for k, v in (meta or {}).items() if k != FOOTNOTE_WARNING}
    return {**kept, FOOTNOTE_WARNING: layout.warning} if layout.warning else kept


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class PreparedReport:
    """A file read, decoded, normalized and with its footnotes found: ready to store."""

    name: str
    original: bytes
    parsed: ParsedReport
    layout: FootnoteLayout
    sha256: str

    @classmethod
    def from_bytes(cls, data: bytes, name: str) -> PreparedReport:
        parsed = read_report(data, name)
        layout = detect_footnotes(parsed.text, parsed.verbatim)
        return cls(name, data, parsed, layout, text_digest(parsed.text))

    @classmethod
    def from_file(cls, path: Path) -> PreparedReport:
        """A file read and prepared; any reason not to (missing, too large, unreadable, a
        reader fault) raised as `ImportRefused`, nothing else."""
        name = path.name
        try:
            if is_live(path.resolve()):
                raise ImportRefused(name, "this is the open workspace's database, not a report")
            if not path.is_file():
                raise ImportRefused(name, "no such file" if not path.exists() else "not a file")
            size = path.stat().st_size
            if size > MAX_REPORT_BYTES:
                raise ImportRefused(name, too_large(size, MAX_REPORT_BYTES))
            return cls.from_bytes(path.read_bytes(), name)
        except ImportRefused:
            raise
        except OSError as exc:
            raise ImportRefused(name, f"cannot be read ({exc.strerror or exc})") from exc
        except Exception as exc:  # a reader fault refuses the file; nothing is written
            raise reader_fault(name, exc) from exc

    @property
    def title(self) -> str:
        if self.parsed.title:
            return self.parsed.title[:500]
        return self.name.rsplit("/", 1)[-1][:500]


def reader_fault(name: str, exc: Exception) -> ImportRefused:
    """The refusal of a file whose reader failed (a bug or a hostile file, never a crash)."""
    return ImportRefused(name, f"cannot be parsed ({type(exc).__name__})")


def find_duplicate(ctx: Context, sha256: str) -> tuple[int, str] | None:
    row = ctx.session.execute(
        select(ReportRow.id, ReportRow.title).where(ReportRow.sha256 == sha256)
    ).first()
    return (int(row[0]), str(row[1])) if row else None


def insert_report(ctx: Context, prepared: PreparedReport, report_uuid: str) -> int:
    parsed, layout = prepared.parsed, prepared.layout
    row = ReportRow(
        uuid=report_uuid,
        title=prepared.title,
        date=parsed.date,
        source_name=prepared.name[-1000:],
        source_format=parsed.source_format,
        encoding=parsed.encoding,
        encoding_guessed=parsed.encoding_guessed,
        text=parsed.text,
        sha256=prepared.sha256,
        original=prepared.original,
        body_end=layout.body_end,
        footnote_style=layout.style,
        meta=footnote_meta(pages_to_meta(parsed.pages), layout),
    )
    ctx.session.add(row)
    ctx.session.flush()
    insert_footnotes(ctx.session.connection(), row.id, layout)
    return row.id


def insert_footnotes(conn: Connection, report_id: int, layout: FootnoteLayout) -> dict[str, int]:
    """The report's notes and markers, each marker linked to its note as the layout links
    it (labels may restart: see ``FootnoteLayout``); the id of the first note of each
    label. Bulk rows go through Core: no ORM objects to build."""
    if layout.notes:
        conn.execute(
            insert(table_of(FootnoteRow)),
            [
                {
                    "report_id": report_id,
                    "label": n.label,
                    "start": n.start,
                    "end": n.end,
                    "text_start": n.text_start,
                    "text": n.text,
                }
                for n in layout.notes
            ],
        )
    note_ids: dict[str, int] = {}
    id_at: dict[int, int] = {}
    for note_id, label, start in conn.execute(
        select(FootnoteRow.id, FootnoteRow.label, FootnoteRow.start)
        .where(FootnoteRow.report_id == report_id)
        .order_by(FootnoteRow.start)
    ):
        note_ids.setdefault(label, note_id)
        id_at[start] = note_id
    if layout.markers:
        notes = layout.notes
        conn.execute(
            insert(table_of(FootnoteRefRow)),
            [
                {
                    "report_id": report_id,
                    "label": m.label,
                    "start": m.start,
                    "end": m.end,
                    "footnote_id": None if link is None else id_at.get(notes[link].start),
                }
                for m, link in zip(layout.markers, layout.links, strict=True)
            ],
        )
    return note_ids


class ImportReport(Command):
    """Store one prepared report; a text already in the workspace is reported as a duplicate."""

    label = "import report"
    requires = Action.LIBRARY

    def __init__(self, prepared: PreparedReport) -> None:
        self.prepared = prepared
        self.uuid = str(uuidlib.uuid4())
        self.report_id: int | None = None
        self.duplicate_of: tuple[int, str] | None = None
        self._snapshot: Snapshot | None = None

    def apply(self, ctx: Context) -> Change:
        if self._snapshot is not None:  # redo: the very same rows again
            assert self.report_id is not None
            key = ("reports", str(self.report_id))
            ctx.guard.check(self, [key])
            restore(ctx.session, self._snapshot)
            ctx.guard.touch(self, [key])
        else:
            self.duplicate_of = find_duplicate(ctx, self.prepared.sha256)
            if self.duplicate_of is not None:
                return Change(f"{self.prepared.name}: already in the workspace")
            self.report_id = insert_report(ctx, self.prepared, self.uuid)
            ctx.guard.created(self, [("reports", str(self.report_id))])
        ctx.record(
            "ImportReport",
            "report",
            self.report_id,
            None,
            {
                "title": self.prepared.title,
                "sha256": self.prepared.sha256,
                "source": self.prepared.name,
            },
        )
        return Change(
            f"Imported \u201c{self.prepared.title}\u201d", reports=frozenset({self.report_id})
        )

    def revert(self, ctx: Context) -> Change:
        if self.report_id is None:
            return Change("Nothing to undo")
        key = ("reports", str(self.report_id))
        ctx.guard.check(self, [key])
        others = _others_annotations(ctx, self.report_id)
        ctx.guard.refuse_present(self, others)  # their work would go with the report
        self._snapshot = snapshot_report(ctx.session, self.report_id)
        delete_report_rows(ctx.session, self.report_id)
        ctx.guard.touch(self, [key])
        ctx.record("ImportReport", "report", self.report_id, {"title": self.prepared.title}, None)
        return Change(
            f"Removed \u201c{self.prepared.title}\u201d",
            reports_removed=frozenset({self.report_id}),
        )


class RenameReport(Command):
    label = "rename report"
    requires = Action.LIBRARY

    def __init__(self, report_id: int, title: str) -> None:
        title = " ".join(title.split())
        if not title:
            raise CommandError("A report needs a title")
        self.report_id = report_id
        self.title = title[:500]
        self.old_title: str | None = None

    def _set(self, ctx: Context, title: str, old: str) -> Change:
        key = ("reports", str(self.report_id))
        ctx.guard.check(self, [key])
        ctx.guard.touch(self, [key])
        row = ctx.session.get(ReportRow, self.report_id)
        if row is None:
            raise CommandError(f"Report {self.report_id} does not exist")
        row.title = title
        ctx.record("RenameReport", "report", self.report_id, {"title": old}, {"title": title})
        return Change(f"Renamed to \u201c{title}\u201d", reports=frozenset({self.report_id}))

    def apply(self, ctx: Context) -> Change:
        row = ctx.session.get(ReportRow, self.report_id)
        if row is None:
            raise CommandError(f"Report {self.report_id} does not exist")
        self.old_title = row.title
        return self._set(ctx, self.title, row.title)

    def revert(self, ctx: Context) -> Change:
        assert self.old_title is not None
        return self._set(ctx, self.old_title, self.title)


class DeleteReport(Command):
    """Delete a report with its footnotes and annotations; undo restores every row."""

    label = "delete report"
    requires = Action.LIBRARY

    def __init__(self, report_id: int) -> None:
        self.report_id = report_id
        self._snapshot: Snapshot | None = None
        self.title = ""

    def apply(self, ctx: Context) -> Change:
        key = ("reports", str(self.report_id))
        ctx.guard.check(self, [key])
        row = ctx.session.get(ReportRow, self.report_id)
        if row is None:
            raise CommandError(f"Report {self.report_id} does not exist")
        ctx.guard.touch(self, [key])
        self.title = row.title
        ctx.session.expunge(row)
        self._snapshot = snapshot_report(ctx.session, self.report_id)
        annotations = len(self._snapshot.rows("annotations"))
        delete_report_rows(ctx.session, self.report_id)
        ctx.record(
            "DeleteReport",
            "report",
            self.report_id,
            {"title": self.title, "annotations": annotations},
            None,
        )
        return Change(
            f"Deleted \u201c{self.title}\u201d", reports_removed=frozenset({self.report_id})
        )

    def revert(self, ctx: Context) -> Change:
        assert self._snapshot is not None
        key = ("reports", str(self.report_id))
        ctx.guard.check(self, [key])
        restore(ctx.session, self._snapshot)
        ctx.guard.touch(self, [key])
        ctx.record("DeleteReport", "report", self.report_id, None, {"title": self.title})
        return Change(f"Restored \u201c{self.title}\u201d", reports=frozenset({self.report_id}))


def _others_annotations(ctx: Context, report_id: int) -> list[tuple[str, str]]:
    """Keys of the report's annotations written by someone other than the actor."""
    from glossator.store.models import AnnotationRow, ReviewerRow

    mine = (ctx.reviewer or "").strip() or "anonymous"
    found = ctx.core.execute(
        select(AnnotationRow.uuid)
        .join(ReviewerRow, ReviewerRow.id == AnnotationRow.author_id)
        .where(AnnotationRow.report_id == report_id, ReviewerRow.name != mine)
    ).scalars()
    return [("annotations", str(u)) for u in found]

