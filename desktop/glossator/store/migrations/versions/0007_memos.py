"""memos: notes on a report, a tag, a speaker or the workspace, with a search index

`memos` holds each memo's subject (kind and the subject's UUID; none for the workspace),
title, Markdown body, author and times. The search index follows 0004:

SQLite: an external-content FTS5 table `memos_fts` (title, body; unicode61 with diacritics
removed) kept in step by triggers on `memos`.

PostgreSQL: a generated `tsvector` column `search_document` (`simple`; title weighted A,
body B) with a GIN index.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

SQLITE_UP = (
    """CREATE VIRTUAL TABLE memos_fts USING fts5(
        title, body, content='memos', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER memos_fts_insert AFTER INSERT ON memos BEGIN
        INSERT INTO memos_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER memos_fts_delete AFTER DELETE ON memos BEGIN
        INSERT INTO memos_fts(memos_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END""",
    """CREATE TRIGGER memos_fts_update AFTER UPDATE OF title, body ON memos BEGIN
        INSERT INTO memos_fts(memos_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO memos_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
)

SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS memos_fts_update",
    "DROP TRIGGER IF EXISTS memos_fts_delete",
    "DROP TRIGGER IF EXISTS memos_fts_insert",
    "DROP TABLE IF EXISTS memos_fts",
)

POSTGRES_UP = (
    """ALTER TABLE memos ADD COLUMN search_document tsvector
    GENERATED ALWAYS AS (glossator_search_document(title, body)) STORED""",
    "CREATE INDEX ix_memos_search_document ON memos USING gin (search_document)",
)

POSTGRES_DOWN = (
    "DROP INDEX IF EXISTS ix_memos_search_document",
    "ALTER TABLE memos DROP COLUMN IF EXISTS search_document",
)


def _run(sqlite: tuple[str, ...], postgres: tuple[str, ...]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in sqlite if dialect == 'sqlite' else postgres if dialect == 'postgresql' else ():
        op.execute(statement)


def upgrade() -> None:
    op.create_table(
        'memos',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.Column('subject_kind', sa.String(length=20), nullable=False),
        sa.Column('subject_uuid', sa.String(length=36), nullable=True),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('modified_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "subject_kind IN ('report', 'tag', 'speaker', 'workspace')",
            name=op.f('ck_memos_subject_kind'),
        ),
        sa.ForeignKeyConstraint(
            ['author_id'], ['reviewers.id'], name=op.f('fk_memos_author_id_reviewers'),
            ondelete='RESTRICT',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_memos')),
        sa.UniqueConstraint('uuid', name=op.f('uq_memos_uuid')),
    )
    with op.batch_alter_table('memos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_memos_author_id'), ['author_id'], unique=False)
        batch_op.create_index('ix_memos_subject', ['subject_kind', 'subject_uuid'], unique=False)
    _run(SQLITE_UP, POSTGRES_UP)


def downgrade() -> None:
    _run(SQLITE_DOWN, POSTGRES_DOWN)
    with op.batch_alter_table('memos', schema=None) as batch_op:
        batch_op.drop_index('ix_memos_subject')
        batch_op.drop_index(batch_op.f('ix_memos_author_id'))
    op.drop_table('memos')
