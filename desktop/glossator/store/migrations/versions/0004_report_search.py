"""reports: full-text search index of title and text

SQLite: an external-content FTS5 table `reports_fts` (title, text; unicode61 with
diacritics removed, so accented Latin matches plain letters), filled from the existing rows
and kept in step by triggers on insert, delete and update of `reports`. The text is not
stored twice: snippets are read from `reports` itself.

PostgreSQL: a generated `tsvector` column (`simple` configuration; title weighted A, text B)
with a GIN index. A text too long for one tsvector (over 1 MB of lexemes) has its first
100,000 characters indexed instead of failing the insert.

A later migration that rebuilds `reports` in batch mode drops its triggers: it must create
them again (the statements below).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

SQLITE_UP = (
    """CREATE VIRTUAL TABLE reports_fts USING fts5(
        title, text, content='reports', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
        INSERT INTO reports_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
        INSERT INTO reports_fts(reports_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER reports_fts_update AFTER UPDATE OF title, text ON reports BEGIN
        INSERT INTO reports_fts(reports_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO reports_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    "INSERT INTO reports_fts(reports_fts) VALUES ('rebuild')",
)

SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS reports_fts_update",
    "DROP TRIGGER IF EXISTS reports_fts_delete",
    "DROP TRIGGER IF EXISTS reports_fts_insert",
    "DROP TABLE IF EXISTS reports_fts",
)

POSTGRES_UP = (
    """CREATE FUNCTION glossator_search_document(title text, body text) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    BEGIN
        RETURN setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('simple'::regconfig, coalesce(body, '')), 'B');
    EXCEPTION WHEN program_limit_exceeded THEN
        RETURN setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('simple'::regconfig, left(coalesce(body, ''), 100000)), 'B');
    END
    $$""",
    """ALTER TABLE reports ADD COLUMN search_document tsvector
    GENERATED ALWAYS AS (glossator_search_document(title, text)) STORED""",
    "CREATE INDEX ix_reports_search_document ON reports USING gin (search_document)",
)

POSTGRES_DOWN = (
    "DROP INDEX IF EXISTS ix_reports_search_document",
    "ALTER TABLE reports DROP COLUMN IF EXISTS search_document",
    "DROP FUNCTION IF EXISTS glossator_search_document(text, text)",
)


def _run(sqlite: tuple[str, ...], postgres: tuple[str, ...]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in sqlite if dialect == 'sqlite' else postgres if dialect == 'postgresql' else ():
        op.execute(statement)


def upgrade() -> None:
    _run(SQLITE_UP, POSTGRES_UP)


def downgrade() -> None:
    _run(SQLITE_DOWN, POSTGRES_DOWN)
