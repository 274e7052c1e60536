"""Import and merge an annotation set: one transaction, one undo step.

Reports are matched by SHA-256 of their text (the same file imported by a colleague), else
by UUID. Annotations are matched by UUID: new ones are added (their authors, tags, speakers,
targets and stance labels created as needed), identical ones are skipped, and ones that
differ are reported as conflicts and left as they are. Annotations on reports this
workspace lacks are skipped and counted.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from glossator.core.exchange import ExchangeAnnotation, ExchangeSet, used_codebook
from glossator.core.permissions import Action
from glossator.services.codebook import merge_codebook
from glossator.services.command_errors import CommandError
from glossator.services.commands import Change, Context, StateCommand
from glossator.services.exchange import exchange_set
from glossator.services.exchange_rows import NewRows, check_codebook, prepare_rows
from glossator.services.in_lists import CHUNK, chunks
from glossator.services.memo_exchange import merge_memos
from glossator.store.models import (
    AnnotationFootnoteRow,
    AnnotationRow,
    AnnotationStanceRow,
    AnnotationTagRow,
    MemoRow,
    ReportRow,
    ReviewerRow,
    SpeakerAliasRow,
    SpeakerRow,
    StanceLabelRow,
    TagRow,
    TargetAliasRow,
    TargetRow,
    table_of,
)
from glossator.store.snapshot import Scope, Snapshot, part, reconcile, restore

BULK_TABLES = ("annotations", "annotation_tags", "annotation_stances", "annotation_footnotes")

@dataclass(frozen=True, slots=True)
class Conflict:
    uuid: str
    report_title: str
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What an import did: counts, and each conflict with the fields that differ."""

    added: int = 0
    unchanged: int = 0
    conflicts: tuple[Conflict, ...] = ()
    skipped: int = 0  # annotations on reports this workspace does not have
    unknown_reports: tuple[str, ...] = ()  # their titles (or UUIDs)
    unanchored: tuple[str, ...] = ()  # UUIDs whose quote is not where the set says, nor found
    memos_added: int = 0
    memos_unchanged: int = 0
    memo_conflicts: tuple[Conflict, ...] = ()
    memos_skipped: int = 0  # their report, tag or speaker is not in this workspace

    def lines(self) -> list[str]:
        out = [
            f"added: {self.added}",
            f"unchanged: {self.unchanged}",
            f"conflicts: {len(self.conflicts)}",
            f"skipped (report not in this workspace): {self.skipped}",
        ]
        if self.unanchored:
            out.append(f"not anchored (quote not found in the text): {len(self.unanchored)}")
        out += [f"  unknown report: {t}" for t in self.unknown_reports]
        out += [
            f"  conflict {c.uuid} ({c.report_title}): {', '.join(c.fields)}" for c in self.conflicts
        ]
        out += [f"  not anchored: {u}" for u in self.unanchored]
        if self.memos_added or self.memos_unchanged or self.memo_conflicts or self.memos_skipped:
            out.append(
                f"memos: {self.memos_added} added, {self.memos_unchanged} unchanged, "
                f"{len(self.memo_conflicts)} in conflict, {self.memos_skipped} skipped "
                "(subject not in this workspace)"
            )
            out += [f"  memo conflict {c.uuid}: {', '.join(c.fields)}" for c in self.memo_conflicts]
        return out


def _match_reports(session: Session, s: ExchangeSet) -> dict[str, tuple[int, str]]:
    """Set report UUID -> (workspace report id, its text), by SHA-256 first, then by UUID."""
    wanted = {a.report_uuid: a.report_sha256 for a in s.annotations}
    shas = sorted({sha for sha in wanted.values() if sha})
    uuids = sorted(wanted)
    by_sha: dict[str, tuple[int, str]] = {}
    by_uuid: dict[str, tuple[int, str]] = {}
    r = ReportRow
    for part_shas, part_uuids in _pairs(shas, uuids):
        stmt = select(r.id, r.uuid, r.sha256, r.text).where(
            or_(r.sha256.in_(part_shas), r.uuid.in_(part_uuids))
        )
        for rid, uuid, sha, text in session.execute(stmt):
            by_sha[sha] = by_uuid[uuid] = (int(rid), str(text))
    out: dict[str, tuple[int, str]] = {}
    for uuid, sha in wanted.items():
        found = by_sha.get(sha) if sha else None
        found = found or by_uuid.get(uuid)
        if found is not None:
            out[uuid] = found
    return out


def _pairs(a: list[str], b: list[str]) -> Iterator[tuple[Sequence[str], Sequence[str]]]:
    half = CHUNK // 2
    for at in range(0, max(len(a), len(b)), half):
        yield a[at : at + half], b[at : at + half]


def _existing(session: Session, uuids: list[str]) -> dict[str, ExchangeAnnotation]:
    report_ids: set[int] = set()
    for part_uuids in chunks(uuids):
        stmt = select(AnnotationRow.report_id).where(AnnotationRow.uuid.in_(part_uuids))
        report_ids.update(int(i) for i in session.scalars(stmt.distinct()))
    if not report_ids:
        return {}
    wanted = set(uuids)
    ours = exchange_set(session, sorted(report_ids)).annotations
    return {a.uuid: a for a in ours if a.uuid in wanted}


class ImportAnnotations(StateCommand):
    """Merge an annotation set into the workspace; `report` says what happened."""

    requires = Action.MERGE_SET

    def __init__(self, s: ExchangeSet, source: str = "annotation set") -> None:
        super().__init__()
        self.set, self.source = s, source
        self.label = f"import annotations from {source}"
        self.report: MergeReport | None = None
        self._last_annotation = 0

    def scope(self, ctx: Context) -> Scope:
        s = ctx.session
        last_annotation = self._last_annotation = int(
            s.scalar(select(func.max(AnnotationRow.id))) or 0
        )
        last_reviewer = int(s.scalar(select(func.max(ReviewerRow.id))) or 0)
        last_memo = int(s.scalar(select(func.max(MemoRow.id))) or 0)
        codebook: list[tuple[Any, Any, bool]] = [
            part(model, True)
            for model in (TagRow, SpeakerRow, SpeakerAliasRow, TargetRow, TargetAliasRow)
        ]
        return (
            part(ReviewerRow, ReviewerRow.id > last_reviewer),
            *codebook,
            part(StanceLabelRow, True),
            part(AnnotationRow, AnnotationRow.id > last_annotation),
            part(AnnotationTagRow, AnnotationTagRow.annotation_id > last_annotation),
            part(AnnotationStanceRow, AnnotationStanceRow.annotation_id > last_annotation),
            part(AnnotationFootnoteRow, AnnotationFootnoteRow.annotation_id > last_annotation),
            part(MemoRow, MemoRow.id > last_memo),
        )

    def _small_scope(self) -> Scope:
        """The reviewers and codebook parts of the scope (the new rows are handled in bulk)."""
        assert self._scope is not None
        return tuple(p for p in self._scope if table_of(p[0]).name not in BULK_TABLES)

    def fresh(self, table_name: str, row: dict[str, Any]) -> bool:
        if table_name == "annotations":
            return int(row["id"]) > self._last_annotation
        return table_name in BULK_TABLES and int(row["annotation_id"]) > self._last_annotation

    def _new_keys(self) -> list[tuple[str, str]]:
        assert self._after is not None
        return [("annotations", str(r["uuid"])) for r in self._after.rows("annotations")]

    def apply(self, ctx: Context) -> Change:
        if self._after is None:
            return super().apply(ctx)
        # Redo: reviewers and codebook as after the import, then the new rows in one insert
        # per table (row-by-row reconciling of 100,000 annotations would take minutes).
        small = self._small_scope()
        self._check_left(ctx, small)
        ctx.guard.check(self, self._new_keys())  # still gone
        annotations = table_of(AnnotationRow)
        if ctx.core.scalar(select(func.count()).where(annotations.c.id > self._last_annotation)):
            raise CommandError("Annotations have been added since the import was undone; "
                               "it cannot be redone (import the file again)")
        reconcile(ctx.session, small, self._after)
        restore(ctx.session, Snapshot(tuple((n, self._after.rows(n)) for n in BULK_TABLES)))
        self._touch_changed(ctx, small)
        ctx.guard.created(self, self._new_keys())
        ctx.record(type(self).__name__, "state", self.label, None, {"redo": True})
        assert self._change is not None
        return self._change

    def revert(self, ctx: Context) -> Change:
        # Undo: the new annotations go in one delete (their links cascade), then reviewers and
        # codebook return to what they were.
        assert self._before is not None
        small = self._small_scope()
        self._check_left(ctx, small)
        ctx.guard.check(self, self._new_keys())  # nobody has changed them since
        annotations = table_of(AnnotationRow)
        ctx.session.execute(delete(annotations).where(annotations.c.id > self._last_annotation))
        reconcile(ctx.session, small, self._before)
        self._touch_changed(ctx, small)
        ctx.guard.touch(self, self._new_keys())
        ctx.record(type(self).__name__, "state", self.label, {"undo": True}, None)
        return self.undo_change()

    def change(self, ctx: Context) -> Change:
        session, s = ctx.session, self.set
        codebook = check_codebook(used_codebook(s))
        reports = _match_reports(session, s)
        existing = _existing(session, [a.uuid for a in s.annotations])
        unchanged, conflicts, fresh, skipped = 0, [], [], 0
        unknown: dict[str, str] = {}
        for a in s.annotations:
            ours = existing.get(a.uuid)
            if ours is not None:
                differ = ours.differences(a)
                if differ:
                    conflicts.append(Conflict(a.uuid, ours.report_title, differ))
                else:
                    unchanged += 1
            elif a.report_uuid in reports:
                fresh.append(a)
            else:
                skipped += 1
                unknown.setdefault(a.report_uuid, a.report_title or a.report_uuid)
        merge_codebook(session, codebook)
        rows = prepare_rows(session, fresh, reports)
        added = self._insert(session, rows)
        memos = merge_memos(session, s)
        self.report = MergeReport(
            len(added),
            unchanged,
            tuple(conflicts),
            skipped,
            tuple(unknown.values()),
            tuple(rows.unanchored),
            len(memos.added),
            memos.unchanged,
            tuple(Conflict(u, "memo", f) for u, f in memos.conflicts),
            memos.skipped,
        )
        ctx.record(
            "ImportAnnotations",
            "annotation-set",
            self.source[:64],
            None,
            {"added": len(added), "unchanged": unchanged, "conflicts": len(conflicts)},
        )
        return Change(
            f"Imported {len(added)} annotation(s) from {self.source}",
            reports=frozenset(rows.report_ids),
            annotations=frozenset(added),
            codebook=True,
            memos=frozenset(memos.added),
        )

    @staticmethod
    def _insert(session: Session, rows: NewRows) -> list[str]:
        if not rows.annotations:
            return []
        session.execute(insert(table_of(AnnotationRow)), rows.annotations)
        ids: dict[str, int] = {}
        uuids = [r["uuid"] for r in rows.annotations]
        for part_uuids in chunks(uuids):
            stmt = select(AnnotationRow.uuid, AnnotationRow.id).where(
                AnnotationRow.uuid.in_(part_uuids)
            )
            ids.update((str(u), int(i)) for u, i in session.execute(stmt))
        for model, links in (
            (AnnotationTagRow, rows.tags),
            (AnnotationStanceRow, rows.stances),
            (AnnotationFootnoteRow, rows.cites),
        ):
            values = [{"annotation_id": ids[u], **fields} for u, fields in links]
            if values:
                session.execute(insert(table_of(model)), values)
        return uuids
