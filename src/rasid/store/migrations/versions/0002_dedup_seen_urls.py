"""Duplicate links on articles, and the URLs the web/feed ingesters have already fetched.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # the article this one copies (exactly or nearly: syndicated wire stories); NULL for originals
    # plain ALTER TABLE ADD COLUMN: a batch "copy and move" would drop the articles table,
    # and with foreign keys on, SQLite would cascade that drop into sentences, mentions...
    op.add_column("articles", sa.Column("duplicate_of", sa.String(64), nullable=True))
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"])
    op.create_table(
        "seen_urls",
        sa.Column("url_hash", sa.String(40), primary_key=True),  # sha1 of the URL: long URLs index badly
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),  # "document", or the stage that rejected it
        sa.Column("seen_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("seen_urls")
    op.drop_index("ix_articles_duplicate_of", "articles")
    op.drop_column("articles", "duplicate_of")  # SQLite 3.35+ drops a column in place
