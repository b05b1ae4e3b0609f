"""Stored position shifts, kept current as articles and corrections are written.

Finding shifts reads every statement; at archive scale (70,000 statements) that took
~24 s per ``rasid shifts`` and per shifts page. These tables hold the result (see
``rasid.stored_shifts``):

* ``shift_links``: which (member, target) series each statement belongs to, so that the
  statements of one series are found by an index lookup;
* ``shift_series``: the newest day of each series (shift scores decay from the newest day
  of all series);
* ``shift_rows``: each series' change points, with what their score is made of;
* ``shift_dirty``: articles written (ingested, replaced, deleted, linked as a copy,
  corrected) since their series were last computed, marked in the same transaction as the
  write itself, so a killed run never leaves the stored shifts silently wrong;
* ``shift_state``: the fingerprint (algorithm version and knowledge base) the tables were
  built with; no row means they were never built, and the first read builds them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shift_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("statement_id", sa.String(128), nullable=False),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
    )
    op.create_index("ix_shift_links_series", "shift_links", ["actor", "target"])
    op.create_index("ix_shift_links_article", "shift_links", ["article_id"])
    op.create_table(
        "shift_series",
        sa.Column("actor", sa.Text, primary_key=True),
        sa.Column("target", sa.Text, primary_key=True),
        sa.Column("last_day", sa.String(10), nullable=False),
    )
    op.create_index("ix_shift_series_last_day", "shift_series", ["last_day"])
    op.create_table(
        "shift_rows",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("series_day", sa.String(10)),
        sa.Column("series_article", sa.String(64), nullable=False),
        sa.Column("series_position", sa.Integer, nullable=False),
        sa.Column("series_entry", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("before_statement", sa.String(128), nullable=False),
        sa.Column("after_statement", sa.String(128), nullable=False),
        sa.Column("before_article", sa.String(64), nullable=False),
        sa.Column("after_article", sa.String(64), nullable=False),
        sa.Column("from_stance", sa.String(16), nullable=False),
        sa.Column("to_stance", sa.String(16), nullable=False),
        sa.Column("via", sa.JSON, nullable=False),
        sa.Column("turn_day", sa.String(10), nullable=False),
        sa.Column("after_ordinal", sa.Integer, nullable=False),
        sa.Column("specificity", sa.Integer, nullable=False),
        sa.Column("strength", sa.Float, nullable=False),
        sa.Column("support", sa.Integer, nullable=False),
        sa.Column("days", sa.Integer, nullable=False),
        sa.Column("before_support", sa.JSON, nullable=False),
        sa.Column("after_support", sa.JSON, nullable=False),
    )
    op.create_index("ix_shift_rows_series", "shift_rows", ["actor", "target"])
    op.create_table(
        "shift_dirty",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(64), nullable=False),
    )
    op.create_table(
        "shift_state",
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("shift_state")
    op.drop_table("shift_dirty")
    op.drop_index("ix_shift_rows_series", "shift_rows")
    op.drop_table("shift_rows")
    op.drop_index("ix_shift_series_last_day", "shift_series")
    op.drop_table("shift_series")
    op.drop_index("ix_shift_links_article", "shift_links")
    op.drop_index("ix_shift_links_series", "shift_links")
    op.drop_table("shift_links")
