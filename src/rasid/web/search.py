"""Arabic-aware full-text search over articles and statements.

Text is indexed in a *search form*: :func:`rasid.arabic.fold` (hamza and alef forms,
ta marbuta, alef maqsura, diacritics, tatweel), lower case, and each word reduced to its
shortest proclitic-free reading (و/ف، ب/ل/ك، ال، لل: وبالروسية -> روسيه). A query goes
through the same steps, and every query word must start a word of the document (so
روسي finds الروسية and روسيا finds لروسيا).

The index lives in the ``search_docs`` table (one row per article and per statement). It is
built by the first search (or ``rasid serve`` at start-up) and kept current from the articles
whose ``ingested_at`` differs from the one indexed: by the ingest after each batch, and by a
search that finds it behind when no other connection is writing (a search never queues behind
an ingest; in the server a search leaves a lag of a batch or so to a background thread,
:func:`refresh_soon`, and reads the index as it is). On SQLite, an FTS5 table ranks the hits with bm25; elsewhere the folded column is
searched with LIKE.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..arabic import normalize, stems, tokenize
from ..store.db import WriterBusy, write_transaction
from ..store.tables import articles as A
from ..store.tables import search_docs as docs
from ..store.tables import statements as S
from ..store.tables import targets as T
from .limits import QueryLimits

KINDS = ("article", "statement")
_lock = threading.Lock()


def search_word(word: str) -> str:
    """The search form of one folded word: its shortest reading without proclitics."""
    return stems(word.lower())[-1]


def search_form(text: str) -> str:
    """The search form of a text: folded, lower-cased words without proclitics, space-separated."""
    return " ".join(search_word(t.norm) for t in tokenize(text or ""))


def query_words(q: str) -> list[str]:
    """The distinct search words of a query, in order."""
    out: list[str] = []
    for word in search_form(q).split():
        if word not in out:
            out.append(word)
    return out


# --- keeping the index up to date -------------------------------------------

def _has_fts(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    row = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table' AND name='search_fts'").first()
    return row is not None


def _article_rows(conn: Connection, article_id: str, stamp: str) -> list[dict[str, Any]]:
    art = conn.execute(sa.select(A.c.title, A.c.text).where(A.c.id == article_id)).first()
    if art is None:
        return []
    title, text = art
    rows = [{"kind": "article", "ref": article_id, "article_id": article_id, "stamp": stamp,
             "folded": search_form(f"{title}\n{text}")}]
    stmts = conn.execute(sa.select(S.c.id, S.c.content_start, S.c.content_end, S.c.speaker_name,
                                   S.c.speaker_surface, S.c.parent_name)
                         .where(S.c.article_id == article_id).order_by(S.c.position)).all()
    names: dict[str, list[str]] = defaultdict(list)
    if stmts:
        ids = [s[0] for s in stmts]
        for sid, name, surface in conn.execute(sa.select(T.c.statement_id, T.c.name, T.c.surface)
                                               .where(T.c.statement_id.in_(ids))):
            names[sid].extend((name, surface))
    for sid, start, end, speaker, surface, parent in stmts:
        parts = [text[start:end], speaker, surface, parent or "", *names.get(sid, [])]
        rows.append({"kind": "statement", "ref": sid, "article_id": article_id, "stamp": stamp,
                     "folded": search_form("\n".join(parts))})
    return rows


def _signature(conn: Connection) -> tuple[tuple[int, str | None], tuple[int, str | None]]:
    """(article count, newest ingested_at) of the archive and of the index: two index lookups each."""
    stored = conn.execute(sa.select(sa.func.count(), sa.func.max(A.c.ingested_at))).one()
    indexed = conn.execute(sa.select(sa.func.count(), sa.func.max(docs.c.stamp)).where(docs.c.kind == "article")).one()
    return (stored[0], stored[1]), (indexed[0], indexed[1])


CHUNK = 200  # articles indexed per transaction: a writer waits for one chunk at most, never for a whole build
CATCH_UP = 1000  # a search waits for the index when it lags more than this (a build), not for an ingest's batch


def refresh(engine: Engine, *, wait: bool = True) -> int:
    """Index the articles stored or re-processed since the last refresh; returns how many.

    Most searches find the index current, which two index lookups tell (the count and the
    newest ``ingested_at`` of the archive and of the index are equal). Otherwise the articles
    stored after the newest indexed one are indexed, oldest first, :data:`CHUNK` per transaction
    (an ingest writing meanwhile waits for one chunk, not for a whole build); only when the counts
    still differ (deleted articles, a restore of older ones) is every article checked against the index.
    ``wait=False`` (a reader) raises :class:`rasid.store.db.WriterBusy` at once where another connection
    or thread is writing, instead of waiting for it (what was indexed before stays).
    """
    with engine.connect() as conn:
        stored, indexed = _signature(conn)
    if stored == indexed:
        return 0
    if not _lock.acquire(blocking=wait):
        raise WriterBusy("another thread is indexing")
    try:
        done = 0
        while (n := _index_chunk(engine, wait)) is not None:
            done += n
        return done
    finally:
        _lock.release()


def _index_chunk(engine: Engine, wait: bool) -> int | None:
    """Index the next chunk of new articles in one transaction; None when the index is current."""
    with write_transaction(engine, wait=wait) as conn:
        stored, indexed = _signature(conn)
        if stored == indexed:
            return None
        newer = sa.select(A.c.id, A.c.ingested_at).where(~_indexed(A.c.id, A.c.ingested_at))
        if indexed[1] is not None:
            newer = newer.where(A.c.ingested_at >= indexed[1])
        chunk = conn.execute(newer.order_by(A.c.ingested_at).limit(CHUNK)).all()
        if chunk:
            return _index(conn, chunk)
        # deletions or older stamps: reconcile both ways, through the indexes
        orphan = sa.select(A.c.id).where(A.c.id == docs.c.article_id).exists()
        conn.execute(sa.delete(docs).where(~orphan))
        stale = conn.execute(sa.select(A.c.id, A.c.ingested_at).where(~_indexed(A.c.id, A.c.ingested_at))).all()
        _index(conn, stale)
        return None


def keep_current(engine: Engine) -> int:
    """What an ingest does after each batch: index its articles where the database has a search index
    (it has been searched or served), so that searches during a long ingest find what is written
    without doing the writer's work; a database never searched gets no index. Returns how many."""
    with engine.connect() as conn:
        if conn.execute(sa.select(docs.c.id).limit(1)).first() is None:
            return 0
    return refresh(engine)


def refresh_if_free(engine: Engine) -> int:
    """What a search does first. Where the index lags by more than :data:`CATCH_UP` articles (it is
    being built), wait for it: :func:`refresh`. Otherwise bring it up to date unless another
    connection or thread is writing (an ingest indexes its own batches): the search then reads the
    index as it is, rather than queue behind the writer. Returns how many articles were indexed."""
    with engine.connect() as conn:
        stored, indexed = _signature(conn)
    if stored == indexed:
        return 0  # (most searches: no second look at the signature)
    try:
        with QueryLimits.unlimited():  # indexing new articles must finish once started (a stop still ends it)
            return refresh(engine, wait=stored[0] - indexed[0] > CATCH_UP)
    except WriterBusy:
        return 0


_soon: dict[int, threading.Thread] = {}  # per engine: the thread bringing its index up to date


def refresh_soon(engine: Engine) -> None:
    """What a search in the server does first. A current index is read at once; one that lags by at most
    :data:`CATCH_UP` articles (an ingest's batch stored and not yet indexed) is brought up to date by a
    background thread, one per engine, while the search reads the index as it is — the request does not
    do that work in its own time; a larger lag (a build, a first search) is waited for (:func:`refresh_if_free`)."""
    with engine.connect() as conn:
        stored, indexed = _signature(conn)
    if stored == indexed:
        return
    if not indexed[0] or stored[0] - indexed[0] > CATCH_UP:
        refresh_if_free(engine)
        return
    with _lock_soon:
        running = _soon.get(id(engine))
        if running is not None and running.is_alive():
            return

        def catch_up() -> None:
            try:
                refresh_if_free(engine)
            except Exception:  # noqa: BLE001 - the next search tries again; a search never fails for it
                pass

        _soon[id(engine)] = thread = threading.Thread(target=catch_up, name="rasid search index", daemon=True)
        thread.start()


_lock_soon = threading.Lock()


def _indexed(article_id: Any, stamp: Any) -> Any:
    d = docs.alias("d")
    return sa.select(d.c.id).where(d.c.kind == "article", d.c.ref == article_id, d.c.stamp == stamp).exists()


def _index(conn: Connection, stale: list[Any]) -> int:
    for article_id, stamp in stale:
        conn.execute(sa.delete(docs).where(docs.c.article_id == article_id))
        rows = _article_rows(conn, article_id, stamp)
        if rows:
            conn.execute(sa.insert(docs), rows)
    return len(stale)


# --- searching ---------------------------------------------------------------

@dataclass(frozen=True)
class Hit:
    kind: str  # article | statement
    ref: str  # article id or statement id
    article_id: str
    rank: float
    day: str | None = None  # the statement's day or the article's publication day (when sorted by date)
    doc: int = 0  # the search document's id: the last key of every order


SORTS = ("relevance", "newest", "oldest")


def sort_key(hit: Hit, sort: str) -> tuple:
    """Where ``hit`` goes in the order ``sort`` (descending for ``newest``, see :func:`order_by`)."""
    if sort == "relevance":
        return (hit.rank, hit.doc)
    if sort == "newest":
        return (hit.day is not None, hit.day or "", hit.doc)
    return (hit.day is None, hit.day or "", hit.doc)


def order_by(sort: str, rank: Any, day: Any, doc: Any) -> list[Any]:
    """The SQL order of :func:`sort_key`: best first, newest first or oldest first (undated last in both)."""
    if sort == "relevance":
        return [rank, doc]
    if sort == "newest":
        return [day.is_not(None).desc(), day.desc(), doc.desc()]
    return [day.is_(None), day, doc]


def matching(conn: Connection, words: list[str], ranked: bool) -> Any:
    """The search documents holding every word, as a subquery with columns ``id`` (of ``search_docs``) and
    ``rank`` (bm25, lower is better; 0 when not ``ranked`` or without FTS5), for the caller to join and
    filter."""
    if _has_fts(conn):
        match = " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)
        rank = "bm25(search_fts)" if ranked else "0.0"
        # LIMIT -1 (no limit) keeps SQLite from flattening the subquery into the caller's join, where it
        # would start from every document and ask the full-text index about each one (0.3 s instead of 20 ms)
        return (sa.text(f"SELECT rowid AS id, {rank} AS rank FROM search_fts WHERE search_fts MATCH :match "
                        "LIMIT -1")
                .bindparams(match=match).columns(id=sa.Integer, rank=sa.Float).subquery("r"))
    padded = sa.literal(" ") + docs.c.folded
    return (sa.select(docs.c.id.label("id"), sa.literal(0.0).label("rank"))
            .where(*[padded.like(f"% {_escape(w)}%", escape="\\") for w in words]).subquery("r"))


def search(engine: Engine, q: str, *, kind: str | None = None, limit: int = 20,
           offset: int = 0, catch_up: Callable[[Engine], Any] | None = None) -> tuple[int, list[Hit]]:
    """(number of hits, one page of hits) for the query ``q``, best first. ``catch_up`` brings the index up
    to date first (default :func:`refresh_if_free`; the server passes :func:`refresh_soon`)."""
    words = query_words(q)
    if not words:
        return 0, []
    (catch_up or refresh_if_free)(engine)
    with engine.connect() as conn:
        if _has_fts(conn):
            return _fts(conn, words, kind, limit, offset)
        return _like(conn, words, kind, limit, offset)


def _fts(conn: Connection, words: list[str], kind: str | None, limit: int, offset: int) -> tuple[int, list[Hit]]:
    match = " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)
    params: dict[str, Any] = {"match": match, "kind": kind, "limit": limit, "offset": offset}
    if kind:
        base = "FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid WHERE search_fts MATCH :match AND d.kind = :kind"
        total = conn.execute(sa.text(f"SELECT count(*) {base}"), params).scalar_one()
        rows = conn.execute(sa.text(f"SELECT d.kind, d.ref, d.article_id, bm25(search_fts) AS rank {base} "
                                    "ORDER BY rank, d.id LIMIT :limit OFFSET :offset"), params).all()
    else:
        # every kind: the full-text index alone counts and ranks (a join for every hit would cost a
        # lookup each); only the page's rows are looked up
        total = conn.execute(sa.text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :match"),
                             params).scalar_one()
        rows = conn.execute(sa.text(
            "SELECT d.kind, d.ref, d.article_id, r.rank FROM (SELECT rowid AS id, bm25(search_fts) AS rank "
            "FROM search_fts WHERE search_fts MATCH :match ORDER BY rank, rowid LIMIT :limit OFFSET :offset) r "
            "JOIN search_docs d ON d.id = r.id ORDER BY r.rank, d.id"), params).all()
    return total, [Hit(k, r, a, float(rank)) for k, r, a, rank in rows]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(conn: Connection, words: list[str], kind: str | None, limit: int, offset: int) -> tuple[int, list[Hit]]:
    padded = sa.literal(" ") + docs.c.folded
    conds = [padded.like(f"% {_escape(w)}%", escape="\\") for w in words]
    if kind:
        conds.append(docs.c.kind == kind)
    total = conn.execute(sa.select(sa.func.count()).select_from(docs).where(*conds)).scalar_one()
    rows = conn.execute(sa.select(docs.c.kind, docs.c.ref, docs.c.article_id).where(*conds)
                        .order_by(docs.c.kind, docs.c.id).limit(limit).offset(offset)).all()
    return total, [Hit(k, r, a, 0.0) for k, r, a in rows]


# --- snippets ----------------------------------------------------------------

def snippet(text: str, q: str, width: int = 90) -> list[tuple[str, bool]]:
    """A piece of ``text`` around the first query word, as (text, is_match) parts."""
    words = query_words(q)
    norm = normalize(text)
    folded = norm.text.lower()
    found: list[tuple[int, int]] = []
    for w in words:
        # a word of the text that, without its proclitics, starts with the query word
        for m in re.finditer(r"[\w\u0600-\u06FF]+", folded):
            if search_word(m.group()).startswith(w):
                found.append((m.start(), m.end()))
    if not found:
        cut = text[: 2 * width]
        return [(cut + ("…" if len(text) > len(cut) else ""), False)]
    found.sort()
    first = norm.to_original(*found[0])
    start = max(0, first.start - width)
    end = min(len(text), first.end + width)
    spans = sorted({(s.start, s.end) for s in (norm.to_original(a, b) for a, b in found)
                    if s.start >= start and s.end <= end})
    parts: list[tuple[str, bool]] = []
    pos = start
    if start > 0:
        parts.append(("…", False))
    for s, e in spans:
        if s < pos:
            continue
        parts.append((text[pos:s], False))
        parts.append((text[s:e], True))
        pos = e
    parts.append((text[pos:end], False))
    if end < len(text):
        parts.append(("…", False))
    return [(t.replace("\n", " "), m) for t, m in parts if t]
