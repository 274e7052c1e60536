"""Full-text search of the memos (migration 0006), built and queried like the reports' index
(see `search`): the user's words are quoted phrases, never query syntax."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from glossator.store.errors import StoreError
from glossator.store.search import (
    MARK_CLOSE,
    MARK_OPEN,
    MEMO_FTS_TABLE,
    PG_COLUMN,
    SNIPPET_TOKENS,
    TITLE_WEIGHT,
    fts5_match,
    pg_tsquery,
    prefix_wanted,
    query_words,
)


class StoredMemoHit(NamedTuple):
    uuid: str
    rank: float  # higher is better
    snippet: str  # matched words between MARK_OPEN and MARK_CLOSE


_SQLITE = f"""
SELECT m.uuid, bm25({MEMO_FTS_TABLE}, {TITLE_WEIGHT}, 1.0) AS score,
       snippet({MEMO_FTS_TABLE}, 1, :mo, :mc, '', :tokens) AS snip
FROM {MEMO_FTS_TABLE} JOIN memos AS m ON m.id = {MEMO_FTS_TABLE}.rowid
WHERE {MEMO_FTS_TABLE} MATCH :match ORDER BY score, m.id LIMIT :limit
"""

_PG = f"""
WITH q AS (SELECT to_tsquery('simple', :match) AS q)
SELECT m.uuid, ts_rank(m.{PG_COLUMN}, q.q) AS score,
       ts_headline('simple', m.body, q.q, :options) AS snip
FROM memos AS m, q WHERE m.{PG_COLUMN} @@ q.q ORDER BY score DESC, m.id LIMIT :limit
"""


def search_memos(
    session: Session | Connection, query: str, limit: int = 20, tokens: int = SNIPPET_TOKENS
) -> list[StoredMemoHit]:
    """The best `limit` memos holding every word of `query` in their title or text."""
    words = query_words(query)
    if not words or limit < 1:
        return []
    prefix = prefix_wanted(query)
    bind = session.get_bind() if isinstance(session, Session) else session
    params: dict[str, object] = {"mo": MARK_OPEN, "mc": MARK_CLOSE, "limit": limit}
    if bind.dialect.name == "sqlite":
        params.update(match=fts5_match(words, prefix), tokens=max(1, min(tokens, 64)))
        rows = session.execute(text(_SQLITE), params).all()
        return [StoredMemoHit(str(u), -float(s), str(snip or "")) for u, s, snip in rows]
    if bind.dialect.name != "postgresql":
        raise StoreError(f"full-text search is not available on {bind.dialect.name}")
    options = (
        f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords={tokens}, "
        f"MinWords={max(1, tokens // 2)}, ShortWord=0"
    )
    params.update(match=pg_tsquery(words, prefix), options=options)
    rows = session.execute(text(_PG), params).all()
    return [StoredMemoHit(str(u), float(s), str(snip or "")) for u, s, snip in rows]
