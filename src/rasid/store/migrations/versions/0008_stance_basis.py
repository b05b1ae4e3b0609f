"""What decided each target's stance (``targets.basis``): evaluative evidence, the cue, the kind of
act, a coordination, the speaker family's usual position (``prior``), a participant's role, the
learned model or an analyst's correction. Shifts count only stances with a reason in the text;
rows written before this revision have none recorded (null).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("targets", sa.Column("basis", sa.String(16)))


def downgrade() -> None:
    with op.batch_alter_table("targets") as batch:
        batch.drop_column("basis")
