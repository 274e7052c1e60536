"""Full-text search of the reports: SQLite FTS5, or PostgreSQL text search.

Migration 0004 builds the index: on SQLite an external-content FTS5 table over report title
and text (unicode61, diacritics removed), kept in step by triggers on `reports`; on PostgreSQL
a generated `tsvector` column with a GIN index. Both are invisible to the ORM models and to
Alembic's autogenerate (see `hidden_from_autogenerate`).

What the user typed is never passed on as query syntax: it is split on white space, each
word is cut into the letters-and-digits tokens the index itself would see, and each word
becomes a quoted phrase (words are ANDed; the last word also matches as a prefix while it
is still being typed). Quotes, `*`, `-`, `NEAR`, `:` and brackets are plain separators.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

from glossator.store.errors import StoreError

FTS_TABLE = "reports_fts"  # SQLite; FTS5 adds shadow tables named reports_fts_*
FTS_TRIGGERS = ("reports_fts_insert", "reports_fts_delete", "reports_fts_update")
PG_COLUMN = "search_document"  # PostgreSQL: a generated tsvector column of `reports`
PG_INDEX = "ix_reports_search_document"
MEMO_FTS_TABLE = "memos_fts"  # migration 0006: the memos' index, built like the reports'
MEMO_PG_INDEX = "ix_memos_search_document"

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"  # private-use characters around matched words
SNIPPET_TOKENS = 24
MAX_WORDS = 32
PG_HEADLINE_CHARS = 200_000  # ts_headline parses its whole input: long reports are cut
TITLE_WEIGHT = 4.0  # a word in the title counts as much as four in the text (SQLite bm25)

# The tokens unicode61 sees: runs of letters and digits (combining marks, punctuation,
# symbols and `_` separate them, as they do in the index).
TOKEN = re.compile(r"[^\W_]+")


class StoredHit(NamedTuple):
    report_id: int
    title: str
    rank: float  # higher is better
    snippet: str  # a stretch of the text, matched words between MARK_OPEN and MARK_CLOSE
    snippet_start: int | None  # code point offset of the snippet in the report text
    text_length: int  # in code points


def hidden_from_autogenerate(name: str | None, type_: str) -> bool:
    """The search index's tables, column and index, which the ORM models do not declare."""
    if name is None:
        return False
    if type_ == "table":
        return any(name == t or name.startswith(t + "_") for t in (FTS_TABLE, MEMO_FTS_TABLE))
    if type_ == "column":
        return name == PG_COLUMN
    return type_ == "index" and name in (PG_INDEX, MEMO_PG_INDEX)


def fold(token: str) -> str:
    """Lower case without diacritics, as the index compares tokens."""
    decomposed = unicodedata.normalize("NFKD", token.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def query_words(query: str) -> list[tuple[str, ...]]:
    """The words of a query, each as its tokens (`river-council` is two, searched as a
    phrase); words with no letter or digit are dropped."""
    words = [tuple(TOKEN.findall(piece)) for piece in query.replace("\x00", " ").split()]
    return [w for w in words if w][:MAX_WORDS]


def prefix_wanted(query: str) -> bool:
    """The last word is still being typed unless the query ends with a space."""
    return bool(query) and not query[-1].isspace()


def fts5_match(words: list[tuple[str, ...]], prefix: bool) -> str:
    """An FTS5 MATCH expression: one quoted phrase per word, implicitly ANDed."""
    phrases = ['"' + " ".join(w).replace('"', '""') + '"' for w in words]
    if prefix and phrases:
        phrases[-1] += " *"
    return " ".join(phrases)


def pg_tsquery(words: list[tuple[str, ...]], prefix: bool) -> str:
    """A PostgreSQL tsquery: words ANDed, the tokens of a word as a phrase (`<->`)."""
    parts: list[str] = []
    for i, word in enumerate(words):
        lexemes = [f"'{t}'" for t in word]  # tokens hold letters and digits only
        if prefix and i == len(words) - 1:
            lexemes[-1] += ":*"
        parts.append(lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")")
    return " & ".join(parts)


# Two steps: the best rows by rank alone, then snippets for those rows only, in one more pass
# over the matches (`+rowid` keeps the list away from FTS5, which would otherwise run the
# whole query again for each row: 400 ms for a short prefix such as "of*").
_SQLITE_TOP = f"""
SELECT rowid, bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0) AS score
FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match ORDER BY score, rowid LIMIT :limit
"""

_SQLITE_SNIPPETS = f"""
WITH h AS MATERIALIZED (
    SELECT rowid AS id, snippet({FTS_TABLE}, 1, :mo, :mc, '', :tokens) AS snip
    FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match AND +rowid IN :ids
)
SELECT h.id, r.title, h.snip,
       instr(r.text, replace(replace(h.snip, :mo, ''), :mc, '')) AS at, length(r.text) AS n
FROM h JOIN reports AS r ON r.id = h.id
"""

_PG_SEARCH = f"""
WITH q AS (SELECT to_tsquery('simple', :match) AS q),
top AS (
    SELECT r.id, ts_rank(r.{PG_COLUMN}, q.q) AS score
    FROM reports AS r, q WHERE r.{PG_COLUMN} @@ q.q
    ORDER BY score DESC, r.id LIMIT :limit
),
h AS (
    SELECT top.id, top.score, r.title, r.text,
           ts_headline('simple', left(r.text, {PG_HEADLINE_CHARS}), q.q, :options) AS snip
    FROM top JOIN reports AS r ON r.id = top.id, q
)
SELECT id, title, score, snip,
       strpos(text, replace(replace(snip, :mo, ''), :mc, '')) AS at, char_length(text) AS n
FROM h ORDER BY score DESC, id
"""


def _pg_options(tokens: int) -> str:
    return (
        f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords={tokens}, "
        f"MinWords={max(1, tokens // 2)}, ShortWord=0"
    )


def search_reports(
    session: Session | Connection, query: str, limit: int = 20, tokens: int = SNIPPET_TOKENS
) -> list[StoredHit]:
    """The best `limit` reports for `query` (every word must occur), best first."""
    words = query_words(query)
    if not words or limit < 1:
        return []
    prefix = prefix_wanted(query)
    bind = session.get_bind() if isinstance(session, Session) else session
    dialect = bind.dialect.name
    params: dict[str, object] = {"mo": MARK_OPEN, "mc": MARK_CLOSE, "limit": limit}
    if dialect == "sqlite":
        params.update(match=fts5_match(words, prefix), tokens=max(1, min(tokens, 64)))
        return _sqlite_search(session, params)
    if dialect != "postgresql":
        raise StoreError(f"full-text search is not available on {dialect}")
    params.update(match=pg_tsquery(words, prefix), options=_pg_options(tokens))
    rows = session.execute(text(_PG_SEARCH), params).all()
    return [_hit(rid, title, score, snip, at, n) for rid, title, score, snip, at, n in rows]


def _hit(rid: int, title: str, score: float, snip: str, at: int | None, n: int) -> StoredHit:
    start = int(at) - 1 if at else None  # SQL counts from 1; 0 is "not found"
    return StoredHit(int(rid), str(title), float(score), str(snip or ""), start, int(n or 0))


def _sqlite_search(session: Session | Connection, params: dict[str, object]) -> list[StoredHit]:
    top = session.execute(text(_SQLITE_TOP), params).all()
    if not top:
        return []
    score = {int(rid): -float(s) for rid, s in top}
    order = {rid: i for i, rid in enumerate(score)}
    stmt = text(_SQLITE_SNIPPETS).bindparams(bindparam("ids", expanding=True))
    rows = session.execute(stmt, {**params, "ids": list(score)}).all()
    hits = [_hit(rid, title, score[rid], snip, at, n) for rid, title, snip, at, n in rows]
    return sorted(hits, key=lambda h: order[h.report_id])


def reports_with_words(session: Session | Connection, query: str) -> set[int] | None:
    """Ids of the reports holding every word of `query` (a trailing `*` makes the last word
    a prefix); None when the query has no word to look for."""
    words = query_words(query)
    if not words:
        return None
    prefix = query.rstrip().endswith("*")
    bind = session.get_bind() if isinstance(session, Session) else session
    if bind.dialect.name == "sqlite":
        stmt = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match"
        match = fts5_match(words, prefix)
    elif bind.dialect.name == "postgresql":
        stmt = f"SELECT id FROM reports WHERE {PG_COLUMN} @@ to_tsquery('simple', :match)"
        match = pg_tsquery(words, prefix)
    else:
        raise StoreError(f"full-text search is not available on {bind.dialect.name}")
    return {int(i) for i in session.execute(text(stmt), {"match": match}).scalars()}
