"""Indexes that make the search index's freshness check cheap at archive scale.

The check compares the newest ``articles.ingested_at`` and the article count with the
newest indexed ``search_docs.stamp`` and the indexed article count: with these two indexes
both sides are index lookups, not a join over the whole archive (it took minutes on 8,000
articles before).

Revision ID: 0005
Revises: corrections_search
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "corrections_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_articles_ingested_at", "articles", ["ingested_at"])
    op.create_index("ix_search_docs_kind_stamp", "search_docs", ["kind", "stamp"])


def downgrade() -> None:
    op.drop_index("ix_search_docs_kind_stamp", "search_docs")
    op.drop_index("ix_articles_ingested_at", "articles")
