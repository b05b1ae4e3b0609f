"""Places (see ``rasid.places``): one row per place an article speaks of, with its character span,
the gazetteer entry it resolves to (null when unresolved), the coordinates and the confidence.

Articles stored before this revision have no rows here until they are ingested again.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "places",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("surface", sa.Text, nullable=False),
        sa.Column("place_id", sa.String(64)),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_en", sa.Text),
        sa.Column("country", sa.String(2)),
        sa.Column("kind", sa.String(16)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("candidates", sa.Integer, nullable=False),
    )
    op.create_index("ix_places_article_id", "places", ["article_id", "start"])
    op.create_index("ix_places_place_id", "places", ["place_id"])


def downgrade() -> None:
    op.drop_table("places")
