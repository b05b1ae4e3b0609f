"""Watchlists and their alerts (see ``rasid.alerts``).

``watchlists`` names what an analyst watches (actors, targets, search queries) and where its alerts
go besides the store (a webhook and the secret its bodies are signed with). ``alerts`` holds every
alert raised, once: ``(watchlist_id, kind, key)`` is unique, so raising them again after a crash or
on the next ingest adds nothing; an alert is stored before it is delivered and its delivery state
(``delivered_at``, ``attempts``, ``next_attempt_at``, ``failed``, ``claimed_until``) is written after
each attempt, every attempt also a row of ``alert_deliveries``. ``baseline`` alerts are the shifts
that already existed when the watchlist was made: kept so they are never raised, never shown. A shift
alert whose shift no longer holds (later statements moved or removed its change point) is
``withdrawn_at`` then, and cleared if it holds again.
Alerts are raised from the articles written since a watchlist last looked: those stored after
``checked_through`` (an ``ingested_at``, read through the index of revision 0005) and those stored in
that same second that are not in ``checked_ids`` (time stamps are to the second).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watchlists",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("targets", sa.JSON, nullable=False),
        sa.Column("queries", sa.JSON, nullable=False),
        sa.Column("affiliates", sa.Boolean, nullable=False),
        sa.Column("webhook", sa.Text),
        sa.Column("secret", sa.Text),
        sa.Column("allow_private", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("checked_through", sa.String(40), nullable=False),
        sa.Column("checked_ids", sa.JSON, nullable=False),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("watchlist_id", sa.Integer, sa.ForeignKey("watchlists.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column("article_id", sa.String(64)),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("baseline", sa.Boolean, nullable=False),
        sa.Column("read_at", sa.String(40)),
        sa.Column("delivered_at", sa.String(40)),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.String(40)),
        sa.Column("claimed_until", sa.String(40)),
        sa.Column("failed", sa.Boolean, nullable=False),
        sa.Column("withdrawn_at", sa.String(40)),
        sa.UniqueConstraint("watchlist_id", "kind", "key", name="uq_alerts_key"),
    )
    op.create_index("ix_alerts_watchlist", "alerts", ["watchlist_id", "id"])
    op.create_table(
        "alert_deliveries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("alert_id", sa.Integer, sa.ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("attempt", sa.Integer, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("status", sa.Integer),
        sa.Column("error", sa.Text),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.Column("ms", sa.Integer),
    )
    op.create_index("ix_alert_deliveries_alert", "alert_deliveries", ["alert_id"])


def downgrade() -> None:
    op.drop_table("alert_deliveries")
    op.drop_table("alerts")
    op.drop_table("watchlists")
