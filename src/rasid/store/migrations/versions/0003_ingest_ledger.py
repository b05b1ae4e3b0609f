"""The ingest ledger: which input documents a batch ingest has finished with.

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # key = sha1 of a document's origin and content; a resumed `rasid ingest` skips the keys found here
    op.create_table(
        "ingest_ledger",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),  # ingested | duplicate | rejected
        sa.Column("article_id", sa.String(64)),
        sa.Column("done_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("ingest_ledger")
