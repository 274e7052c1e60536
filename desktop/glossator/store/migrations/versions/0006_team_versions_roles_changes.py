"""team work: row versions, reviewer roles, versions in the history, the change log

- `version` (NOT NULL, 1 for every existing row) on reports, tags, speakers, targets,
  stance_labels, annotations and reviews: optimistic concurrency (`store/versions.py`).
- `reviewers.role`: annotator, curator or manager; NULL for every existing reviewer, so a
  workspace that had no roles keeps letting everyone do everything.
- `history.version` (the version a change made) and an index on (entity, entity_id), to
  tell who made the version another reviewer's change collided with.
- `change_log`: one row per committed transaction with the Change it made, read by other
  windows to follow each other (`services/feed.py`).

Columns are added in place (SQLite's ALTER TABLE ADD COLUMN in batch mode needs no copy of
the table), so the full-text triggers on `reports` stay as they are.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

VERSIONED = ('reports', 'tags', 'speakers', 'targets', 'stance_labels', 'annotations', 'reviews')


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column('version', sa.Integer(), server_default='1', nullable=False)
            )
    with op.batch_alter_table('reviewers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('role', sa.String(length=20), nullable=True))
    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=True))
        batch_op.create_index('ix_history_entity', ['entity', 'entity_id'], unique=False)
    op.create_table(
        'change_log',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('reviewer', sa.String(length=200), nullable=True),
        sa.Column('origin', sa.String(length=36), nullable=False),
        sa.Column('change', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log')),
    )


def downgrade() -> None:
    op.drop_table('change_log')
    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.drop_index('ix_history_entity')
        batch_op.drop_column('version')
    with op.batch_alter_table('reviewers', schema=None) as batch_op:
        batch_op.drop_column('role')
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
