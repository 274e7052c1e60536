"""Reading memos as values: by subject, by id (or a unique prefix), and by full-text search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, select
from sqlalchemy.orm import Session

from glossator.core.analysis import MEMO_KINDS, Memo
from glossator.core.exchange import utc
from glossator.services.commands import CommandError
from glossator.services.search import Span, unmark
from glossator.store.memo_search import search_memos
from glossator.store.models import MemoRow, ReportRow, ReviewerRow, SpeakerRow, TagRow

MIN_PREFIX = 4
_ONE_LINE = str.maketrans({"\n": " ", "\r": " ", "\t": " "})  # same length, one line


@dataclass(frozen=True, slots=True)
class MemoHit:
    """A memo found by the search: a snippet of its text (one line) with the matched words'
    spans in it (code points, end exclusive)."""

    memo: Memo
    rank: float
    snippet: str
    matches: tuple[Span, ...]


def _when(value: object) -> dt.datetime:
    return utc(value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value)))


def _statement() -> Any:
    m = MemoRow
    subject = m.subject_uuid
    return (
        select(
            m.uuid, m.subject_kind, m.subject_uuid, m.title, m.body, ReviewerRow.name,
            m.created_at, m.modified_at, ReportRow.title, TagRow.name, SpeakerRow.name,
        )
        .join(ReviewerRow, ReviewerRow.id == m.author_id)
        .outerjoin(ReportRow, and_(m.subject_kind == "report", ReportRow.uuid == subject))
        .outerjoin(TagRow, and_(m.subject_kind == "tag", TagRow.uuid == subject))
        .outerjoin(SpeakerRow, and_(m.subject_kind == "speaker", SpeakerRow.uuid == subject))
        .order_by(m.created_at, m.id)
    )


def memo_views(
    conn: Session | Connection,
    *,
    kind: str | None = None,
    subject: str | None = None,
    uuids: Iterable[str] | None = None,
) -> list[Memo]:
    """Memos oldest first: all, of one kind, of one subject (its UUID), or those named."""
    if kind is not None and kind not in MEMO_KINDS:
        raise CommandError(f"Unknown memo subject {kind!r} (one of {', '.join(MEMO_KINDS)})")
    stmt = _statement()
    if kind is not None:
        stmt = stmt.where(MemoRow.subject_kind == kind)
    if subject is not None:
        stmt = stmt.where(MemoRow.subject_uuid == subject)
    if uuids is not None:
        stmt = stmt.where(MemoRow.uuid.in_(list(uuids)))
    out = []
    for uuid, kind_, subj, title, body, author, created, modified, rt, tn, sn in conn.execute(
        stmt
    ):
        name = {"report": rt, "tag": tn, "speaker": sn}.get(kind_)
        out.append(
            Memo(
                str(uuid), str(kind_), subj, name, str(title), str(body), str(author),
                _when(created), _when(modified),
            )
        )
    return out


def find_memo(conn: Session | Connection, ref: str) -> str:
    """The full id of the memo whose id is, or uniquely starts with, `ref`."""
    key = ref.strip().lower().replace("%", "").replace("_", "")
    if len(key) < MIN_PREFIX:
        raise CommandError(f"Give at least {MIN_PREFIX} characters of the memo id")
    stmt = select(MemoRow.uuid).where(MemoRow.uuid.like(key + "%")).limit(2)
    found = list(conn.execute(stmt).scalars())
    if not found:
        raise CommandError(f"No memo has an id starting with {key!r}")
    if len(found) > 1:
        raise CommandError(f"Several memos have ids starting with {key!r}; give more of it")
    return str(found[0])


def memo_search(conn: Session | Connection, query: str, limit: int = 20) -> list[MemoHit]:
    """Memos holding every word of `query` (title or text), best first."""
    found = search_memos(conn, query, limit)
    memos = {m.id: m for m in memo_views(conn, uuids=[f.uuid for f in found])}
    hits = []
    for f in found:
        snippet, matches = unmark(f.snippet)
        if f.uuid in memos:
            hits.append(MemoHit(memos[f.uuid], f.rank, snippet.translate(_ONE_LINE), matches))
    return hits
