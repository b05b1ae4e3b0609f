"""Position shifts kept in the store, current as articles and corrections are written.

:func:`rasid.shifts.find_shifts` reads every statement; at archive scale (70,000 statements)
that is ~24 s per call. The shifts of a (family member, target) *series* depend on that
series' statements alone (see :func:`rasid.shifts.build_series`), so the store keeps
(migration 0007):

* ``shift_links``: the series each statement belongs to (an index from series to statements);
* ``shift_rows``: each series' change points, with what their score is made of;
* ``shift_series``: each series' newest day (scores decay from the newest day of all series,
  so scores are computed when read, never stored);
* ``shift_dirty``: the articles written since their series were computed. Every write that can
  change a series -- storing, replacing or deleting an article, linking it as a copy, saving or
  deleting a correction -- marks its article *in its own transaction*, so a run killed at any
  point leaves the marks with the data and the next refresh repairs the series;
* ``shift_state``: the fingerprint the tables were built with (the source of rasid.shifts, the
  knowledge base and the speaker nouns): a rasid that finds shifts differently builds them again.

:func:`refresh` recomputes the series of the marked articles: the series their statements were
in (from ``shift_links``) and are in now, each from its own statements loaded by id. An ingest
calls it after every batch; :func:`read_shifts` calls it before reading, so a read is always
current. :func:`rebuild` computes everything once: the first read of a database that has no
stored shifts (or whose fingerprint differs: a new knowledge base or a new rasid) does it, and
``rasid shifts --rebuild`` forces it.

:func:`read_shifts` gives exactly what :func:`rasid.shifts.supported_shifts` gives on the
corrected statements of the original articles (same shifts, same order), a page at a time.
Only the default settings are stored (``min_confidence`` 0, ``min_support`` 2); other settings
are computed from the statements as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from .actors.kb import KnowledgeBase
from .errors import StoreError
from .model import Article, Shift, Stance, Statement
from .shifts import (MIN_SUPPORT, Entry, SeriesKey, Support, SupportedShift, _Day, _name, after_ordinal,
                     build_series, score_of, series_candidates, statement_entries)
from .store import Store
from .store.db import WriterBusy, write_transaction
from .store.tables import corrections as C
from .store.tables import shift_dirty as DIRTY
from .store.tables import shift_links as LINKS
from .store.tables import shift_rows as ROWS
from .store.tables import shift_series as SERIES
from .store.tables import shift_state as STATE

__all__ = ["ShiftPage", "fingerprint", "read_shifts", "rebuild", "refresh", "start_if_empty", "status"]

ALGORITHM = "1"  # bump to build every stored table again even where rasid.shifts is unchanged
_CHUNK = 400
Progress = Callable[[str], None]


@dataclass(frozen=True)
class ShiftPage:
    """One page of shifts, best first: ``total`` shifts match, ``shifts`` are ``[offset:offset+limit]``;
    ``articles`` holds the (light) articles of their statements, by id."""

    total: int
    shifts: list[SupportedShift]
    articles: dict[str, Article]


# --- fingerprint and state ---------------------------------------------------------

_FINGERPRINTS: dict[int, tuple[KnowledgeBase, str]] = {}


def _shifts_source() -> bytes:
    from . import shifts

    try:
        return Path(shifts.__file__).read_bytes()
    except OSError:  # (a frozen install without sources: the version stands in)
        from . import __version__

        return __version__.encode()


def fingerprint(kb: KnowledgeBase) -> str:
    """What the stored shifts depend on besides the statements: the algorithm and the knowledge base
    (actors, types, codes, names and affiliations) and the speaker nouns that make unknown speakers trackable."""
    cached = _FINGERPRINTS.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    from .lexicons import speaker_nouns

    digest = hashlib.sha1(f"shifts {ALGORITHM}\n".encode())
    # the code that finds shifts: a rasid whose rasid.shifts differs builds the stored shifts again
    digest.update(_shifts_source())
    for aid in sorted(kb.actors):
        a = kb.actors[aid]
        digest.update(repr((a.id, a.type, a.code, a.name_ar, a.affiliations)).encode("utf-8", "surrogatepass"))
    digest.update(repr(sorted(speaker_nouns().items())).encode("utf-8", "surrogatepass"))
    value = digest.hexdigest()[:20]
    _FINGERPRINTS[id(kb)] = (kb, value)
    return value


def _state(conn: Connection) -> dict[str, str]:
    return dict(conn.execute(sa.select(STATE.c.key, STATE.c.value)).all())


def status(store: Store, kb: KnowledgeBase) -> str:
    """``current``; ``dirty`` (articles written since: a refresh brings them in); ``unbuilt`` (never built,
    or built for another knowledge base or rasid: a rebuild is needed)."""
    with store.engine.connect() as conn:
        state = _state(conn)
        if state.get("fingerprint") != fingerprint(kb):
            return "unbuilt"
        return "dirty" if conn.execute(sa.select(DIRTY.c.id).limit(1)).first() else "current"


def _fail(store: Store, what: str, exc: SQLAlchemyError) -> StoreError:
    why = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return StoreError(f"{what} in {store.url}: {why[0] if why else type(exc).__name__}",
                      hint="check that the database is writable and migrated by this rasid; "
                           "`rasid shifts --rebuild` computes the stored shifts again")


# --- computing series ----------------------------------------------------------------

def _corrections(conn: Connection, article_ids: Iterable[str]) -> dict:
    from .corrections import _from_row, index

    ids = list(dict.fromkeys(article_ids))
    found = []
    for i in range(0, len(ids), _CHUNK):
        found.extend(_from_row(r) for r in conn.execute(
            sa.select(C).where(C.c.article_id.in_(ids[i : i + _CHUNK]))).mappings())
    return index(found)


def _corrected(conn: Connection, rows: list[tuple[Article, Statement, Any]]) -> list[tuple[Article, Statement, Any]]:
    """The statements with their corrections applied; those marked wrong are left out."""
    from .corrections import correct, statement_key

    by_key = _corrections(conn, (a.id for a, _, _ in rows))
    out = []
    for article, st, place in rows:
        current: Statement | None = st
        for c in by_key.get(statement_key(article, st), ()):
            current = correct(current, c) if current is not None else None
        if current is not None:
            out.append((article, current, place))
    return out


def _link_rows(article: Article, st: Statement, entries: list[Entry]) -> list[dict[str, Any]]:
    keys = dict.fromkeys((key, tkey) for key, tkey, *_ in entries)
    return [{"statement_id": st.id, "article_id": article.id, "actor": k, "target": t} for k, t in keys]


def _support_json(s: Support) -> dict[str, Any]:
    return {"stance": str(s.stance), "statements": [list(p) for p in s.statements],
            "days": [d.isoformat() for d in s.days], "sources": list(s.sources), "weight": s.weight}


def _support_from(d: dict[str, Any]) -> Support:
    return Support(Stance(d["stance"]), tuple((a, s) for a, s in d["statements"]),
                   tuple(date.fromisoformat(x) for x in d["days"]), tuple(d["sources"]), d["weight"])


def _places(conn: Connection, ids: Iterable[str]) -> dict[str, tuple[bool, str, str, int]]:
    """Each statement's place in the order of :meth:`rasid.store.Store.statements`, by id."""
    from .store.tables import statements as S

    wanted = list(dict.fromkeys(ids))
    out = {}
    for i in range(0, len(wanted), _CHUNK):
        for r in conn.execute(sa.select(S.c.id, S.c.day, S.c.article_id, S.c.position)
                              .where(S.c.id.in_(wanted[i : i + _CHUNK]))):
            out[r.id] = (r.day is None, r.day or "", r.article_id, r.position)
    return out


def _series_rows(conn: Connection, kb: KnowledgeBase,
                 series: dict[SeriesKey, dict[date, _Day]]) -> tuple[list[dict], list[dict]]:
    """Rows of ``shift_series`` and ``shift_rows`` for computed series."""
    series_rows, shift_rows = [], []
    for (member, tkey), days in series.items():
        series_rows.append({"actor": member, "target": tkey, "last_day": max(days).isoformat()})
    candidates = series_candidates(series, MIN_SUPPORT)
    opening = {key: min(series[key].values(), key=lambda d: d.order).items[0]
               for key in dict.fromkeys((c.shift.actor, c.shift.target) for c in candidates)}
    places = _places(conn, (item[1].id for item in opening.values()))
    firsts: dict[SeriesKey, tuple[tuple[bool, str, str, int], int]] = {}
    positions: dict[SeriesKey, int] = {}
    for c in candidates:
        key = (c.shift.actor, c.shift.target)
        if key not in firsts:
            # the statement that opens the series, and which of its entries: where the series comes first
            first = opening[key]
            _, entries = statement_entries(first[0], first[1], kb)
            entry = next(i for i, e in enumerate(entries) if (e[0], e[1]) == key)
            firsts[key] = (places[first[1].id], entry)
        place, entry = firsts[key]
        position = positions[key] = positions.get(key, -1) + 1
        shift = c.shift
        shift_rows.append({
            "actor": shift.actor, "target": shift.target, "series_day": place[1] or None,
            "series_article": place[2], "series_position": place[3], "series_entry": entry, "position": position,
            "before_statement": shift.before.id, "after_statement": shift.after.id,
            "before_article": shift.before_article, "after_article": shift.after_article,
            "from_stance": str(shift.from_stance), "to_stance": str(shift.to_stance), "via": list(shift.via),
            "turn_day": c.turn_day.isoformat(), "after_ordinal": after_ordinal(shift),
            "specificity": c.specificity, "strength": c.strength, "support": c.support, "days": c.days,
            "before_support": _support_json(c.before), "after_support": _support_json(c.after)})
    return series_rows, shift_rows


def _insert(conn: Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    for i in range(0, len(rows), 2000):
        conn.execute(sa.insert(table), list(rows[i : i + 2000]))


def _delete_series(conn: Connection, keys: list[SeriesKey]) -> None:
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i : i + _CHUNK]
        for table in (ROWS, SERIES):
            conn.execute(sa.delete(table).where(sa.tuple_(table.c.actor, table.c.target).in_(chunk)))


def _recompute(conn: Connection, store: Store, kb: KnowledgeBase, keys: set[SeriesKey]) -> None:
    """Compute the series ``keys`` again from their linked statements and replace their rows."""
    ordered = sorted(keys)
    ids: set[str] = set()
    for i in range(0, len(ordered), _CHUNK):
        chunk = ordered[i : i + _CHUNK]
        ids.update(conn.execute(sa.select(LINKS.c.statement_id).where(
            sa.tuple_(LINKS.c.actor, LINKS.c.target).in_(chunk))).scalars())
    rows = _corrected(conn, store.statements_where(ids=ids, originals_only=True, conn=conn))
    series = build_series(((a, s) for a, s, _ in rows), kb, only=keys)
    series_rows, shift_rows = _series_rows(conn, kb, series)
    _delete_series(conn, ordered)
    _insert(conn, SERIES, series_rows)
    _insert(conn, ROWS, shift_rows)


# --- keeping the table current ---------------------------------------------------------

def refresh(store: Store, kb: KnowledgeBase, *, wait: bool = True) -> int | None:
    """Bring the series of the articles written since the last refresh up to date, in one transaction.

    Returns how many articles were brought in, or None when the stored shifts are not built for ``kb``
    (:func:`rebuild` builds them; the marks wait for it). ``wait=False`` (a reader) raises
    :class:`rasid.store.db.WriterBusy` at once where another connection is writing: the writer brings
    them up to date after its batch."""
    try:
        with write_transaction(store.engine, wait=wait) as conn:
            # a write first: two refreshes (an ingest and a reader) take turns instead of racing
            taken = conn.execute(sa.update(STATE).where(STATE.c.key == "generation")
                                 .values(value=STATE.c.value)).rowcount
            if not taken or _state(conn).get("fingerprint") != fingerprint(kb):
                return None
            dirty = conn.execute(sa.select(DIRTY.c.id, DIRTY.c.article_id)).all()
            if not dirty:
                return 0
            article_ids = list(dict.fromkeys(a for _, a in dirty))
            touched: set[SeriesKey] = set()
            for i in range(0, len(article_ids), _CHUNK):
                chunk = article_ids[i : i + _CHUNK]
                touched.update(tuple(r) for r in conn.execute(  # type: ignore[misc]
                    sa.select(LINKS.c.actor, LINKS.c.target).where(LINKS.c.article_id.in_(chunk)).distinct()))
                conn.execute(sa.delete(LINKS).where(LINKS.c.article_id.in_(chunk)))
            links: list[dict[str, Any]] = []
            for article, st, _ in _corrected(conn, store.statements_where(articles=article_ids, originals_only=True,
                                                                          conn=conn)):
                _, entries = statement_entries(article, st, kb)
                links.extend(_link_rows(article, st, entries))
            _insert(conn, LINKS, links)
            touched.update((r["actor"], r["target"]) for r in links)
            _recompute(conn, store, kb, touched)
            ids = [i for i, _ in dirty]
            for i in range(0, len(ids), _CHUNK):
                conn.execute(sa.delete(DIRTY).where(DIRTY.c.id.in_(ids[i : i + _CHUNK])))
            generation = int(_state(conn).get("generation", "0")) + 1
            conn.execute(sa.update(STATE).where(STATE.c.key == "generation").values(value=str(generation)))
            return len(article_ids)
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot bring the stored shifts up to date", exc) from exc


def rebuild(store: Store, kb: KnowledgeBase, progress: Progress | None = None) -> int:
    """Compute the stored shifts from every statement (corrections applied, copies left out); returns the
    number of series. The statements are read outside any write transaction (writers are not held up);
    writes made meanwhile keep their marks and are brought in by the next refresh."""
    from .corrections import corrected_statements

    for _ in range(3):
        try:
            with store.engine.connect() as conn:
                generation = _state(conn).get("generation")
                dirty = list(conn.execute(sa.select(DIRTY.c.id)).scalars())
        except SQLAlchemyError as exc:
            raise _fail(store, "cannot read the stored shifts", exc) from exc
        links: list[dict[str, Any]] = []
        seen = 0

        def collect(article: Article, st: Statement, entries: list[Entry]) -> None:
            nonlocal seen
            links.extend(_link_rows(article, st, entries))
            seen += 1
            if progress is not None and seen % 10000 == 0:
                progress(f"building the stored shifts: {seen:,} statements read")

        series = build_series(corrected_statements(store, originals_only=True), kb, seen=collect)
        if progress is not None:
            progress(f"building the stored shifts: {seen:,} statements read, {len(series):,} series; writing")
        try:
            with store.engine.begin() as conn:
                state = _state(conn)
                if state.get("generation") != generation and state.get("fingerprint") == fingerprint(kb):
                    continue  # a refresh wrote newer series meanwhile: read again
                series_rows, shift_rows = _series_rows(conn, kb, series)
                for table in (LINKS, ROWS, SERIES, STATE):
                    conn.execute(sa.delete(table))
                _insert(conn, LINKS, links)
                _insert(conn, SERIES, series_rows)
                _insert(conn, ROWS, shift_rows)
                for i in range(0, len(dirty), _CHUNK):
                    conn.execute(sa.delete(DIRTY).where(DIRTY.c.id.in_(dirty[i : i + _CHUNK])))
                _insert(conn, STATE, [{"key": "fingerprint", "value": fingerprint(kb)},
                                      {"key": "generation", "value": str(int(generation or "0") + 1)}])
                return len(series)
        except SQLAlchemyError as exc:
            raise _fail(store, "cannot write the stored shifts", exc) from exc
    raise StoreError(f"cannot build the stored shifts in {store.url}: other writers kept changing them",
                     hint="run `rasid shifts --rebuild` again when the ingest has finished")


def start_if_empty(store: Store, kb: KnowledgeBase) -> bool:
    """Mark the stored shifts built (and empty) for ``kb`` when the store holds no article yet, so that an
    ingest into a new database keeps them current from its first batch. True when they are current."""
    try:
        with store.engine.begin() as conn:
            state = _state(conn)
            if state.get("fingerprint") == fingerprint(kb):
                return True
            if state or conn.execute(sa.text("SELECT 1 FROM articles LIMIT 1")).first() is not None:
                return False
            conn.execute(sa.delete(DIRTY))
            _insert(conn, STATE, [{"key": "fingerprint", "value": fingerprint(kb)}, {"key": "generation", "value": "0"}])
            return True
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot start the stored shifts", exc) from exc


def ensure(store: Store, kb: KnowledgeBase, progress: Progress | None = None, *, wait: bool = True) -> None:
    """Make the stored shifts current: build them when they were never built for ``kb``, else refresh.
    ``wait=False``: a refresh raises :class:`rasid.store.db.WriterBusy` where another connection is
    writing (see :func:`refresh`); a build, needed once, always runs."""
    state = status(store, kb)
    if state == "current" or state == "dirty" and refresh(store, kb, wait=wait) is not None:
        return
    if progress is not None:
        progress("building the stored shifts once (later reads and ingests keep them current)")
    rebuild(store, kb, progress)
    refresh(store, kb)


# --- reading ---------------------------------------------------------------------------

_LIGHT = [ROWS.c.id, ROWS.c.actor, ROWS.c.target, ROWS.c.series_day, ROWS.c.series_article, ROWS.c.series_position,
          ROWS.c.series_entry, ROWS.c.position, ROWS.c.before_statement, ROWS.c.after_statement, ROWS.c.turn_day,
          ROWS.c.after_ordinal, ROWS.c.specificity, ROWS.c.strength, ROWS.c.support, ROWS.c.days]


def _ranked(conn: Connection, kb: KnowledgeBase, actor: str | None, target: str | None, since: date | None,
            until: date | None) -> list[tuple[Any, float]]:
    """The matching rows, merged and ranked exactly as :func:`rasid.shifts.rank` does, with their scores."""
    query = sa.select(*_LIGHT)
    if since is not None:
        query = query.where(ROWS.c.turn_day >= since.isoformat())
    if until is not None:
        query = query.where(ROWS.c.turn_day <= until.isoformat())
    rows = [r for r in conn.execute(query).all()
            if (not actor or actor in (r.actor, _name(r.actor, kb)))
            and (not target or target in (r.target, _name(r.target, kb)))]
    rows.sort(key=lambda r: (r.series_day is None, r.series_day or "", r.series_article, r.series_position,
                             r.series_entry, r.position))
    last = conn.execute(sa.select(sa.func.max(SERIES.c.last_day))).scalar()
    latest = date.fromisoformat(last) if last else None
    found: dict[tuple[str, str, str], tuple[int, Any, float]] = {}
    for r in rows:
        key = (r.before_statement, r.after_statement, r.target)
        if key in found and r.specificity >= found[key][0]:
            continue
        found[key] = (r.specificity, r, score_of(r.strength, r.support, r.days, date.fromisoformat(r.turn_day), latest))
    out = [(r, score) for _, r, score in found.values()]
    out.sort(key=lambda rs: (-rs[1], -rs[0].after_ordinal))
    return out


def read_shifts(store: Store, kb: KnowledgeBase, *, actor: str | None = None, target: str | None = None,
                since: date | None = None, until: date | None = None, limit: int | None = None, offset: int = 0,
                progress: Progress | None = None, wait: bool = True) -> ShiftPage:
    """Shifts, best first, from the stored table (brought up to date first; built the first time, with
    ``progress`` told). The same shifts in the same order as :func:`rasid.shifts.supported_shifts` on the
    corrected statements of the original articles, with the same filters. ``wait=False`` (a page read)
    does not wait for a writer to bring them up to date: while an ingest writes, which refreshes them
    after each batch, they are read as last committed."""
    try:
        ensure(store, kb, progress, wait=wait)
    except WriterBusy:
        pass
    try:
        with store.engine.connect() as conn:
            ranked = _ranked(conn, kb, actor, target, since, until)
            chosen = ranked[offset:] if limit is None else ranked[offset : offset + limit]
            full = {r.id: r for r in conn.execute(sa.select(ROWS).where(
                ROWS.c.id.in_([r.id for r, _ in chosen]))).mappings()} if chosen else {}
            wanted = {i for r, _ in chosen for i in (r.before_statement, r.after_statement)}
            statements = {st.id: (a, st) for a, st, _ in _corrected(conn, store.statements_where(ids=wanted, conn=conn))}
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot read the stored shifts", exc) from exc
    shifts: list[SupportedShift] = []
    articles: dict[str, Article] = {}
    for light, score in chosen:
        r = full[light.id]
        (a1, before), (a2, after) = statements[r["before_statement"]], statements[r["after_statement"]]
        articles[a1.id], articles[a2.id] = a1, a2
        shift = Shift(actor=r["actor"], target=r["target"], before=before, after=after,
                      before_article=r["before_article"], after_article=r["after_article"],
                      from_stance=Stance(r["from_stance"]), to_stance=Stance(r["to_stance"]), via=tuple(r["via"]),
                      score=score)
        shifts.append(SupportedShift(shift, _support_from(r["before_support"]), _support_from(r["after_support"])))
    return ShiftPage(len(ranked), shifts, articles)
