"""Table definitions of the store (SQLAlchemy Core).

These mirror the alembic migrations in ``migrations/versions``; the migrations are
what creates the tables, these objects are what the queries are written against.
Column types are portable: the same tables work on SQLite and PostgreSQL.

Offsets are character offsets into ``Article.text``. Columns named ``*_folded``
hold :func:`rasid.arabic.fold` of a name, lower-cased, for substring search.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("external_id", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("published", sa.String(40)),  # ISO 8601, with offset when known
    sa.Column("published_day", sa.String(10)),  # YYYY-MM-DD, the article's own calendar day
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
    sa.Column("duplicate_of", sa.String(64)),  # id of the article this one copies (migration 0002)
)

sentences = sa.Table(
    "sentences",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("paragraph", sa.Integer, nullable=False, default=0),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("surface", sa.Text, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_folded", sa.Text, nullable=False),
    sa.Column("actor_id", sa.String(128)),
    sa.Column("type", sa.String(64)),
    sa.Column("source", sa.String(32), nullable=False),
    sa.Column("parent", sa.JSON),  # the parent Mention, nested, or null
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("surface", sa.Text, nullable=False),
    sa.Column("place_id", sa.String(64)),  # gazetteer id; null: unresolved
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_en", sa.Text),
    sa.Column("country", sa.String(2)),
    sa.Column("kind", sa.String(16)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("candidates", sa.Integer, nullable=False),
)

statement_places = sa.Table(
    "statement_places",
    metadata,
    sa.Column("statement_id", sa.String(128), sa.ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("place_id", sa.String(64), primary_key=True),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("day", sa.String(10)),  # the statement's day (statements.day)
    sa.Column("favor", sa.Boolean, nullable=False),  # the statement takes this stance toward one of its targets
    sa.Column("against", sa.Boolean, nullable=False),
    sa.Column("neutral", sa.Boolean, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),  # the place's first mention in the sentence
    sa.Column("end", sa.Integer, nullable=False),
)

statements = sa.Table(
    "statements",
    metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("speaker_name", sa.Text, nullable=False),
    sa.Column("speaker_folded", sa.Text, nullable=False),
    sa.Column("speaker_surface", sa.Text, nullable=False),
    sa.Column("speaker_surface_folded", sa.Text, nullable=False),
    sa.Column("speaker_actor_id", sa.String(128)),
    sa.Column("speaker_type", sa.String(64)),
    sa.Column("speaker_source", sa.String(32), nullable=False),
    sa.Column("speaker_start", sa.Integer, nullable=False),
    sa.Column("speaker_end", sa.Integer, nullable=False),
    sa.Column("parent_name", sa.Text),
    sa.Column("parent_surface", sa.Text),
    sa.Column("parent_actor_id", sa.String(128)),
    sa.Column("parent_type", sa.String(64)),
    sa.Column("parent_source", sa.String(32)),
    sa.Column("parent_start", sa.Integer),
    sa.Column("parent_end", sa.Integer),
    sa.Column("cue_start", sa.Integer, nullable=False),
    sa.Column("cue_end", sa.Integer, nullable=False),
    sa.Column("content_start", sa.Integer, nullable=False),
    sa.Column("content_end", sa.Integer, nullable=False),
    sa.Column("sentence_start", sa.Integer, nullable=False),
    sa.Column("sentence_end", sa.Integer, nullable=False),
    sa.Column("direct", sa.Boolean, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("date_value", sa.String(10)),
    sa.Column("date_granularity", sa.String(8)),
    sa.Column("date_source", sa.String(16)),
    sa.Column("date_text", sa.Text),
    sa.Column("date_start", sa.Integer),
    sa.Column("date_end", sa.Integer),
    # the day the statement is dated to: start of its date, else the article's publication day
    sa.Column("day", sa.String(10)),
    sa.Column("carried", sa.Boolean, nullable=False, default=False),
    sa.Column("confidence", sa.Float, nullable=False),
)

targets = sa.Table(
    "targets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("statement_id", sa.String(128), sa.ForeignKey("statements.id", ondelete="CASCADE"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_folded", sa.Text, nullable=False),
    sa.Column("surface", sa.Text, nullable=False),
    sa.Column("surface_folded", sa.Text, nullable=False),
    sa.Column("actor_id", sa.String(128)),
    sa.Column("type", sa.String(64)),
    sa.Column("source", sa.String(32), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("parent", sa.JSON),
    sa.Column("stance", sa.String(16), nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("basis", sa.String(16)),  # what decided the stance (rasid.model.TargetStance.basis)
)

rejections = sa.Table(
    "rejections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("stage", sa.String(64), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

seen_urls = sa.Table(
    "seen_urls",
    metadata,
    sa.Column("url_hash", sa.String(40), primary_key=True),  # sha1 hex of the URL
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("outcome", sa.String(32), nullable=False),
    sa.Column("seen_at", sa.String(40), nullable=False),
)

# one row per input document a batch ingest has finished with (see rasid.batch): a re-run skips
# the documents whose key is here, except the rejected ones, which it tries again (replacing their row
# and their rejection). Written in the same transaction as the article or rejection.
ingest_ledger = sa.Table(
    "ingest_ledger",
    metadata,
    sa.Column("key", sa.String(40), primary_key=True),  # sha1 hex of origin + content
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("outcome", sa.String(16), nullable=False),  # ingested | duplicate | rejected | skipped (not Arabic)
    sa.Column("article_id", sa.String(64)),
    sa.Column("done_at", sa.String(40), nullable=False),
)


# analysts' corrections, keyed to a statement's provenance (see rasid.corrections; migration 0004)
corrections = sa.Table(
    "corrections",
    metadata,
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

# the search index's documents: folded text of articles and statements (see rasid.web.search; migration 0004)
search_docs = sa.Table(
    "search_docs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("ref", sa.String(128), nullable=False),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("stamp", sa.String(40), nullable=False),
    sa.Column("folded", sa.Text, nullable=False),
)

# each article's duplicate signature (see rasid.ingest.dedup; migration 0006)
article_signatures = sa.Table(
    "article_signatures",
    metadata,
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("text_hash", sa.String(40), nullable=False),
    sa.Column("minhash", sa.LargeBinary),
)


# stored position shifts and what keeps them current (see rasid.stored_shifts; migration 0007)
shift_links = sa.Table(
    "shift_links",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("statement_id", sa.String(128), nullable=False),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("actor", sa.Text, nullable=False),  # the series' family member (actor id, or a name)
    sa.Column("target", sa.Text, nullable=False),
)

shift_series = sa.Table(
    "shift_series",
    metadata,
    sa.Column("actor", sa.Text, primary_key=True),
    sa.Column("target", sa.Text, primary_key=True),
    sa.Column("last_day", sa.String(10), nullable=False),  # the series' newest day
)

shift_rows = sa.Table(
    "shift_rows",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("target", sa.Text, nullable=False),
    # where the series first appears in the statements' order (day, article, position) and which of that
    # statement's entries opens it, then the change point's place in the series: the order ties are kept in
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

shift_dirty = sa.Table(
    "shift_dirty",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(64), nullable=False),
)

shift_state = sa.Table(
    "shift_state",
    metadata,
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


# watchlists, the alerts they raise and every delivery attempt (see rasid.alerts; migration 0009)
watchlists = sa.Table(
    "watchlists",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("actors", sa.JSON, nullable=False),  # knowledge-base ids, or names the knowledge base does not know
    sa.Column("targets", sa.JSON, nullable=False),
    sa.Column("queries", sa.JSON, nullable=False),
    sa.Column("claims", sa.JSON),  # claim ids (migration 0010); null: none
    sa.Column("affiliates", sa.Boolean, nullable=False),  # also whoever speaks for the actors
    sa.Column("webhook", sa.Text),
    sa.Column("secret", sa.Text),
    sa.Column("allow_private", sa.Boolean, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("checked_through", sa.String(40), nullable=False),  # the newest ingested_at looked at
    sa.Column("checked_ids", sa.JSON, nullable=False),  # the articles of that second already looked at
)

alerts = sa.Table(
    "alerts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("watchlist_id", sa.Integer, sa.ForeignKey("watchlists.id", ondelete="CASCADE"), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # statement | shift
    sa.Column("key", sa.String(400), nullable=False),  # what makes it this alert: raised once
    sa.Column("article_id", sa.String(64)),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("record", sa.JSON, nullable=False),  # the statement or shift export record
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("baseline", sa.Boolean, nullable=False),  # existed when the watchlist was made: never shown
    sa.Column("read_at", sa.String(40)),
    sa.Column("delivered_at", sa.String(40)),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("next_attempt_at", sa.String(40)),
    sa.Column("claimed_until", sa.String(40)),  # a deliverer is sending it until then
    sa.Column("failed", sa.Boolean, nullable=False),  # gave up after the last attempt
    sa.Column("withdrawn_at", sa.String(40)),  # a shift that no longer holds, since then
    sa.UniqueConstraint("watchlist_id", "kind", "key", name="uq_alerts_key"),
)

alert_deliveries = sa.Table(
    "alert_deliveries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("alert_id", sa.Integer, sa.ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
    sa.Column("attempt", sa.Integer, nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("status", sa.Integer),  # the receiver's HTTP status, or null when none answered
    sa.Column("error", sa.Text),
    sa.Column("ok", sa.Boolean, nullable=False),
    sa.Column("ms", sa.Integer),
)

# claims (see rasid.claims; migration 0010): one row per statement the claims have looked at, with what
# the pair decision reads of it, and the claim it joined (if any)
claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("head_statement", sa.String(128), nullable=False),  # its first appearance
    sa.Column("first_day", sa.String(10)),
    sa.Column("last_day", sa.String(10)),
    sa.Column("statements", sa.Integer, nullable=False),
    sa.Column("articles", sa.Integer, nullable=False),
    sa.Column("speakers", sa.Integer, nullable=False),
    sa.Column("roles", sa.JSON, nullable=False),  # {"assert": 3, "deny": 1, ...}
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
)

claim_items = sa.Table(
    "claim_items",
    metadata,
    sa.Column("statement_id", sa.String(128), sa.ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("day", sa.String(10)),
    sa.Column("day_ordinal", sa.Integer, nullable=False),
    sa.Column("vector", sa.LargeBinary),  # e5 embedding of the content, float16; null: too short to compare
    sa.Column("words", sa.Text),  # its search forms, space-separated (and around)
    sa.Column("numbers", sa.Text),
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="SET NULL")),
    sa.Column("score", sa.Float),  # the pair probability that made it join
    sa.Column("role", sa.String(16), nullable=False),
)


def text_slice(start: sa.ColumnElement, end: sa.ColumnElement) -> sa.ColumnElement:
    """The characters ``[start, end)`` of the article's text, read in SQL (a query joined to ``articles``):
    1-based ``substr``, counted in characters on SQLite and PostgreSQL alike."""
    return sa.func.substr(articles.c.text, start + 1, end - start)


def statement_content() -> sa.ColumnElement:
    """A statement's content, read in SQL (a query joining ``statements`` and ``articles``)."""
    return text_slice(statements.c.content_start, statements.c.content_end)

