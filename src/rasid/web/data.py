"""What the API and the pages read: stored statements with corrections applied, filtered.

Filters on speaker and target have the store's meaning (an actor id exactly, or a
folded substring of the name or surface form), but run on the *corrected* statements,
so a statement whose speaker an analyst changed is found under its new speaker.
"""

from __future__ import annotations

import re
import threading
import time

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa

from ..actors.kb import KnowledgeBase
from ..arabic import fold
from ..corrections import (Correction, Key, apply_corrections, correction_record, index, load_corrections,
                           orphaned, statement_key)
from ..export import article_record, shift_record, statement_record
from ..model import Actor, Article, Mention, Shift, Statement
from ..shifts import family, find_shifts, statement_day
from ..store import Store
from ..stored_shifts import ensure as ensure_shifts
from ..stored_shifts import read_shifts
from ..stored_shifts import status as shift_status
from ..store.store import _like
from ..store.tables import articles as A
from ..store.tables import search_docs, shift_rows, statement_content
from ..store.tables import statements as S
from ..store.tables import targets as TG
from . import search as fts
from .limits import QueryLimits
from .overview import Overview
from .overview import build as build_overview
from .reads import Family, family_condition, family_of, merged_page, not_corrected

Pair = tuple[Article, Statement]


def _folded(text: str | None) -> str:
    return fold(text or "").lower()


def mention_matches(m: Mention | None, query: str, exact: bool = False) -> bool:
    """True when ``m`` is the actor ``query`` names: its actor id, or a part of its name or surface
    (``exact``: the actor id alone)."""
    if m is None:
        return False
    q = query.strip()
    if m.actor_id and m.actor_id == q:
        return True
    if exact:
        return False
    key = _folded(q)
    return bool(key) and (key in _folded(m.name) or key in _folded(m.surface))


def outlet_key(name: str | None) -> str:
    """How outlets are compared: lower case, without ``www.``."""
    return (name or "").strip().lower().removeprefix("www.")


def outlet_of(url: str | None, source: str | None) -> str:
    """The outlet an article comes from: the host of its http(s) URL without ``www.`` (``almayadeen.net``),
    else its source (the file or record it was read from)."""
    text = (url or "").strip()
    if text.lower().startswith(("http://", "https://")):
        host = urlsplit(text).hostname or ""
        if host:
            return host.removeprefix("www.")
    # the records of one file are one outlet: "feed.jsonl:12" is of "feed.jsonl"
    return re.sub(r":\d+$", "", source or "")


def outlet_condition(outlet: str) -> Any:
    """Articles of ``outlet`` (as :func:`outlet_of` names it) as SQL: the host of the URL is the outlet,
    with or without ``www.``; an article without an http(s) URL is of the outlet its source names."""
    key = outlet_key(outlet)
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    url = sa.func.lower(A.c.url)
    hosts = [url.like(f"{scheme}{www}{escaped}{end}", escape="\\")
             for scheme in ("http://", "https://") for www in ("", "www.") for end in ("", "/%", ":%", "?%", "#%")]
    no_url = sa.or_(A.c.url.is_(None), sa.not_(sa.or_(url.like("http://%"), url.like("https://%"))))
    source = sa.func.lower(A.c.source)
    return sa.or_(*hosts, sa.and_(no_url, sa.or_(source == key, source.like(f"{escaped}:%", escape="\\"))))


@dataclass
class StatementFilter:
    """Which statements a list, a search or an export shows. ``speaker`` and ``target``: an actor id, or a
    part of the (folded) name; ``stance``: toward the target (or any target); ``since``/``until``: the
    statement's day; ``outlet`` (:func:`outlet_of`) and ``category``: of its article."""

    speaker: str | None = None
    target: str | None = None
    since: date | None = None
    until: date | None = None
    kind: str | None = None
    stance: str | None = None
    article: str | None = None
    outlet: str | None = None
    category: str | None = None
    # the speaker or target is an actor id of the knowledge base, matched exactly (not also as a part of
    # names: "RUS" is not the speaker "Brussels Signal")
    exact_speaker: bool = False
    exact_target: bool = False

    def keep(self, article: Article, st: Statement) -> bool:
        if self.outlet and outlet_key(outlet_of(article.url, article.source)) != outlet_key(self.outlet):
            return False
        if self.category and (article.category or "") != self.category:
            return False
        if self.speaker and not mention_matches(st.speaker, self.speaker, self.exact_speaker):
            return False
        targets = ([t for t in st.targets if mention_matches(t.target, self.target, self.exact_target)]
                   if self.target else list(st.targets))
        if self.target and not targets:
            return False
        if self.stance and not any(str(t.stance) == self.stance for t in targets):
            return False
        if self.kind and str(st.kind) != self.kind:
            return False
        if self.since or self.until:
            day = statement_day(article, st)
            if day is None or (self.since and day < self.since) or (self.until and day > self.until):
                return False
        return True


def page(items: Iterable[Any], limit: int, offset: int) -> tuple[int, list[Any]]:
    """(total, items[offset:offset+limit]) of an iterable, counting the rest without keeping it."""
    total = 0
    out: list[Any] = []
    for item in items:
        if offset <= total < offset + limit:
            out.append(item)
        total += 1
    return total, out


MAX_STALENESS = 2.0  # seconds an analysis may lag behind new articles while an ingest writes (corrections: never)


class Data:
    """Reads for the web layer over one store and knowledge base."""

    def __init__(self, store: Store, kb: KnowledgeBase):
        self.store = store
        self.kb = kb
        self._memo: tuple[tuple, float, list[Pair]] | None = None
        self._memo_lock = threading.Lock()
        self._results: dict[tuple, Any] = {}
        self._families: dict[str, Family] = {}
        self._upkeep_lock = threading.Lock()
        # (the database's version, the value, when it was built)
        self._overview: tuple[tuple, Overview, float] | None = None
        # (the version, the list, the counts by outlet, the newest ingested_at counted, the ids stamped with it)
        self._outlets: tuple[tuple, list[tuple[str, int]], dict[str, int], Any, frozenset[str]] | None = None
        self._categories: tuple[tuple, list[tuple[str, int]], float] | None = None

    def _version(self) -> tuple:
        """Changes whenever an article, a duplicate link or a correction is written."""
        import sqlalchemy as sa

        with self.store.engine.connect() as conn:
            # three queries, each answered by an index (in one, SQLite reads every article row: 21 ms on the
            # 8,376-article corpus instead of well under 1 ms)
            articles = (conn.execute(sa.select(sa.func.count()).select_from(A)).scalar_one(),
                        conn.execute(sa.select(sa.func.max(A.c.ingested_at))).scalar(),
                        conn.execute(sa.select(sa.func.count()).where(A.c.duplicate_of.is_not(None))).scalar_one())
            corrections = conn.execute(sa.text("SELECT count(*), max(id) FROM corrections")).one()
        return articles + tuple(corrections)

    def analysis_pairs(self) -> list[Pair]:
        """Every corrected statement of an original article, cached until the store changes.

        Shifts and timelines read all statements; computing them again for every request would
        make them the slowest pages, so the list is kept between requests.
        """
        with self._memo_lock:  # one request recomputes, the others wait for it and share the result
            now = time.monotonic()
            version = self._version()
            if self._memo is not None and self._memo[0][3:] == version[3:] and now - self._memo[1] < MAX_STALENESS:
                return self._memo[2]  # only new articles, and the last read is fresh: serve it (an ingest is running)
            if self._memo is None or self._memo[0] != version:
                self._memo = (version, now, list(self.pairs(originals_only=True)))
                self._results.clear()
            else:
                self._memo = (version, now, self._memo[2])
            return self._memo[2]

    def cached(self, key: tuple, compute: Any) -> Any:
        """A result computed from :meth:`analysis_pairs`, kept while they are unchanged."""
        pairs = self.analysis_pairs()
        with self._memo_lock:
            if key in self._results:
                return self._results[key]
        value = compute(pairs)
        with self._memo_lock:
            if len(self._results) > 256:
                self._results.clear()
            self._results[key] = value
        return value

    # --- corrections -------------------------------------------------------

    def corrections(self, article_id: str | None = None) -> list[Correction]:
        return load_corrections(self.store, article_id)

    def correction_index(self) -> dict[Key, list[Correction]]:
        return index(self.corrections())

    def orphans(self) -> list[Correction]:
        return orphaned(self.store)

    # --- statements --------------------------------------------------------

    def pairs(self, flt: StatementFilter | None = None, *, originals_only: bool = False) -> Iterator[Pair]:
        """Corrected (article, statement) pairs matching ``flt``, oldest first."""
        flt = flt or StatementFilter()
        by_key = self.correction_index()
        if not by_key:
            # nothing corrected: let the database do the filtering it can
            raw = self.store.statements(speaker=flt.speaker, target=flt.target, since=flt.since,
                                        until=flt.until, article=flt.article, originals_only=originals_only)
        else:
            raw = self.store.statements(article=flt.article, originals_only=originals_only)
        return (p for p in apply_corrections(raw, by_key) if flt.keep(*p))

    def statement_page(self, flt: StatementFilter, limit: int, offset: int, *,
                       newest_first: bool = False) -> tuple[int, list[Pair]]:
        """(how many statements match ``flt``, the corrected pairs of ``[offset:offset+limit]``), oldest
        first (newest first when ``newest_first``; statements without a day last either way): filtered,
        counted and paginated by the database; corrected statements merged in."""
        conds = [*self._statement_conditions(self._narrowing(flt))]

        def key(day: str | None, aid: str, pos: int) -> tuple:
            # the order of the rows: (no day, day, article, position), or its reverse with the undated last
            return (day is not None, day or "", aid, pos) if newest_first else (day is None, day or "", aid, pos)

        fixed = [(key(day.isoformat() if day else None, a.id, position), (a, st))
                 for a, st, position in self.corrected_pairs() if flt.keep(a, st)
                 for day in [statement_day(a, st)]]
        if fixed or self._has_corrections():
            conds.append(not_corrected())
        if newest_first:
            order = [S.c.day.is_not(None).desc(), S.c.day.desc(), S.c.article_id.desc(), S.c.position.desc()]
        else:
            order = [S.c.day.is_(None), S.c.day, S.c.article_id, S.c.position]
        with self.store.engine.connect() as conn:
            count = conn.execute(sa.select(sa.func.count()).select_from(S).where(*conds)).scalar_one()

            def fetch(start: int, n: int) -> list[tuple[tuple, str]]:
                query = (sa.select(S.c.day, S.c.article_id, S.c.position, S.c.id).where(*conds).order_by(*order)
                         .offset(start).limit(n))
                return [(key(day, aid, pos), sid) for day, aid, pos, sid in conn.execute(query)]

            total, chosen = merged_page(count, fetch, fixed, lambda x: x[0], limit, offset, reverse=newest_first)
        ids = [ref for _, ref in chosen if isinstance(ref, str)]
        read = {st.id: (a, st) for a, st, _ in self.store.statements_where(ids=ids)} if ids else {}
        out: list[Pair] = []
        for _, ref in chosen:
            if not isinstance(ref, str):
                out.append(ref)  # a corrected statement, read with its correction
            elif ref in read:
                out.append(read[ref])
        return total, out

    @staticmethod
    def _statement_conditions(flt: StatementFilter) -> list[Any]:
        """``flt`` as SQL on the stored (uncorrected) statements: :meth:`StatementFilter.keep`'s meaning."""
        conds: list[Any] = []
        if flt.speaker and flt.exact_speaker:
            conds.append(S.c.speaker_actor_id == flt.speaker.strip())
        elif flt.speaker:
            key = _like(_folded(flt.speaker))
            conds.append(sa.or_(S.c.speaker_actor_id == flt.speaker.strip(), S.c.speaker_folded.like(key, escape="\\"),
                                S.c.speaker_surface_folded.like(key, escape="\\")))
        on_target: list[Any] = []
        if flt.target and flt.exact_target:
            on_target.append(TG.c.actor_id == flt.target.strip())
        elif flt.target:
            key = _like(_folded(flt.target))
            on_target.append(sa.or_(TG.c.actor_id == flt.target.strip(), TG.c.name_folded.like(key, escape="\\"),
                                    TG.c.surface_folded.like(key, escape="\\")))
        if flt.stance:
            on_target.append(TG.c.stance == flt.stance)
        if on_target:
            # one pass over the targets (an IN list), not a probe of them for every statement
            conds.append(S.c.id.in_(sa.select(TG.c.statement_id).where(*on_target)))
        if flt.kind:
            conds.append(S.c.kind == flt.kind)
        if flt.since:
            conds.append(S.c.day >= flt.since.isoformat())
        if flt.until:
            conds.append(S.c.day <= flt.until.isoformat())
        if flt.article:
            conds.append(S.c.article_id == flt.article)
        on_article = [*([outlet_condition(flt.outlet)] if flt.outlet else []),
                      *([A.c.category == flt.category] if flt.category else [])]
        if on_article:
            conds.append(S.c.article_id.in_(sa.select(A.c.id).where(*on_article)))
        return conds

    # --- search with filters -------------------------------------------------

    def search(self, q: str, flt: StatementFilter, *, kind: str | None, sort: str, limit: int,
               offset: int) -> tuple[int, list[fts.Hit]]:
        """(how many articles and statements hold every word of ``q`` and pass ``flt``, the hits of
        ``[offset:offset+limit]``) in the order ``sort`` (:data:`rasid.web.search.SORTS`).

        A filter on the speaker, a target or a stance keeps statements alone; dates, outlet and category
        keep the statements (by their day) and the articles (by their publication day) that pass them.
        The full-text index finds the documents and the database filters, counts and pages them through
        its indexes; corrected statements are filtered by their corrected values and merged in."""
        words = fts.query_words(q)
        if not words:
            return 0, []
        flt = self._narrowing(flt)
        statements_only = kind == "statement" or bool(flt.speaker or flt.target or flt.stance)
        if kind == "article" and statements_only:
            return 0, []
        dated = bool(flt.since or flt.until)
        if sort == "relevance" and not (statements_only or dated or flt.outlet or flt.category):
            return fts.search(self.store.engine, q, kind=kind, limit=limit, offset=offset, catch_up=fts.refresh_soon)
        fts.refresh_soon(self.store.engine)
        D = search_docs
        corrected = self._has_corrections()
        with self.store.engine.connect() as conn:
            r = fts.matching(conn, words, ranked=sort == "relevance")
            on_article = [*([outlet_condition(flt.outlet)] if flt.outlet else []),
                          *([A.c.category == flt.category] if flt.category else [])]
            # the articles of an outlet or category are chosen once (a list), not checked for every hit
            of_articles = [D.c.article_id.in_(sa.select(A.c.id).where(*on_article))] if on_article else []
            by_day = dated or sort != "relevance"
            joined = r.join(D, D.c.id == r.c.id)
            if statements_only:
                joined = joined.join(S, sa.and_(D.c.kind == "statement", S.c.id == D.c.ref))
                day: Any = S.c.day
                conds = [D.c.kind == "statement", *self._statement_conditions(flt)]
            elif kind == "article":
                joined = joined.join(A, A.c.id == D.c.article_id) if by_day else joined
                day = A.c.published_day if by_day else sa.null()
                conds = [D.c.kind == "article", *of_articles]
            else:
                if by_day:
                    joined = joined.join(A, A.c.id == D.c.article_id)
                if by_day or corrected:
                    joined = joined.outerjoin(S, sa.and_(D.c.kind == "statement", S.c.id == D.c.ref))
                day = sa.case((D.c.kind == "statement", S.c.day), else_=A.c.published_day) if by_day else sa.null()
                conds = list(of_articles)
            if not statements_only:
                conds += [*([day >= flt.since.isoformat()] if flt.since else []),
                          *([day <= flt.until.isoformat()] if flt.until else [])]
            extra: list[fts.Hit] = []
            if corrected and kind != "article":
                conds.append(not_corrected())  # corrected statements are matched below, corrected
                fixed = {st.id: (a, st) for a, st, _ in self.corrected_pairs() if flt.keep(a, st)}
                if fixed:
                    for doc, ref, aid, rank in conn.execute(
                            sa.select(D.c.id, D.c.ref, D.c.article_id, r.c.rank).select_from(r.join(D, D.c.id == r.c.id))
                            .where(D.c.kind == "statement", D.c.ref.in_(list(fixed)))):
                        when = statement_day(*fixed[ref])
                        extra.append(fts.Hit("statement", ref, aid, float(rank), when.isoformat() if when else None, doc))
            order = fts.order_by(sort, r.c.rank, day, D.c.id)

            def fetch(start: int, n: int, counted: bool = False) -> list[Any]:
                columns = [D.c.kind, D.c.ref, D.c.article_id, r.c.rank, day.label("day"), D.c.id]
                if counted:  # the number of rows, from the same pass over the hits
                    columns.append(sa.func.count().over().label("total"))
                return conn.execute(sa.select(*columns).select_from(joined).where(*conds).order_by(*order)
                                    .offset(start).limit(n)).all()

            def hits(rows: list[Any]) -> list[fts.Hit]:
                return [fts.Hit(k, ref, aid, float(rank), d, doc) for k, ref, aid, rank, d, doc, *_ in rows]

            if not extra:
                rows = fetch(offset, limit, counted=True)
                if rows or offset == 0:
                    return (rows[0].total if rows else 0), hits(rows)
            count = conn.execute(sa.select(sa.func.count()).select_from(joined).where(*conds)).scalar_one()
            return merged_page(count, lambda start, n: hits(fetch(start, n)), extra,
                               lambda h: fts.sort_key(h, sort), limit, offset,
                               reverse=sort == "newest")

    def statement_article(self, statement_id: str) -> str | None:
        with self.store.engine.connect() as conn:
            return conn.execute(sa.select(S.c.article_id).where(S.c.id == statement_id)).scalar()

    def find_statement(self, statement_id: str, corrected: bool = True) -> Pair | None:
        """The statement with this id and its (light) article; None when it is unknown or marked wrong."""
        article_id = self.statement_article(statement_id)
        if article_id is None:
            return None
        raw = self.store.statements(article=article_id)
        pairs = apply_corrections(raw, self.correction_index()) if corrected else raw
        return next(((a, s) for a, s in pairs if s.id == statement_id), None)

    def statement_json(self, article: Article, st: Statement,
                       by_key: dict[Key, list[Correction]] | None = None) -> dict[str, Any]:
        record = statement_record(article, st, self.kb)
        fixes = (by_key or {}).get(statement_key(article, st), [])
        record["spans"] = {"speaker": [st.speaker.span.start, st.speaker.span.end],
                           "cue": [st.cue.start, st.cue.end], "content": [st.content.start, st.content.end]}
        record["corrected"] = bool(fixes)
        record["corrections"] = [c.id for c in fixes]
        return record

    # --- articles ----------------------------------------------------------

    def article_list(self, *, since: date | None, until: date | None, source: str | None,
                     category: str | None, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        conds = []
        if since:
            conds.append(A.c.published_day >= since.isoformat())
        if until:
            conds.append(A.c.published_day <= until.isoformat())
        if source:
            conds.append(A.c.source.contains(source, autoescape=True))
        if category:
            conds.append(A.c.category == category)
        n_statements = (sa.select(sa.func.count()).select_from(S).where(S.c.article_id == A.c.id)
                        .scalar_subquery().label("statements"))
        query = (sa.select(A.c.id, A.c.title, A.c.published, A.c.url, A.c.source, A.c.category,
                           A.c.external_id, n_statements).where(*conds)
                 .order_by(A.c.published_day.is_(None), A.c.published_day.desc(), A.c.id))
        with self.store.engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(A).where(*conds)).scalar_one()
            rows = conn.execute(query.limit(limit).offset(offset)).mappings().all()
        return total, [dict(r) for r in rows]

    def article_heads(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """id, title, publication time, URL, source, category and text of these articles (not their layers),
        by id."""
        if not ids:
            return {}
        with self.store.engine.connect() as conn:
            rows = conn.execute(sa.select(A.c.id, A.c.title, A.c.published, A.c.url, A.c.source, A.c.category,
                                          A.c.text).where(A.c.id.in_(ids)))
            return {r.id: dict(r._mapping) for r in rows}

    def article(self, article_id: str) -> Article | None:
        return self.store.get_article(article_id)

    def article_json(self, article: Article) -> dict[str, Any]:
        by_key = self.correction_index()
        record = article_record(article)
        pairs = apply_corrections(((article, st) for st in article.statements), by_key)
        record["statements"] = [self.statement_json(a, s, by_key) for a, s in pairs]
        record["corrections"] = [correction_record(c) for c in self.corrections(article.id)]
        return record

    # --- actors ------------------------------------------------------------

    def actor_list(self, q: str | None, type_: str | None) -> list[Actor]:
        key = _folded(q) if q else ""
        out = []
        for actor in self.kb.actors.values():
            if type_ and actor.type != type_:
                continue
            if key and actor.id != (q or "").strip() and not any(
                    key in _folded(n) for n in (actor.name_ar, actor.name_en, *actor.aliases)):
                continue
            out.append(actor)
        return out

    def actor_json(self, actor: Actor, full: bool = False) -> dict[str, Any]:
        record: dict[str, Any] = {"id": actor.id, "type": actor.type, "code": actor.code,
                                  "name_ar": actor.name_ar, "name_en": actor.name_en,
                                  "aliases": list(actor.aliases)}
        if full:
            record["affiliations"] = [
                {"parent": {"id": a.parent, "name": self._name(a.parent)}, "relation": a.relation,
                 "start": a.start.isoformat() if a.start else None, "end": a.end.isoformat() if a.end else None}
                for a in actor.affiliations]
            record["members"] = [
                {"id": other.id, "name": other.name_ar, "relation": a.relation}
                for other in self.kb.actors.values() for a in other.affiliations if a.parent == actor.id]
        return record

    def actor_name(self, actor_id: str) -> dict[str, str]:
        """The actor's Arabic and English names (its id for both when the knowledge base does not know it)."""
        actor = self.kb.get(actor_id)
        return {"ar": actor.name_ar, "en": actor.name_en or actor.name_ar} if actor else {"ar": actor_id,
                                                                                          "en": actor_id}

    def _name(self, actor_id: str) -> str:
        actor = self.kb.get(actor_id)
        return actor.name_ar if actor else actor_id

    def resolve(self, name: str | None) -> str | None:
        """An actor id for an id or a known name; otherwise the text as given."""
        if not name:
            return None
        name = name.strip()
        actor = self.kb.get(name) or self.kb.lookup(name)
        return actor.id if actor else name

    def family(self, actor_id: str) -> Family:
        with self._memo_lock:
            found = self._families.get(actor_id)
        if found is None:
            found = family_of(self.kb, actor_id)
            with self._memo_lock:
                self._families[actor_id] = found
        return found

    def corrected_pairs(self, *, originals_only: bool = False) -> list[tuple[Article, Statement, int]]:
        """The statements an analyst corrected, corrected (those marked wrong left out), with their position
        in their article, in store order."""
        by_key = self.correction_index()
        if not by_key:
            return []
        found = self.store.statements_where(articles={k[0] for k in by_key}, originals_only=originals_only)
        out = []
        for a, s, place in found:
            if statement_key(a, s) in by_key:
                out += [(fa, fs, place[3]) for fa, fs in apply_corrections([(a, s)], by_key)]
        return out

    def timeline(self, actor_id: str, target: str | None, *, since: date | None = None, until: date | None = None,
                 limit: int | None = 50, offset: int = 0, newest_first: bool = False) -> dict[str, Any]:
        """The stances of ``actor_id``'s family (see :func:`rasid.shifts.timeline`) toward ``target`` (an
        actor id or a name; None: every target), read by the database:

        ``total`` points (a statement and one of its targets) between ``since`` and ``until``, ``items``
        the page ``[offset:offset+limit]`` of them in date order, oldest first unless ``newest_first``
        (``limit`` None: all), ``months`` the
        count of each stance per month (every month of the actor, not only ``since``-``until``) and
        ``targets`` (key, name, points) the actor's targets, most frequent first."""
        fam = self.family(actor_id)
        target = self.resolve(target)
        fixed = self._corrected_points(actor_id)
        # syndicated copies are left out through the few copies, so that the database starts from the
        # statements of the family (its indexes), not from every original article
        copy = A.alias("copy")
        base = [family_condition(fam), ~sa.exists().where(copy.c.id == S.c.article_id, copy.c.duplicate_of.is_not(None))]
        if fixed or self._has_corrections():
            base.append(not_corrected())
        joined = S.join(TG, TG.c.statement_id == S.c.id)
        on_target = [sa.or_(TG.c.actor_id == target, TG.c.name == target)] if target else []
        window = [*([S.c.day >= since.isoformat()] if since else []), *([S.c.day <= until.isoformat()] if until else [])]
        month = sa.func.substr(S.c.day, 1, 7).label("month")

        def wanted(actor_id: str | None, name: str) -> bool:
            return not target or target in (actor_id or name, name)

        def in_window(day: str) -> bool:
            return (not since or day >= since.isoformat()) and (not until or day <= until.isoformat())

        # whole months: the window's count is the sum of its months' (else the database counts it)
        whole_months = ((since is None or since.day == 1)
                        and (until is None or (until + timedelta(days=1)).day == 1))
        with self.store.engine.connect() as conn:
            # one pass over the family's statements gives the chart, the targets and (mostly) the count
            months: dict[str, dict[str, int]] = {}
            by_target: dict[str, list[Any]] = {}
            count = 0
            for m, actor, name, stance, n in conn.execute(
                    sa.select(month, TG.c.actor_id, TG.c.name, TG.c.stance, sa.func.count()).select_from(joined)
                    .where(*base).group_by(month, TG.c.actor_id, TG.c.name, TG.c.stance)):
                slot = by_target.setdefault(actor or name, [name, 0])
                slot[1] += n
                if wanted(actor, name):
                    months.setdefault(m, {"favor": 0, "against": 0, "neutral": 0})[stance] += n
                    count += n if whole_months and in_window(m + "-01") else 0
            if not whole_months:
                count = conn.execute(sa.select(sa.func.count()).select_from(joined)
                                     .where(*base, *on_target, *window)).scalar_one()

            def fetch(start: int, n: int) -> list[tuple[tuple, dict[str, Any]]]:
                # the page's rows first (their keys only), then their text: the article texts of the
                # rows before the page are never read
                order = [S.c.day, S.c.article_id, S.c.position, TG.c.position]
                order = [c.desc() for c in order] if newest_first else order
                chosen = (sa.select(TG.c.id).select_from(joined).where(*base, *on_target, *window)
                          .order_by(*order).offset(start).limit(n).subquery())
                query = (sa.select(S.c.id, S.c.day, S.c.speaker_name, S.c.article_id, S.c.position,
                                   TG.c.position.label("target_position"), TG.c.name, TG.c.actor_id, TG.c.stance,
                                   TG.c.confidence, A.c.title,
                                   statement_content().label("quote"))
                         .select_from(chosen.join(TG, TG.c.id == chosen.c.id)
                                      .join(S, S.c.id == TG.c.statement_id).join(A, A.c.id == S.c.article_id))
                         .order_by(*order))
                out = []
                for r in conn.execute(query).mappings():
                    point = {"day": r["day"], "stance": r["stance"],
                             "target": {"key": r["actor_id"] or r["name"], "name": r["name"],
                                        "actor_id": r["actor_id"]},
                             "confidence": r["confidence"], "statement": r["id"], "speaker": r["speaker_name"],
                             "quote": r["quote"], "article": {"id": r["article_id"], "title": r["title"]}}
                    out.append(((r["day"], r["article_id"], r["position"], r["target_position"]), point))
                return out

            shown = []
            for place, p in fixed:
                slot = by_target.setdefault(p["target"]["key"], [p["target"]["name"], 0])
                slot[1] += 1
                if wanted(p["target"]["actor_id"], p["target"]["name"]):
                    row = months.setdefault(p["day"][:7], {"favor": 0, "against": 0, "neutral": 0})
                    row[p["stance"]] += 1
                    if in_window(p["day"]):
                        shown.append((place, p))
            if limit is None:
                limit = count + len(shown)
            total, items = merged_page(count, fetch, shown, lambda x: x[0], limit, offset,
                                        reverse=newest_first)
        targets = sorted(((k, self._name(k) if self.kb.get(k) else name, n) for k, (name, n) in by_target.items()),
                         key=lambda t: (-t[2], t[1]))
        return {"total": total, "items": [p for _, p in items], "months": dict(sorted(months.items())),
                "targets": targets}

    def _has_corrections(self) -> bool:
        from ..store.tables import corrections as C

        with self.store.engine.connect() as conn:
            return conn.execute(sa.select(C.c.id).limit(1)).first() is not None

    def _corrected_points(self, actor_id: str) -> list[tuple[tuple, dict[str, Any]]]:
        """The timeline points (every target) of corrected statements, which the SQL leaves out, as
        :func:`rasid.shifts.timeline` finds them."""
        out = []
        for article, st, position in self.corrected_pairs(originals_only=True):
            day = statement_day(article, st)
            if day is None or actor_id not in {k for k, _ in family(st, self.kb, day)} | {st.speaker.name}:
                continue
            for k, ts in enumerate(st.targets):
                record = {"day": day.isoformat(), "stance": str(ts.stance),
                          "target": {"key": ts.target.key, "name": ts.target.name, "actor_id": ts.target.actor_id},
                          "confidence": ts.confidence, "statement": st.id, "speaker": st.speaker.name,
                          "quote": article.slice(st.content), "article": {"id": article.id, "title": article.title}}
                out.append(((record["day"], article.id, position, k), record))
        return out

    def shifts(self, *, actor: str | None, target: str | None, since: date | None, until: date | None,
               min_confidence: float, limit: int | None = None, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """(how many shifts match, the records of ``[offset:offset+limit]``), best first.

        Read from the stored shifts (:mod:`rasid.stored_shifts`, brought up to date first); a
        ``min_confidence`` above 0 is computed from every statement (kept between requests)."""
        if min_confidence:
            records = self.cached(("shifts", actor, target, since, until, min_confidence),
                                  lambda pairs: self._shift_records(pairs, actor, target, since, until, min_confidence))
            return len(records), records[offset:] if limit is None else records[offset : offset + limit]
        with QueryLimits.unlimited():  # bringing the stored shifts up to date must finish once started
            if shift_status(self.store, self.kb) == "unbuilt":
                with self._upkeep_lock:  # one thread builds them, once; the others wait and find them built
                    ensure_shifts(self.store, self.kb)
            # articles written since the last refresh are brought in first, unless an ingest is writing
            # (it refreshes them after each batch): then they are read as last committed
            found = read_shifts(self.store, self.kb, actor=self.resolve(actor), target=self.resolve(target),
                                since=since, until=until, limit=limit, offset=offset, wait=False)
        return found.total, self._shift_list([s.shift for s in found.shifts], dict(found.articles))

    def _shift_records(self, pairs: list[Pair], actor: str | None, target: str | None, since: date | None,
                       until: date | None, min_confidence: float) -> list[dict[str, Any]]:
        found = find_shifts(pairs, self.kb, actor=self.resolve(actor), target=self.resolve(target), since=since,
                            until=until, min_confidence=min_confidence)
        return self._shift_list(found, {a.id: a for a, _ in pairs})

    def _shift_list(self, found: list[Shift], articles: dict[str, Article | None]) -> list[dict[str, Any]]:
        """Shift records with the title, cue and targets of each side; ``articles`` (light ones carry the
        text) saves reading them again."""

        def lookup(article_id: str) -> Article | None:
            if article_id not in articles:
                articles[article_id] = self.store.get_article(article_id)
            return articles[article_id]

        out = []
        for s in found:
            record = shift_record(s, self.kb, lookup)
            for side, st in (("before", s.before), ("after", s.after)):
                art = lookup(record[side]["article"])
                record[side]["title"] = art.title if art else None
                record[side]["cue"] = art.slice(st.cue) if art else None
                record[side]["targets"] = [{"key": t.target.key, "name": t.target.name, "stance": str(t.stance)}
                                           for t in st.targets]
            out.append(record)
        return out

    # --- the home page -------------------------------------------------------

    def overview(self) -> Overview:
        """The archive at a glance (:mod:`rasid.web.overview`), kept until an article, a duplicate link or a
        correction is written."""
        def build() -> Overview:
            fixed = [(a, st) for a, st, _ in self.corrected_pairs()] if self._has_corrections() else None
            with self.store.engine.connect() as conn:
                return build_overview(conn, self.kb, fixed)

        return self._kept("_overview", build)

    def outlets(self) -> list[tuple[str, int]]:
        """(outlet, articles) of the archive, most articles first. Kept between requests; when articles were
        only added (an ingest), the new ones are counted and added to the counts held, not the whole archive
        read again (53 ms on the 8,376-article corpus, in a search page's time, after every batch)."""
        version = self._version()
        with self._memo_lock:
            held = self._outlets
        if held is not None and held[0] == version:
            return held[1]
        counts: dict[str, int] | None = None
        newest, at_newest = None, set()
        with self.store.engine.connect() as conn:
            if held is not None and held[3] is not None and version[0] > held[0][0]:
                # the stamps have whole seconds: the articles of the newest second counted are skipped by id
                rows = [r for r in conn.execute(sa.select(A.c.id, A.c.url, A.c.source, A.c.ingested_at)
                                                .where(A.c.ingested_at >= held[3])) if r[0] not in held[4]]
                if held[0][0] + len(rows) == version[0]:  # only new articles (else: deleted or re-processed ones)
                    counts, newest, at_newest = dict(held[2]), held[3], set(held[4])
            if counts is None:
                counts = {}
                rows = conn.execute(sa.select(A.c.id, A.c.url, A.c.source, A.c.ingested_at)).all()
        for article_id, url, source, stamp in rows:
            name = outlet_of(url, source)
            counts[name] = counts.get(name, 0) + 1
            if stamp is not None and (newest is None or stamp > newest):
                newest, at_newest = stamp, {article_id}
            elif stamp is not None and stamp == newest:
                at_newest.add(article_id)
        found = sorted(((k, n) for k, n in counts.items() if k), key=lambda kv: (-kv[1], kv[0]))
        with self._memo_lock:
            self._outlets = (version, found, counts, newest, frozenset(at_newest))
        return found

    def categories(self) -> list[tuple[str, int]]:
        """(category, articles) of the archive, most articles first (kept until an article is written)."""
        def build() -> list[tuple[str, int]]:
            with self.store.engine.connect() as conn:
                rows = conn.execute(sa.select(A.c.category, sa.func.count()).where(A.c.category.is_not(None),
                                                                                    A.c.category != "")
                                    .group_by(A.c.category)).all()
            return sorted(((c, n) for c, n in rows), key=lambda kv: (-kv[1], kv[0]))

        return self._kept("_categories", build)

    def _kept(self, slot: str, build):
        """The value held in ``slot`` while the database is in the state it was built for, else ``build()``'s.
        While an ingest writes (only articles are new, no correction), a value built less than
        :data:`MAX_STALENESS` seconds ago is served as it is, like :meth:`analysis_pairs`: the overview and the
        outlet and category lists are not rebuilt for every batch by the request that comes after it."""
        version = self._version()
        now = time.monotonic()
        with self._memo_lock:
            held = getattr(self, slot)
            if held is not None and (held[0] == version or held[0][3:] == version[3:] and now - held[2] < MAX_STALENESS):
                return held[1]
        found = build()
        with self._memo_lock:
            setattr(self, slot, (version, found, time.monotonic()))
        return found

    def _narrowing(self, flt: StatementFilter) -> StatementFilter:
        """``flt`` without an outlet or a category that every article has (it filters nothing, and checking
        it for every statement of the archive would cost a pass over all of them)."""
        if not (flt.outlet or flt.category):
            return flt
        with self.store.engine.connect() as conn:
            articles = conn.execute(sa.select(sa.func.count()).select_from(A)).scalar_one()
        changes: dict[str, Any] = {}
        if flt.outlet and dict((outlet_key(o), n) for o, n in self.outlets()).get(outlet_key(flt.outlet)) == articles:
            changes["outlet"] = None
        if flt.category and dict(self.categories()).get(flt.category) == articles:
            changes["category"] = None
        return replace(flt, **changes) if changes else flt

    def latest_shifts(self, n: int) -> tuple[int, list[dict[str, Any]]]:
        """(how many shifts are stored, the ``n`` whose later statement is the newest), newest first."""
        total, _ = self.shifts(actor=None, target=None, since=None, until=None, min_confidence=0.0, limit=0)
        with self.store.engine.connect() as conn:
            turn = conn.execute(sa.select(shift_rows.c.turn_day).order_by(shift_rows.c.turn_day.desc())
                                .offset(max(0, n - 1)).limit(1)).scalar()
            if turn is None:
                turn = conn.execute(sa.select(sa.func.min(shift_rows.c.turn_day))).scalar()
        if turn is None:
            return total, []
        _, found = self.shifts(actor=None, target=None, since=date.fromisoformat(turn), until=None,
                               min_confidence=0.0, limit=None)
        found.sort(key=lambda r: (r["after"]["date"] or "", r["before"]["date"] or ""), reverse=True)
        return total, found[:n]

    # --- status ------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        counts = self.store.counts()
        corrections = self.corrections()
        orphans = orphaned(self.store, corrections)
        counts["corrections"] = len(corrections)
        counts["orphaned_corrections"] = len(orphans)
        rejections = self.store.rejections()
        return {"counts": counts,
                "rejections": [{"origin": r.origin, "stage": r.stage, "reason": r.reason} for r in rejections],
                "actors": len(self.kb.actors)}
