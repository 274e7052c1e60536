"""Memos in annotation sets: which go out with an export, and merging those of an imported
set (matched by UUID like annotations: new ones added, identical ones skipped, different
ones reported as conflicts and left as they are).

A report memo goes with its report (matched on import by the text's SHA-256, else its
UUID); tag and speaker memos go by name (a speaker also by alias); a memo whose subject is
not in the workspace is skipped and counted, and so is one whose subject was deleted here.
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from glossator.core.analysis import Memo
from glossator.core.exchange import ExchangeMemo, ExchangeReport, ExchangeSet
from glossator.core.names import name_key
from glossator.services.memo_queries import memo_views
from glossator.services.registry import SPEAKERS, resolve
from glossator.store.models import MemoRow, ReportRow, ReviewerRow, TagRow, table_of


def exchange_memos(session: Session, reports: Iterable[ExchangeReport]) -> tuple[ExchangeMemo, ...]:
    """The memos an export of these reports carries: theirs, and every tag, speaker and
    workspace memo (the codebook always goes whole)."""
    wanted = {r.uuid for r in reports}
    out = []
    for m in memo_views(session):
        if m.detached or (m.kind == "report" and m.subject not in wanted):
            continue
        subject = m.subject if m.kind == "report" else (m.subject_name or "")
        out.append(ExchangeMemo(m.id, m.kind, subject or "", m.title, m.text, m.author,
                                m.created, m.modified))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class MemoMerge:
    added: tuple[str, ...] = ()
    unchanged: int = 0
    conflicts: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (uuid, fields that differ)
    skipped: int = 0  # their subject is not in this workspace


def _report_uuids(session: Session, s: ExchangeSet) -> dict[str, str]:
    """Set report UUID -> this workspace's report UUID, by SHA-256 first, then by UUID."""
    wanted = {m.subject for m in s.memos if m.kind == "report"}
    if not wanted:
        return {}
    sha = {r.uuid: r.sha256 for r in s.reports if r.uuid in wanted and r.sha256}
    by_sha: dict[str, str] = {}
    by_uuid: dict[str, str] = {}
    stmt = select(ReportRow.uuid, ReportRow.sha256).where(
        or_(ReportRow.sha256.in_(sorted(set(sha.values()))), ReportRow.uuid.in_(sorted(wanted))))
    for uuid, digest in session.execute(stmt):
        by_sha[str(digest)] = by_uuid[str(uuid)] = str(uuid)
    out = {}
    for u in wanted:
        found = by_sha.get(sha.get(u, "")) or by_uuid.get(u)
        if found is not None:
            out[u] = found
    return out


def _ours(session: Session, m: ExchangeMemo, reports: dict[str, str]) -> str | None:
    """The UUID of the subject here (None: not in this workspace); "" for the workspace."""
    if m.kind == "workspace":
        return ""
    if m.kind == "report":
        return reports.get(m.subject)
    if m.kind == "tag":
        key = name_key(m.subject)
        return next((str(u) for u, n in session.execute(select(TagRow.uuid, TagRow.name))
                     if name_key(str(n)) == key), None)
    row = resolve(session, SPEAKERS, m.subject)
    return str(row.uuid) if row is not None else None


def _as_exchanged(m: Memo) -> ExchangeMemo:
    subject = m.subject if m.kind == "report" else (m.subject_name or "")
    return ExchangeMemo(m.id, m.kind, subject or "", m.title, m.text, m.author, m.created,
                        m.modified)


def _reviewer(session: Session, name: str) -> int:
    name = " ".join(name.split()) or "anonymous"
    found = session.scalar(select(ReviewerRow.id).where(ReviewerRow.name == name))
    if found is not None:
        return int(found)
    table = table_of(ReviewerRow)
    new = session.scalar(insert(table).values(name=name).returning(table.c.id))
    assert new is not None
    return int(new)


def merge_memos(session: Session, s: ExchangeSet) -> MemoMerge:
    if not s.memos:
        return MemoMerge()
    reports = _report_uuids(session, s)
    existing = {m.id: m for m in memo_views(session, uuids=[m.uuid for m in s.memos])}
    added: list[str] = []
    unchanged, skipped = 0, 0
    conflicts: list[tuple[str, tuple[str, ...]]] = []
    for m in s.memos:
        subject = _ours(session, m, reports)
        ours = existing.get(m.uuid)
        if ours is not None:
            theirs = m if m.kind != "report" else ExchangeMemo(
                m.uuid, m.kind, subject or m.subject, m.title, m.text, m.author)
            differ = _as_exchanged(ours).differences(theirs)
            if differ:
                conflicts.append((m.uuid, differ))
            else:
                unchanged += 1
            continue
        if subject is None:
            skipped += 1
            continue
        uuid = str(uuidlib.UUID(m.uuid))
        session.execute(insert(table_of(MemoRow)).values(
            uuid=uuid, subject_kind=m.kind, subject_uuid=subject or None, title=m.title[:300],
            body=m.text, author_id=_reviewer(session, m.author), created_at=m.created,
            modified_at=m.modified,
        ))
        added.append(uuid)
    return MemoMerge(tuple(added), unchanged, tuple(conflicts), skipped)
