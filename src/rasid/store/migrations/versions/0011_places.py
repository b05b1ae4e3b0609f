"""Places (see ``rasid.places``): one row per place an article speaks of, with its character span,
the gazetteer entry it resolves to (null when unresolved), the coordinates and the confidence; and
``statement_places``, the resolved places named in each statement's sentence (what the map counts).

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
    # which resolved places each statement's sentence names: written with the statement, read by the map
    op.create_table(
        "statement_places",
        sa.Column("statement_id", sa.String(128), sa.ForeignKey("statements.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("place_id", sa.String(64), primary_key=True),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("day", sa.String(10)),  # the statement's day (statements.day), read here without its row
        # whether the statement takes that stance toward one of its targets (its targets rows, as stored)
        sa.Column("favor", sa.Boolean, nullable=False),
        sa.Column("against", sa.Boolean, nullable=False),
        sa.Column("neutral", sa.Boolean, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),  # the first mention of the place in the sentence
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_index("ix_statement_places_place", "statement_places", ["place_id", "statement_id"])
    # whether an article is an original, read without its row (its text): the map counts originals only
    op.create_index("ix_articles_id_duplicate", "articles", ["id", "duplicate_of"])


def downgrade() -> None:
    op.drop_index("ix_articles_id_duplicate", "articles")
    op.drop_table("statement_places")
    op.drop_table("places")
