"""annotations: the report-span index also holds the end

The reader window first paints only the highlights in view: `report_id = ? AND start < hi
AND end > lo`. With `end` in the index the filter runs on the index alone, and reading a
report's annotations in text order needs no sort.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('annotations', schema=None) as batch_op:
        batch_op.drop_index('ix_annotations_report_span')
        batch_op.create_index('ix_annotations_report_span', ['report_id', 'start', 'end'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('annotations', schema=None) as batch_op:
        batch_op.drop_index('ix_annotations_report_span')
        batch_op.create_index('ix_annotations_report_span', ['report_id', 'start'],
                              unique=False)
