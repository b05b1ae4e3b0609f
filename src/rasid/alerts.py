"""Watchlists and alerts: tell an analyst when a watched actor speaks or turns, or a query is met.

A *watchlist* names what to watch:

* ``actors``: knowledge-base actors (by id or any of their names) or names it does not know. A
  statement matches when its speaker is one of them; with ``affiliates``, also when the speaker
  speaks for one of them at the statement's date (its ministers, spokespeople, offices and wings:
  the speaker's family of :func:`rasid.shifts.family`) — and a shift matches when its actor is one
  of them, through any affiliate;
* ``targets``: a statement matches when it has one of them as a target; a shift, when its target is one;
* ``queries``: search queries (the search's Arabic-aware words, every word of one query in what
  was said); they select statements only.

Every criterion given must match (actors and targets and queries); within one, any entry does.

:func:`raise_alerts` raises the alerts of the articles written since each watchlist last looked
(their statements, syndicated copies left out) and of the stored shifts: an ingest calls it after
every batch, once the batch is committed. An alert is stored before anything is sent and raised
once — ``(watchlist, kind, key)`` is unique, the key a statement's id or a shift's actor, target,
stances and first statement after the turn — so a run killed at any point raises the missing alerts
on the next run and none twice. The shifts that exist when a watchlist is made are kept as its
*baseline*: never raised, never shown. A shift is found with the statements stored so far: when later
ones (an older article ingested late, a correction) move or remove its change point, its alert is
marked *withdrawn* (shown so, never deleted, not sent again) and the mark is cleared if it holds again.

Alerts reach the analyst three ways: the store (``rasid alerts``, the API, the web UI's alerts page
with read/unread), an Atom feed per watchlist (:func:`atom_feed`, any feed reader), and a webhook:
:func:`deliver` POSTs each alert as JSON signed with the watchlist's secret (HMAC-SHA256 of the body,
``X-Rasid-Signature-256: sha256=<hex>``), one alert per request with its id as ``X-Rasid-Delivery``.
A receiver that fails (no answer within the timeout, a status other than 2xx) is tried again with
a growing delay, at most :data:`MAX_ATTEMPTS` times; every attempt is recorded
(``alert_deliveries``). An alert is claimed before it is sent, so two deliverers (an ingest and a
server) never send it both; a deliverer killed between the receiver's answer and the record of it
sends the alert again on the next run, with the same ``X-Rasid-Delivery`` for the receiver to
recognise. A webhook on a private, loopback or otherwise non-public address is refused unless the
watchlist allows it (``allow_private``), when it is made and at every connection.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from .actors.kb import KnowledgeBase
from .arabic.normalize import fold
from .errors import ConfigError, StoreError
from .model import Article, Statement
from .shifts import _name
from .store.db import write_transaction
from .store.tables import alert_deliveries as DELIVERIES
from .store.tables import alerts as ALERTS
from .store.tables import articles as ARTICLES
from .store.tables import claims as CLAIMS
from .store.tables import watchlists as WATCHLISTS

__all__ = ["Alert", "Deliverer", "DeliveryReport", "MAX_ATTEMPTS", "Watchlist", "alerts", "atom_feed", "check_webhook",
           "create_watchlist", "delete_watchlist", "deliver", "deliveries", "follows_claims", "get_watchlist",
           "has_webhooks", "mark_read", "raise_alerts", "raise_claim_alerts", "retry_delay", "sign",
           "statement_matches", "unread_counts", "watchlists"]

MAX_ATTEMPTS = 8  # a webhook that failed this many times is given up (recorded, shown)
FIRST_RETRY = 30.0  # seconds before the second attempt; doubles after each failure
MAX_RETRY = 3600.0  # no wait between two attempts is longer than an hour
TIMEOUT = 10.0  # seconds a receiver has to answer
CLAIM = 120.0  # seconds an alert being sent stays claimed by its deliverer
SIGNATURE_HEADER = "X-Rasid-Signature-256"
_CHUNK = 200


@dataclass(frozen=True)
class Watchlist:
    id: int
    name: str
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    queries: tuple[str, ...] = ()
    claims: tuple[int, ...] = ()
    affiliates: bool = False
    webhook: str | None = None
    secret: str | None = field(default=None, repr=False)
    allow_private: bool = False
    created_at: str = ""
    checked_through: str = ""
    checked_ids: tuple[str, ...] = ()

    def looked_at(self, article_id: str, ingested_at: str) -> bool:
        """Was this article there when the watchlist last looked (time stamps are to the second)?"""
        return ingested_at < self.checked_through or ingested_at == self.checked_through and article_id in self.checked_ids

    def public(self) -> dict[str, Any]:
        """The watchlist as the API and ``rasid watchlist list`` show it: everything but the secret."""
        return {"id": self.id, "name": self.name, "actors": list(self.actors), "targets": list(self.targets),
                "queries": list(self.queries), "claims": list(self.claims), "affiliates": self.affiliates, "webhook": self.webhook,
                "signed": bool(self.secret), "allow_private": self.allow_private, "created_at": self.created_at}


@dataclass(frozen=True)
class Alert:
    id: int
    watchlist_id: int
    kind: str  # statement | shift | claim
    key: str
    title: str
    record: dict[str, Any]
    created_at: str
    article_id: str | None = None
    read_at: str | None = None
    delivered_at: str | None = None
    attempts: int = 0
    next_attempt_at: str | None = None
    failed: bool = False
    withdrawn_at: str | None = None

    def public(self) -> dict[str, Any]:
        return {"id": self.id, "watchlist_id": self.watchlist_id, "kind": self.kind, "title": self.title,
                "created_at": self.created_at, "article_id": self.article_id, "read": self.read_at is not None,
                "withdrawn_at": self.withdrawn_at,
                "read_at": self.read_at, "delivery": {"delivered_at": self.delivered_at, "attempts": self.attempts,
                                                      "next_attempt_at": self.next_attempt_at, "failed": self.failed},
                "record": self.record}


@dataclass
class DeliveryReport:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0  # given up after the last attempt
    left: int = 0  # due but not tried: the deadline came first

    def __str__(self) -> str:
        return (f"{self.delivered} delivered, {self.retrying} to retry, {self.failed} given up"
                + (f", {self.left} left for the next run" if self.left else ""))


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def _fail(store: Any, what: str, exc: SQLAlchemyError) -> StoreError:
    why = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return StoreError(f"{what} in {store.url}: {why[0] if why else type(exc).__name__}",
                      hint="check that the database is reachable and writable and migrated by this rasid "
                           "(any rasid command that writes migrates it)")


# --- watchlists --------------------------------------------------------------------

def _clean(values: Iterable[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        v = " ".join(str(v).split())
        if v and v not in out:
            out.append(v)
    return tuple(out)


def _actor_ref(value: str, kb: KnowledgeBase) -> str:
    """A knowledge-base id for an id or a name it knows; otherwise the name as given."""
    if kb.get(value) is not None:
        return value
    actor = kb.lookup(value)
    return actor.id if actor is not None else value


def check_webhook(url: str, allow_private: bool = False) -> str:
    """``url`` when rasid may POST to it: http or https with a host name, public unless ``allow_private``."""
    from .ingest.web import address_problem

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"the webhook {url!r} is not an http(s) URL with a host", option="webhook",
                          hint="give a URL such as {example}", example="https://hooks.example.org/rasid")
    if not allow_private:
        problem = address_problem(parts.hostname, parts.port)
        if problem:
            raise ConfigError(f"the webhook {url!r} is refused: {problem}", option="allow_private",
                              hint="rasid only posts to public addresses; {option} allows a private or "
                                   "loopback receiver")
    return url


def create_watchlist(store: Any, kb: KnowledgeBase, name: str, *, actors: Iterable[str] = (),
                     targets: Iterable[str] = (), queries: Iterable[str] = (), claims: Iterable[int] = (),
                     affiliates: bool = False,
                     webhook: str | None = None, secret: str | None = None,
                     allow_private: bool = False) -> Watchlist:
    """Store a new watchlist and return it. Actors and targets the knowledge base knows are kept by id.
    It watches what is written from now on: the shifts that exist already are its baseline."""
    name = " ".join((name or "").split())
    if not name:
        raise ConfigError("a watchlist needs a name", hint="give it one, such as 'russia'")
    actors = tuple(dict.fromkeys(_actor_ref(a, kb) for a in _clean(actors)))
    targets = tuple(dict.fromkeys(_actor_ref(t, kb) for t in _clean(targets)))
    queries = _clean(queries)
    claim_ids = tuple(dict.fromkeys(int(c) for c in claims))
    if not (actors or targets or queries or claim_ids):
        raise ConfigError(f"the watchlist {name!r} watches nothing", option="actors",
                          hint="name at least one actor, target, search query or claim")
    if webhook:
        check_webhook(webhook, allow_private)
    elif secret:
        raise ConfigError(f"the watchlist {name!r} has a secret but no webhook to sign for", option="secret",
                          hint="give the webhook URL too, or no secret")
    now = _iso(_now())
    row = dict(name=name, actors=list(actors), targets=list(targets), queries=list(queries), claims=list(claim_ids),
               affiliates=bool(affiliates), webhook=webhook or None, secret=secret or None,
               allow_private=bool(allow_private), created_at=now, checked_through=now, checked_ids=[])
    try:
        with write_transaction(store.engine) as conn:
            if conn.execute(sa.select(WATCHLISTS.c.id).where(WATCHLISTS.c.name == name)).first() is not None:
                raise ConfigError(f"a watchlist named {name!r} exists already",
                                  hint="choose another name, or remove the old one first")
            if claim_ids:
                known = set(conn.execute(sa.select(CLAIMS.c.id).where(CLAIMS.c.id.in_(claim_ids))).scalars())
                missing = [c for c in claim_ids if c not in known]
                if missing:
                    raise ConfigError(f"the watchlist {name!r} names claims that do not exist: "
                                      f"{', '.join(map(str, missing))}", option="claims",
                                      hint="rasid claims list shows the claims and their ids")
            # it watches what is written from now on: the articles of this very second are already there
            row["checked_ids"] = list(conn.execute(sa.select(ARTICLES.c.id).where(ARTICLES.c.ingested_at == now)).scalars())
            new_id = int(conn.execute(sa.insert(WATCHLISTS).values(**row)).inserted_primary_key[0])
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot store a watchlist", exc) from exc
    w = _watchlist({**row, "id": new_id})
    _raise_shifts(store, kb, [w], baseline=True)
    return w


def _watchlist(r: Any) -> Watchlist:
    return Watchlist(id=int(r["id"]), name=r["name"], actors=tuple(r["actors"] or ()), targets=tuple(r["targets"] or ()),
                     queries=tuple(r["queries"] or ()), claims=tuple(int(c) for c in r.get("claims") or ()),
                     affiliates=bool(r["affiliates"]), webhook=r["webhook"],
                     secret=r["secret"], allow_private=bool(r["allow_private"]), created_at=r["created_at"],
                     checked_through=r["checked_through"], checked_ids=tuple(r["checked_ids"] or ()))


def watchlists(store: Any) -> list[Watchlist]:
    """Every watchlist, oldest first."""
    try:
        with store.engine.connect() as conn:
            return [_watchlist(r) for r in conn.execute(sa.select(WATCHLISTS).order_by(WATCHLISTS.c.id)).mappings()]
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot read watchlists", exc) from exc


def get_watchlist(store: Any, ref: str | int) -> Watchlist | None:
    """The watchlist with this id or name."""
    for w in watchlists(store):
        if str(w.id) == str(ref) or w.name == ref:
            return w
    return None


def delete_watchlist(store: Any, ref: str | int) -> bool:
    """Remove a watchlist with its alerts and their delivery records; False when there is none."""
    w = get_watchlist(store, ref)
    if w is None:
        return False
    try:
        with write_transaction(store.engine) as conn:
            ids = sa.select(ALERTS.c.id).where(ALERTS.c.watchlist_id == w.id)
            conn.execute(sa.delete(DELIVERIES).where(DELIVERIES.c.alert_id.in_(ids)))
            conn.execute(sa.delete(ALERTS).where(ALERTS.c.watchlist_id == w.id))
            conn.execute(sa.delete(WATCHLISTS).where(WATCHLISTS.c.id == w.id))
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot remove a watchlist", exc) from exc
    return True


# --- matching ----------------------------------------------------------------------

def _same(wanted: str, key: str | None, name: str | None = None) -> bool:
    """An entry of a watchlist (an actor id, or a name) against an actor key and its name."""
    if not key and not name:
        return False
    if wanted == key:
        return True
    f = fold(wanted)
    return bool(f) and f in (fold(key or ""), fold(name or ""))


def statement_matches(w: Watchlist, article: Article, st: Statement, kb: KnowledgeBase,
                      day: date | None = None, said: dict[str, Any] | None = None) -> bool:
    """Does this statement match every criterion the watchlist gives? ``said`` caches what was said in
    the search's form across the watchlists a statement is matched against. A watchlist that names
    claims only matches no statement here: its alerts are raised as statements join its claims."""
    if not (w.actors or w.targets or w.queries):
        return False
    if w.actors:
        sp = st.speaker
        if w.affiliates:
            from .shifts import family

            keys = [(k, _name(k, kb)) for k, _ in family(st, kb, day)]
        else:
            keys = [(sp.key, sp.name)]
        if not any(_same(a, k, n) or not w.affiliates and _same(a, k, sp.surface) for a in w.actors for k, n in keys):
            return False
    if w.targets:
        if not any(_same(t, ts.target.key, ts.target.name) for t in w.targets for ts in st.targets):
            return False
    if w.queries:
        return any(_says(article, st, query, said if said is not None else {}) for query in w.queries)
    return True


def _says(article: Article, st: Statement, query: str, said: dict[str, Any]) -> bool:
    """Are all the query's search words among the words of what was said? (A word's search form is part
    of its folded form, so the folded text is looked at first: most statements stop there.)"""
    from .web.search import query_words, search_form

    words = said.get(query)
    if words is None:
        words = said[query] = query_words(query)
    if not words:
        return False
    if "folded" not in said:
        said["folded"] = fold(article.text[st.content.start : st.content.end]).lower()
    if not all(word in said["folded"] for word in words):
        return False
    if "words" not in said:
        said["words"] = set(search_form(article.text[st.content.start : st.content.end]).split())
    return all(word in said["words"] for word in words)


def raise_claim_alerts(conn: Connection, store: Any, joined: Sequence[tuple[str, int]],
                       kb: KnowledgeBase | None = None) -> int:
    """In the transaction ``conn`` that puts statements into claims (``joined``: statement id, claim id),
    raise the alerts of the watchlists that name those claims — for the statements that also match their
    other criteria, if they give any. Raised with the grouping itself: never lost, and once."""
    ws = [w for w in (_watchlist(r) for r in conn.execute(sa.select(WATCHLISTS)).mappings()) if w.claims]
    wanted = {cid for w in ws for cid in w.claims}
    joined = [(sid, cid) for sid, cid in joined if cid in wanted]
    if not joined:
        return 0
    from .actors.kb import default_kb
    from .export import statement_record
    from .shifts import statement_day

    kb = kb or default_kb()
    claim_of = dict(joined)
    rows = []
    for article, st, _ in store.statements_where(ids=list(claim_of), originals_only=True, conn=conn):
        cid = claim_of[st.id]
        day, said = statement_day(article, st), {}
        for w in ws:
            if cid in w.claims and (not (w.actors or w.targets or w.queries)
                                    or statement_matches(w, article, st, kb, day, said)):
                rows.append(_alert_row(w.id, "claim", st.id, article.id, f"#{cid} {_statement_title(article, st)}",
                                       {**statement_record(article, st, kb), "claim_id": cid}))
    have = _existing(conn, rows)
    new = 0
    for r in rows:
        if (r["watchlist_id"], r["kind"], r["key"]) not in have:
            conn.execute(sa.insert(ALERTS).values(**r))
            new += 1
    return new


def _shift_matches(w: Watchlist, shift: Any, kb: KnowledgeBase) -> bool:
    if not (w.actors or w.targets):
        return False  # queries select statements: a shift has no words of its own
    if w.actors and not any(_same(a, shift.actor, _name(shift.actor, kb)) for a in w.actors):
        return False
    if w.actors and not w.affiliates and shift.via:
        return False  # the actor itself, not a body that speaks for it
    if w.targets and not any(_same(t, shift.target, _name(shift.target, kb)) for t in w.targets):
        return False
    return True


def _statement_title(article: Article, st: Statement) -> str:
    said = " ".join(article.text[st.content.start : st.content.end].split())
    if len(said) > 140:
        said = said[:139] + "…"
    return f"{st.speaker.name}: «{said}»"


def _shift_key(shift: Any) -> str:
    return f"{shift.actor}|{shift.target}|{shift.from_stance}>{shift.to_stance}|{shift.after.id}"


def _shift_title(shift: Any, kb: KnowledgeBase) -> str:
    return f"{_name(shift.actor, kb)} → {_name(shift.target, kb)}: {shift.from_stance} → {shift.to_stance}"


# --- raising -----------------------------------------------------------------------

def raise_alerts(store: Any, kb: KnowledgeBase, *, statements: bool = True, shifts: bool = True,
                 written: Sequence[Article] = ()) -> int:
    """Raise the alerts of every watchlist: the statements of the articles written since it last looked
    (syndicated copies left out) and the stored shifts it matches. Returns how many alerts are new;
    raising again raises nothing twice. ``written``: articles just stored, as they were (their statements
    are not read back)."""
    ws = watchlists(store)
    if not ws:
        return 0
    new = 0
    if statements:
        new += _raise_statements(store, kb, ws, {a.id: a for a in written})
    if shifts:
        new += _raise_shifts(store, kb, ws, baseline=False)
    return new


def _raise_statements(store: Any, kb: KnowledgeBase, ws: Sequence[Watchlist], written: dict[str, Article]) -> int:
    from .export import statement_record
    from .shifts import statement_day

    new = 0
    since = min(w.checked_through for w in ws)
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(sa.select(ARTICLES.c.id, ARTICLES.c.ingested_at, ARTICLES.c.duplicate_of)
                                .where(ARTICLES.c.ingested_at >= since)).all()
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot read the articles to raise alerts from", exc) from exc
    rows = [r for r in rows if not all(w.looked_at(r.id, r.ingested_at) for w in ws)]
    if not rows:
        return 0
    through = max(r.ingested_at for r in rows)
    stamp = {r.id: r.ingested_at for r in rows}
    ids = sorted((r.id for r in rows if r.duplicate_of is None), key=lambda i: (stamp[i], i))  # copies: once
    for i in range(0, len(ids), _CHUNK):
        found: list[dict[str, Any]] = []
        chunk = ids[i : i + _CHUNK]
        known = [(written[a], st) for a in chunk if a in written for st in written[a].statements]
        unknown = [a for a in chunk if a not in written]
        stored = store.statements_where(articles=unknown, originals_only=True) if unknown else []
        for article, st in known + [(a, st) for a, st, _ in stored]:
            day = statement_day(article, st)
            said: dict[str, Any] = {}
            for w in ws:
                if not w.looked_at(article.id, stamp[article.id]) and statement_matches(w, article, st, kb, day, said):
                    found.append(_alert_row(w.id, "statement", st.id, article.id, _statement_title(article, st),
                                            statement_record(article, st, kb)))
        new += _insert_new(store, found)
    last = sorted(r.id for r in rows if r.ingested_at == through)
    try:
        with write_transaction(store.engine) as conn:
            for w in ws:
                seen = sorted(set(w.checked_ids) | set(last)) if w.checked_through == through else last
                if through >= w.checked_through:
                    conn.execute(sa.update(WATCHLISTS).where(WATCHLISTS.c.id == w.id)
                                 .values(checked_through=through, checked_ids=seen))
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot record what the watchlists have seen", exc) from exc
    return new


def _raise_shifts(store: Any, kb: KnowledgeBase, ws: Sequence[Watchlist], *, baseline: bool) -> int:
    from .export import shift_record
    from .stored_shifts import read_shifts

    wanted = [w for w in ws if w.actors or w.targets]
    if not wanted:
        return 0
    pages: dict[tuple[str | None, str | None], Any] = {}

    def shifts_of(w: Watchlist) -> Iterable[tuple[Any, Any]]:
        """The stored shifts that may match: read by actor (or target) where the knowledge base knows it, so
        that only those are loaded; every shift for a name it does not know (matched loosely below)."""
        entries = [(a, None) for a in w.actors] if w.actors else [(None, t) for t in w.targets]
        for actor, target in entries:
            key = (actor, target) if kb.get(actor or target) is not None else (None, None)
            if key not in pages:
                pages[key] = read_shifts(store, kb, actor=key[0], target=key[1])
            yield from ((s, pages[key]) for s in pages[key].shifts)

    found: dict[tuple[int, str], dict[str, Any]] = {}
    for w in wanted:
        for s, page in shifts_of(w):
            key = _shift_key(s.shift)
            if (w.id, key) not in found and _shift_matches(w, s.shift, kb):
                found[(w.id, key)] = _alert_row(w.id, "shift", key, s.shift.after_article, _shift_title(s.shift, kb),
                                                shift_record(s.shift, kb, page.articles.get), baseline=baseline)
    new = _insert_new(store, list(found.values()))
    _withdraw(store, [w.id for w in wanted], set(found))
    return new


def _withdraw(store: Any, watchlist_ids: list[int], holding: set[tuple[int, str]]) -> None:
    """Mark the shift alerts whose shift no longer holds (later statements moved or removed its change
    point) withdrawn, and clear the mark of those that hold again. The alert stays, as sent."""
    now = _iso(_now())
    q = sa.select(ALERTS.c.id, ALERTS.c.watchlist_id, ALERTS.c.key, ALERTS.c.withdrawn_at).where(
        ALERTS.c.kind == "shift", ALERTS.c.baseline.is_(False), ALERTS.c.watchlist_id.in_(watchlist_ids))
    try:
        with write_transaction(store.engine) as conn:
            gone, back = [], []
            for r in conn.execute(q).all():
                holds = (int(r.watchlist_id), r.key) in holding
                if not holds and r.withdrawn_at is None:
                    gone.append(r.id)
                elif holds and r.withdrawn_at is not None:
                    back.append(r.id)
            if gone:
                conn.execute(sa.update(ALERTS).where(ALERTS.c.id.in_(gone)).values(withdrawn_at=now))
            if back:
                conn.execute(sa.update(ALERTS).where(ALERTS.c.id.in_(back)).values(withdrawn_at=None))
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot mark withdrawn shift alerts", exc) from exc


def _alert_row(watchlist_id: int, kind: str, key: str, article_id: str | None, title: str,
               record: dict[str, Any], baseline: bool = False) -> dict[str, Any]:
    return dict(watchlist_id=watchlist_id, kind=kind, key=key[:400], article_id=article_id, title=title,
                record=record, created_at=_iso(_now()), baseline=baseline, read_at=None, delivered_at=None,
                attempts=0, next_attempt_at=None, claimed_until=None, failed=False, withdrawn_at=None)


def _insert_new(store: Any, rows: list[dict[str, Any]]) -> int:
    """Insert the alerts not raised yet; returns how many. The unique key settles a race with another writer."""
    if not rows:
        return 0
    new = 0
    try:
        with write_transaction(store.engine) as conn:
            have = _existing(conn, rows)
            fresh = []
            for r in rows:
                k = (r["watchlist_id"], r["kind"], r["key"])
                if k not in have:
                    have.add(k)
                    fresh.append(r)
            for r in fresh:
                try:
                    with conn.begin_nested():
                        conn.execute(sa.insert(ALERTS).values(**r))
                    new += 1
                except IntegrityError:
                    continue  # raised meanwhile by another writer
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot store alerts", exc) from exc
    return new


def _existing(conn: Connection, rows: list[dict[str, Any]]) -> set[tuple[int, str, str]]:
    have: set[tuple[int, str, str]] = set()
    keys = list({r["key"] for r in rows})
    for i in range(0, len(keys), _CHUNK):
        q = sa.select(ALERTS.c.watchlist_id, ALERTS.c.kind, ALERTS.c.key).where(ALERTS.c.key.in_(keys[i : i + _CHUNK]))
        have.update((int(a), b, c) for a, b, c in conn.execute(q).all())
    return have


# --- reading -----------------------------------------------------------------------

def _alert(r: Any) -> Alert:
    return Alert(id=int(r["id"]), watchlist_id=int(r["watchlist_id"]), kind=r["kind"], key=r["key"], title=r["title"],
                 record=r["record"], created_at=r["created_at"], article_id=r["article_id"], read_at=r["read_at"],
                 delivered_at=r["delivered_at"], attempts=int(r["attempts"]), next_attempt_at=r["next_attempt_at"],
                 failed=bool(r["failed"]), withdrawn_at=r["withdrawn_at"])


def alerts(store: Any, *, watchlist: int | None = None, unread: bool | None = None, kind: str | None = None,
           limit: int | None = 50, offset: int = 0) -> tuple[int, list[Alert]]:
    """(how many match, a page of them), newest first; baseline alerts are never listed."""
    where = [ALERTS.c.baseline.is_(False)]
    if watchlist is not None:
        where.append(ALERTS.c.watchlist_id == watchlist)
    if unread is not None:
        where.append(ALERTS.c.read_at.is_(None) if unread else ALERTS.c.read_at.is_not(None))
    if kind is not None:
        where.append(ALERTS.c.kind == kind)
    try:
        with store.engine.connect() as conn:
            total = int(conn.execute(sa.select(sa.func.count()).select_from(ALERTS).where(*where)).scalar() or 0)
            q = sa.select(ALERTS).where(*where).order_by(ALERTS.c.id.desc()).offset(max(0, offset))
            if limit is not None:
                q = q.limit(max(0, limit))
            return total, [_alert(r) for r in conn.execute(q).mappings()]
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot read alerts", exc) from exc


def unread_counts(store: Any) -> dict[int, int]:
    """Unread alerts per watchlist id."""
    try:
        with store.engine.connect() as conn:
            q = (sa.select(ALERTS.c.watchlist_id, sa.func.count()).where(ALERTS.c.baseline.is_(False),
                                                                        ALERTS.c.read_at.is_(None))
                 .group_by(ALERTS.c.watchlist_id))
            return {int(w): int(n) for w, n in conn.execute(q).all()}
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot read alerts", exc) from exc


def mark_read(store: Any, ids: Iterable[int] | None = None, *, watchlist: int | None = None, read: bool = True) -> int:
    """Mark alerts read (or unread again): these ids, or every alert of ``watchlist``. Returns how many changed."""
    where = [ALERTS.c.baseline.is_(False), ALERTS.c.read_at.is_(None) if read else ALERTS.c.read_at.is_not(None)]
    if ids is not None:
        where.append(ALERTS.c.id.in_([int(i) for i in ids]))
    if watchlist is not None:
        where.append(ALERTS.c.watchlist_id == watchlist)
    try:
        with write_transaction(store.engine) as conn:
            return int(conn.execute(sa.update(ALERTS).where(*where)
                                    .values(read_at=_iso(_now()) if read else None)).rowcount or 0)
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot mark alerts", exc) from exc


def deliveries(store: Any, alert_id: int) -> list[dict[str, Any]]:
    """Every delivery attempt of an alert, first first."""
    with store.engine.connect() as conn:
        q = sa.select(DELIVERIES).where(DELIVERIES.c.alert_id == alert_id).order_by(DELIVERIES.c.id)
        return [dict(r) for r in conn.execute(q).mappings()]


# --- webhook delivery --------------------------------------------------------------

def sign(secret: str, body: bytes) -> str:
    """The signature header's value for ``body``: ``sha256=`` and the hex HMAC-SHA256 with ``secret``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def _body(w: Watchlist, a: Alert) -> bytes:
    return json.dumps({"watchlist": {"id": w.id, "name": w.name}, "alert": a.public()},
                      ensure_ascii=False, sort_keys=True).encode("utf-8")


def retry_delay(attempts: int) -> float:
    """Seconds before the next attempt after ``attempts`` failed ones."""
    return min(MAX_RETRY, FIRST_RETRY * 2 ** max(0, attempts - 1))


def deliver(store: Any, *, now: datetime | None = None, deadline: float | None = None, client: Any = None,
            timeout: float = TIMEOUT) -> DeliveryReport:
    """POST every due alert of every watchlist with a webhook, oldest first; record each attempt.
    ``deadline`` (seconds) bounds the whole run: what is left is sent by the next run. ``client`` is an
    ``httpx.Client`` to send with (tests); by default one per watchlist, whose connections go only to
    public addresses unless the watchlist allows a private one."""
    report = DeliveryReport()
    ws = {w.id: w for w in watchlists(store) if w.webhook}
    if not ws:
        return report
    started = time.monotonic()
    clients: dict[int, Any] = {}
    try:
        while True:
            moment = now or _now()
            due = _due(store, list(ws), moment)
            if not due:
                break
            progressed = False
            for a in due:
                if deadline is not None and time.monotonic() - started > deadline:
                    report.left += 1
                    continue
                if not _claim(store, a.id, moment):
                    continue
                w = ws[a.watchlist_id]
                http = client or clients.get(w.id)
                if http is None:
                    http = clients[w.id] = _client(w, timeout)
                _attempt(store, w, a, http, report)
                progressed = True
            if not progressed or now is not None:
                break
    finally:
        for c in clients.values():
            c.close()
    return report


def _client(w: Watchlist, timeout: float) -> Any:
    import httpx

    from .ingest.web import PinnedTransport

    return httpx.Client(transport=PinnedTransport(allow_private=w.allow_private), timeout=timeout,
                        follow_redirects=False, headers={"User-Agent": "rasid-alerts"})


def _due(store: Any, watchlist_ids: list[int], moment: datetime) -> list[Alert]:
    at = _iso(moment)
    q = (sa.select(ALERTS).where(ALERTS.c.watchlist_id.in_(watchlist_ids), ALERTS.c.baseline.is_(False),
                                 ALERTS.c.delivered_at.is_(None), ALERTS.c.failed.is_(False),
                                 sa.or_(ALERTS.c.next_attempt_at.is_(None), ALERTS.c.next_attempt_at <= at),
                                 sa.or_(ALERTS.c.claimed_until.is_(None), ALERTS.c.claimed_until < at))
         .order_by(ALERTS.c.id).limit(_CHUNK))
    try:
        with store.engine.connect() as conn:
            return [_alert(r) for r in conn.execute(q).mappings()]
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot read the alerts to deliver", exc) from exc


def _claim(store: Any, alert_id: int, moment: datetime) -> bool:
    """Take the alert for this deliverer (no other sends it meanwhile); False when another has it."""
    at = _iso(moment)
    with write_transaction(store.engine) as conn:
        done = conn.execute(sa.update(ALERTS).where(
            ALERTS.c.id == alert_id, ALERTS.c.delivered_at.is_(None),
            sa.or_(ALERTS.c.claimed_until.is_(None), ALERTS.c.claimed_until < at))
            .values(claimed_until=_iso(moment + timedelta(seconds=CLAIM))))
        return bool(done.rowcount)


def _attempt(store: Any, w: Watchlist, a: Alert, http: Any, report: DeliveryReport) -> None:
    import httpx

    body = _body(w, a)
    headers = {"Content-Type": "application/json; charset=utf-8", "X-Rasid-Delivery": str(a.id),
               "X-Rasid-Event": a.kind, "X-Rasid-Attempt": str(a.attempts + 1)}
    if w.secret:
        headers[SIGNATURE_HEADER] = sign(w.secret, body)
    status: int | None = None
    error: str | None = None
    began = time.monotonic()
    try:
        response = http.post(w.webhook, content=body, headers=headers)
        status = response.status_code
        if not 200 <= status < 300:
            error = f"the receiver answered {status}"
    except httpx.TimeoutException:
        error = f"the receiver did not answer within {http.timeout.read or TIMEOUT:g} s"
    except httpx.HTTPError as exc:
        error = str(exc) or type(exc).__name__
    ms = int((time.monotonic() - began) * 1000)
    at = _now()
    attempts = a.attempts + 1
    ok = error is None
    values: dict[str, Any] = {"attempts": attempts, "claimed_until": None}
    if ok:
        values["delivered_at"] = _iso(at)
        report.delivered += 1
    elif attempts >= MAX_ATTEMPTS:
        values["failed"] = True
        report.failed += 1
    else:
        values["next_attempt_at"] = _iso(at + timedelta(seconds=retry_delay(attempts)))
        report.retrying += 1
    try:
        with write_transaction(store.engine) as conn:
            conn.execute(sa.insert(DELIVERIES).values(alert_id=a.id, attempt=attempts, at=_iso(at), status=status,
                                                      error=error, ok=ok, ms=ms))
            conn.execute(sa.update(ALERTS).where(ALERTS.c.id == a.id).values(**values))
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot record a delivery", exc) from exc


# --- Atom --------------------------------------------------------------------------

def atom_feed(w: Watchlist, page: Sequence[Alert], *, total: int, offset: int, limit: int, feed_url: str,
              site_url: str, link_of: Any = None) -> str:
    """An Atom document of one page of a watchlist's alerts, newest first, with RFC 5005 paging links
    (``first``, ``previous``, ``next``, ``last``) built from ``feed_url`` and ``?offset=``."""
    import feedgenerator

    class _Paged(feedgenerator.Atom1Feed):
        def add_root_elements(self, handler):  # noqa: ANN001 - feedgenerator's SAX handler
            super().add_root_elements(handler)
            sep = "&" if "?" in feed_url else "?"
            links = {"first": 0, "last": max(0, (total - 1) // limit * limit) if limit else 0}
            if offset > 0:
                links["previous"] = max(0, offset - limit)
            if limit and offset + limit < total:
                links["next"] = offset + limit
            for rel, at in links.items():
                handler.addQuickElement("link", "", {"rel": rel, "href": f"{feed_url}{sep}offset={at}"})

    feed = _Paged(title=f"rasid — {w.name}", link=site_url, description=f"rasid alerts of the watchlist {w.name}",
                  language="ar", feed_url=f"{feed_url}", feed_guid=f"{site_url.rstrip('/')}/watchlists/{w.id}")
    for a in page:
        link = link_of(a) if link_of is not None else site_url
        updated = datetime.fromisoformat(a.created_at)
        feed.add_item(title=a.title, link=link, description=_summary(a), unique_id=f"rasid:alert:{w.id}:{a.id}",
                      updateddate=updated, pubdate=updated, categories=[a.kind])
    return feed.writeString("utf-8")


def _summary(a: Alert) -> str:
    r = a.record or {}
    if a.kind == "shift":
        if a.withdrawn_at:
            return f"(withdrawn {a.withdrawn_at[:10]}: later statements no longer carry this shift) " + _sides(r)
        return _sides(r)
    return r.get("content") or a.title


def _sides(r: dict[str, Any]) -> str:
    parts = []
    for side in ("before", "after"):
        s = r.get(side) or {}
        parts.append(f"{side}: {s.get('date') or ''} «{s.get('quote') or ''}»")
    return " — ".join(parts)


# --- delivering while a command runs ------------------------------------------------

def follows_claims(store: Any) -> bool:
    """Does a watchlist follow claims (so an ingest brings the claims up to date after each batch)?"""
    return any(w.claims for w in watchlists(store))


def has_webhooks(store: Any) -> bool:
    return any(w.webhook for w in watchlists(store))


class Deliverer:
    """Delivers due alerts in a background thread every ``interval`` seconds while an ingest, a feed
    watch or a server runs — a slow or failing receiver never holds the command (each pass is bounded
    by ``deadline``). With ``kb``, each pass raises the alerts first. :meth:`stop` ends the thread after
    one last pass."""

    def __init__(self, store: Any, *, interval: float = 5.0, deadline: float = 20.0, on_report: Any = None,
                 kb: KnowledgeBase | None = None):
        import threading

        self.store, self.interval, self.deadline, self.on_report = store, interval, deadline, on_report
        self.kb = kb  # given: raise the alerts first (a server, whose ingests may run in other processes)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rasid-alerts", daemon=True)
        self.total = DeliveryReport()

    def start(self) -> "Deliverer":
        self._thread.start()
        return self

    def _pass(self) -> None:
        import logging

        from .errors import RasidError

        try:
            if self.kb is not None:
                raise_alerts(self.store, self.kb)
            r = deliver(self.store, deadline=self.deadline)
        except (RasidError, SQLAlchemyError) as exc:
            logging.getLogger("rasid.alerts").warning("alerts not delivered this time (tried again later): %s", exc)
            return
        self.total.delivered += r.delivered
        self.total.retrying += r.retrying
        self.total.failed += r.failed
        if self.on_report is not None and (r.delivered or r.retrying or r.failed):
            self.on_report(r)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._pass()

    def stop(self, last_pass: bool = True, timeout: float | None = None) -> DeliveryReport:
        """End the thread (waiting at most ``timeout`` seconds for a pass under way), then, with
        ``last_pass``, deliver once more."""
        self._stop.set()
        self._thread.join(timeout)
        if last_pass:
            self._pass()
        return self.total
