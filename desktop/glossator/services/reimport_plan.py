"""What re-importing a changed file into a report would do, computed without writing:
the file read as an import reads it, its refusals, and where every annotation lands
(`core.anchoring`). `ReimportReport` applies a plan; the CLI's `--dry-run` and the
window's confirmation show one."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from glossator.core.anchoring import THRESHOLD, Anchor, Anchored, reanchor
from glossator.core.exchange import quote_context
from glossator.core.pages import META_KEY, pages_to_meta
from glossator.formats.errors import ImportRefused
from glossator.services.commands import CommandError
from glossator.services.reports import PreparedReport, footnote_meta
from glossator.store.models import AnnotationFootnoteRow, AnnotationRow, FootnoteRow, ReportRow

STATUSES = ("kept", "moved", "fuzzy", "orphaned")


class ReimportRefused(CommandError):
    """The file cannot replace the report's text; nothing was written."""


def read_replacement(path: Path) -> PreparedReport:
    """A file read through the import pipeline (decoding, reader, footnotes), or
    `ReimportRefused` with the reason in one line."""
    try:
        return PreparedReport.from_file(path)
    except ImportRefused as exc:
        raise ReimportRefused(str(exc)) from exc


@dataclass(frozen=True, slots=True)
class Reanchoring:
    """Where one annotation goes: `status` is kept, moved, fuzzy or orphaned."""

    annotation: str
    status: str
    old_span: tuple[int, int]
    span: tuple[int, int]
    old_quote: str
    quote: str
    score: float


@dataclass(frozen=True, slots=True)
class ReimportPlan:
    report_id: int
    title: str  # the title now
    new_title: str  # the title after (the same when the report was renamed by hand)
    source_name: str
    identical: bool
    old_length: int
    new_length: int
    notes: tuple[int, int]  # notes before and after
    items: tuple[Reanchoring, ...]
    dropped_cites: tuple[tuple[str, str], ...]  # (annotation, label) whose note is gone
    threshold: float = THRESHOLD

    @property
    def counts(self) -> dict[str, int]:
        found = Counter(i.status for i in self.items)
        return {s: found[s] for s in STATUSES}

    @property
    def orphaned(self) -> tuple[Reanchoring, ...]:
        return tuple(i for i in self.items if i.status == "orphaned")

    def summary(self) -> str:
        """ "12 kept, 3 moved, 1 need attention" (moved counts the fuzzy matches too)."""
        c = self.counts
        return (f"{c['kept']} kept, {c['moved'] + c['fuzzy']} moved, "
                f"{c['orphaned']} need attention")


@dataclass(frozen=True, slots=True)
class PlannedRows:
    """The plan and the row values that carry it out."""

    plan: ReimportPlan
    report: dict[str, Any]
    annotations: list[dict[str, Any]]  # changed rows only: b_id plus new values
    touched: set[int]  # ids whose span, quote or orphaned flag changes
    cites: dict[int, tuple[str, ...]]  # annotation id -> labels it cites now
    ids: dict[str, int]  # annotation uuid -> id
    inputs: str  # digest of what the plan was computed from (see `plan_inputs`)


def _current_title(conn: Connection, row: Any) -> str | None:
    """The title the report's own file gives: the stored title differs only by hand."""
    original = conn.scalar(select(ReportRow.original).where(ReportRow.id == row.id))
    try:
        return PreparedReport.from_bytes(bytes(original or b""), row.source_name).title
    except Exception:  # the old file no longer reads: keep whatever title there is
        return None


def _digest(report: Any, annotations: Any, cites: Any) -> str:
    return hashlib.sha256(repr((tuple(report), [tuple(r) for r in annotations],
                                [tuple(c) for c in cites])).encode()).hexdigest()


def _report_row(conn: Connection, report_id: int) -> Any:
    return conn.execute(
        select(ReportRow.id, ReportRow.title, ReportRow.text, ReportRow.sha256,
               ReportRow.source_name, ReportRow.meta).where(ReportRow.id == report_id)
    ).first()


def _annotation_rows(conn: Connection, report_id: int) -> list[Any]:
    a = AnnotationRow
    return list(conn.execute(
        select(a.id, a.uuid, a.start, a.end, a.quote, a.prefix, a.suffix, a.orphaned)
        .where(a.report_id == report_id).order_by(a.start, a.end, a.id)
    ).all())


def _cite_rows(conn: Connection, report_id: int) -> list[Any]:
    return list(conn.execute(
        select(AnnotationFootnoteRow.annotation_id, FootnoteRow.label)
        .join(FootnoteRow, FootnoteRow.id == AnnotationFootnoteRow.footnote_id)
        .where(FootnoteRow.report_id == report_id)
        .order_by(FootnoteRow.start, AnnotationFootnoteRow.annotation_id)
    ).all())


def plan_inputs(conn: Connection, report_id: int) -> str:
    """A digest of everything a plan is computed from (the report, its annotations, their
    citations): equal digests, equal plans. A plan shown for confirmation is applied as it
    is when nothing changed in between, without being computed again."""
    return _digest(_report_row(conn, report_id) or (), _annotation_rows(conn, report_id),
                   _cite_rows(conn, report_id))


def plan_rows(conn: Connection, report_id: int, new: PreparedReport) -> PlannedRows:
    """Everything a re-import of `new` into the report would write; refusals raised."""
    row = _report_row(conn, report_id)
    if row is None:
        raise CommandError(f"Report {report_id} does not exist")
    other = find_duplicate_on(conn, new.sha256)
    if other is not None and other[0] != report_id:
        raise ReimportRefused(
            f"{new.name}: refused: its text is already report {other[0]} \u201c{other[1]}\u201d"
        )
    old_text, new_text = str(row.text), new.parsed.text
    identical = row.sha256 == new.sha256
    title = row.title
    if not identical and new.title != row.title and _current_title(conn, row) == row.title:
        title = new.title
    rows = _annotation_rows(conn, report_id)
    results: list[Anchored] = (
        [Anchored("orphaned" if r.orphaned else "kept", r.start, r.end) for r in rows]
        if identical  # nothing changes, not even an orphan's flag
        else reanchor(old_text, new_text, [Anchor(r.start, r.end, r.quote, r.prefix, r.suffix)
                                           for r in rows])
    )
    items, changed, touched = [], [], set()
    for r, res in zip(rows, results, strict=True):
        if res.status == "orphaned":
            quote, prefix, suffix = r.quote, r.prefix, r.suffix
        else:
            quote, prefix, suffix = quote_context(new_text, res.start, res.end)
        items.append(Reanchoring(r.uuid, res.status, (r.start, r.end), res.span, r.quote, quote,
                                 res.score))
        values = (res.start, res.end, quote, res.status == "orphaned")
        if values != (r.start, r.end, r.quote, r.orphaned):
            touched.add(r.id)
        if values != (r.start, r.end, r.quote, r.orphaned) or (prefix, suffix) != (
                r.prefix, r.suffix):
            changed.append({
                "b_id": r.id, "b_start": res.start, "b_end": res.end, "b_quote": quote,
                "b_prefix": prefix, "b_suffix": suffix, "b_orphaned": values[3],
            })
    cites: dict[int, list[str]] = {}
    uuid_of = {r.id: r.uuid for r in rows}
    cite_rows = _cite_rows(conn, report_id)
    for annotation_id, label in cite_rows:
        cites.setdefault(int(annotation_id), []).append(str(label))
    labels = {n.label for n in new.layout.notes}
    dropped = tuple((uuid_of[i], lbl) for i, ls in cites.items() for lbl in dict.fromkeys(ls)
                    if lbl not in labels)
    notes_before = len(conn.execute(
        select(FootnoteRow.id).where(FootnoteRow.report_id == report_id)).all())
    plan = ReimportPlan(
        report_id, row.title, title, new.name, identical, len(old_text), len(new_text),
        (notes_before, len(new.layout.notes)), tuple(items), dropped,
    )
    parsed, layout = new.parsed, new.layout
    meta = dict(conn.scalar(select(ReportRow.meta).where(ReportRow.id == report_id)) or {})
    meta.pop(META_KEY, None)
    meta.update(pages_to_meta(parsed.pages))
    report = {
        "title": title, "date": parsed.date, "source_name": new.name[-1000:],
        "source_format": parsed.source_format, "encoding": parsed.encoding,
        "encoding_guessed": parsed.encoding_guessed, "text": new_text, "sha256": new.sha256,
        "original": new.original, "body_end": layout.body_end,
        "footnote_style": layout.style, "meta": footnote_meta(meta, layout),
    }
    return PlannedRows(plan, report, changed, touched,
                       {i: tuple(dict.fromkeys(ls)) for i, ls in cites.items()},
                       {r.uuid: r.id for r in rows}, _digest(row, rows, cite_rows))


def find_duplicate_on(conn: Connection, sha256: str) -> tuple[int, str] | None:
    found = conn.execute(
        select(ReportRow.id, ReportRow.title).where(ReportRow.sha256 == sha256)
    ).first()
    return (int(found[0]), str(found[1])) if found else None


__all__ = ["Reanchoring", "ReimportPlan", "ReimportRefused", "plan_rows", "read_replacement"]
