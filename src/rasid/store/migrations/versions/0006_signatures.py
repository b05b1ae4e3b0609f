"""Each article's duplicate signature: the hash of its folded words and its MinHash.

The near-duplicate index (``rasid.ingest.dedup``) is rebuilt from these rows instead of
re-reading and re-hashing every stored text, and an ingest links a syndicated copy to its
original in the same transaction as the copy itself (a kill leaves nothing to repair).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("text_hash", sa.String(40), nullable=False),
        sa.Column("minhash", sa.LargeBinary),  # MinHash hash values (uint64, little-endian); null: too short
    )


def downgrade() -> None:
    op.drop_table("article_signatures")
