"""Analyst corrections, and the Arabic-aware search index used by the web API.

``corrections`` holds analysts' fixes keyed to a statement's provenance (article id,
cue span, content span); it has no foreign key on purpose, so a correction survives its
article being deleted or re-processed (it is then reported as orphaned).

``search_docs`` holds one row per article and per statement with ``folded`` text
(folded Arabic with proclitics and the article stripped, see ``rasid.web.search``);
``stamp`` is the article's ``ingested_at`` when it was indexed, so a re-processed article
is indexed again. On SQLite an FTS5 table over ``folded`` (kept in step by triggers)
answers queries; PostgreSQL, or a SQLite built without FTS5, searches ``folded`` with LIKE.

Revision ID: corrections_search
Revises: 0003
Create Date: 2025-01-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "corrections_search"
down_revision = "0003"
branch_labels = None
depends_on = None

_FTS = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(folded, content='search_docs', content_rowid='id')",
    "CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN "
    "INSERT INTO search_fts(rowid, folded) VALUES (new.id, new.folded); END",
    "CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.id, old.folded); END",
    "CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.id, old.folded); "
    "INSERT INTO search_fts(rowid, folded) VALUES (new.id, new.folded); END",
]


def _has_fts5(bind) -> bool:
    try:
        options = {row[0] for row in bind.exec_driver_sql("PRAGMA compile_options")}
    except Exception:  # noqa: BLE001 - an unusual SQLite build: use the LIKE fallback
        return False
    return "ENABLE_FTS5" in options


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("cue_start", sa.Integer, nullable=False),
        sa.Column("cue_end", sa.Integer, nullable=False),
        sa.Column("content_start", sa.Integer, nullable=False),
        sa.Column("content_end", sa.Integer, nullable=False),
        sa.Column("statement_id", sa.String(128)),
        sa.Column("speaker", sa.Text),
        sa.Column("speaker_actor_id", sa.String(128)),
        sa.Column("targets", sa.JSON),
        sa.Column("stances", sa.JSON),
        sa.Column("date", sa.String(10)),
        sa.Column("wrong", sa.Boolean),
        sa.Column("note", sa.Text),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_corrections_article_id", "corrections", ["article_id"])

    op.create_table(
        "search_docs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),  # article | statement
        sa.Column("ref", sa.String(128), nullable=False),  # article id or statement id
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("stamp", sa.String(40), nullable=False),
        sa.Column("folded", sa.Text, nullable=False),
    )
    op.create_index("ix_search_docs_article_id", "search_docs", ["article_id"])
    op.create_index("ix_search_docs_kind_ref", "search_docs", ["kind", "ref"])

    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and _has_fts5(bind):
        for sql in _FTS:
            op.execute(sql)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("search_docs_ai", "search_docs_ad", "search_docs_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_docs")
    op.drop_table("corrections")
