"""Claims (see ``rasid.claims``).

``claim_items`` has one row per statement the claims have looked at (originals only): what the pair
decision reads of it (the e5 embedding of its content as float16 bytes, its words and numbers;
no embedding when the content is too short to compare), its role, and the claim it joined, if any
(``score``: the probability that made it join). A statement deleted with its article takes its row
along. ``claims`` holds each claim's first statement and its counts, recomputed whenever a statement
joins it. A watchlist may name claims (``watchlists.claims``): a statement that joins one raises an alert.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("head_statement", sa.String(128), nullable=False),
        sa.Column("first_day", sa.String(10)),
        sa.Column("last_day", sa.String(10)),
        sa.Column("statements", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("speakers", sa.Integer, nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_claims_statements", "claims", ["statements", "last_day"])
    op.create_index("ix_claims_last_day", "claims", ["last_day"])
    op.create_table(
        "claim_items",
        sa.Column("statement_id", sa.String(128), sa.ForeignKey("statements.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("day", sa.String(10)),
        sa.Column("day_ordinal", sa.Integer, nullable=False),
        sa.Column("vector", sa.LargeBinary),
        sa.Column("words", sa.Text),
            sa.Column("numbers", sa.Text),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="SET NULL")),
        sa.Column("score", sa.Float),
        sa.Column("role", sa.String(16), nullable=False),
    )
    op.create_index("ix_claim_items_day", "claim_items", ["day_ordinal"])
    op.create_index("ix_claim_items_claim", "claim_items", ["claim_id"])
    with op.batch_alter_table("watchlists") as batch:
        batch.add_column(sa.Column("claims", sa.JSON))  # claim ids; null: none (made before this revision)


def downgrade() -> None:
    with op.batch_alter_table("watchlists") as batch:
        batch.drop_column("claims")
    op.drop_table("claim_items")
    op.drop_table("claims")
