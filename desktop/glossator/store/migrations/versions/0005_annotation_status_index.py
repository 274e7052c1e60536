"""annotations: an index on (report_id, status) for the library's review counts

The library counts, per report, the annotations still proposed and those disputed; with
this index the count reads the index alone (50,000 annotations: about 50 ms without it).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('annotations', schema=None) as batch_op:
        batch_op.create_index('ix_annotations_report_status', ['report_id', 'status'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('annotations', schema=None) as batch_op:
        batch_op.drop_index('ix_annotations_report_status')
