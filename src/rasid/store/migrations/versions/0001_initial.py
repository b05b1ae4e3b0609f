"""Initial schema: articles, sentences, mentions, statements, targets, rejections.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _span(prefix: str = "", nullable: bool = False) -> list[sa.Column]:
    return [sa.Column(f"{prefix}start", sa.Integer, nullable=nullable),
            sa.Column(f"{prefix}end", sa.Integer, nullable=nullable)]


def _fk_article() -> sa.Column:
    return sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("external_id", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("published", sa.String(40)),
        sa.Column("published_day", sa.String(10)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("category", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("captions", sa.JSON),
        sa.Column("credits", sa.JSON),
        sa.Column("related", sa.JSON),
        sa.Column("metadata", sa.JSON),
        sa.Column("offsets", sa.JSON),
        sa.Column("paragraphs", sa.JSON),
        sa.Column("dates", sa.JSON),
        sa.Column("ingested_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_articles_external_id", "articles", ["external_id"])
    op.create_index("ix_articles_published_day", "articles", ["published_day"])

    op.create_table(
        "sentences",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _fk_article(),
        sa.Column("position", sa.Integer, nullable=False),
        *_span(),
        sa.Column("paragraph", sa.Integer, nullable=False),
    )
    op.create_index("ix_sentences_article_id", "sentences", ["article_id"])

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _fk_article(),
        sa.Column("position", sa.Integer, nullable=False),
        *_span(),
        sa.Column("surface", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_folded", sa.Text, nullable=False),
        sa.Column("actor_id", sa.String(128)),
        sa.Column("type", sa.String(64)),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("parent", sa.JSON),
    )
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])
    op.create_index("ix_mentions_actor_id", "mentions", ["actor_id"])

    op.create_table(
        "statements",
        sa.Column("id", sa.String(128), primary_key=True),
        _fk_article(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("speaker_name", sa.Text, nullable=False),
        sa.Column("speaker_folded", sa.Text, nullable=False),
        sa.Column("speaker_surface", sa.Text, nullable=False),
        sa.Column("speaker_surface_folded", sa.Text, nullable=False),
        sa.Column("speaker_actor_id", sa.String(128)),
        sa.Column("speaker_type", sa.String(64)),
        sa.Column("speaker_source", sa.String(32), nullable=False),
        *_span("speaker_"),
        sa.Column("parent_name", sa.Text),
        sa.Column("parent_surface", sa.Text),
        sa.Column("parent_actor_id", sa.String(128)),
        sa.Column("parent_type", sa.String(64)),
        sa.Column("parent_source", sa.String(32)),
        *_span("parent_", nullable=True),
        *_span("cue_"),
        *_span("content_"),
        *_span("sentence_"),
        sa.Column("direct", sa.Boolean, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("date_value", sa.String(10)),
        sa.Column("date_granularity", sa.String(8)),
        sa.Column("date_source", sa.String(16)),
        sa.Column("date_text", sa.Text),
        *_span("date_", nullable=True),
        sa.Column("day", sa.String(10)),
        sa.Column("carried", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    op.create_index("ix_statements_article_id", "statements", ["article_id"])
    op.create_index("ix_statements_speaker_actor_id", "statements", ["speaker_actor_id"])
    op.create_index("ix_statements_parent_actor_id", "statements", ["parent_actor_id"])
    op.create_index("ix_statements_speaker_folded", "statements", ["speaker_folded"])
    op.create_index("ix_statements_day", "statements", ["day"])

    op.create_table(
        "targets",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("statement_id", sa.String(128), sa.ForeignKey("statements.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_folded", sa.Text, nullable=False),
        sa.Column("surface", sa.Text, nullable=False),
        sa.Column("surface_folded", sa.Text, nullable=False),
        sa.Column("actor_id", sa.String(128)),
        sa.Column("type", sa.String(64)),
        sa.Column("source", sa.String(32), nullable=False),
        *_span(),
        sa.Column("parent", sa.JSON),
        sa.Column("stance", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    op.create_index("ix_targets_statement_id", "targets", ["statement_id"])
    op.create_index("ix_targets_actor_id", "targets", ["actor_id"])
    op.create_index("ix_targets_name_folded", "targets", ["name_folded"])

    op.create_table(
        "rejections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("stage", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_rejections_stage", "rejections", ["stage"])


def downgrade() -> None:
    for table in ("rejections", "targets", "statements", "mentions", "sentences", "articles"):
        op.drop_table(table)
