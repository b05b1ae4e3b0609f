"""The store: articles with every layer, statements, targets and rejections in one database."""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from dataclasses import replace
from datetime import date, datetime, UTC
from pathlib import Path
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Self

import hashlib

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError, SQLAlchemyError

from ..errors import StoreError
from ..ingest.unicode import valid_text
from ..model import Article, Place, Rejection, Statement, TargetStance
from . import codec
from .db import connect, write_transaction
from .tables import article_signatures as SIG
from .tables import articles as A
from .tables import ingest_ledger as L
from .tables import mentions as M
from .tables import places as P
from .tables import statement_places as SP
from .tables import rejections as R
from .tables import seen_urls as U
from .tables import shift_dirty as DIRTY
from .tables import sentences as SE
from .tables import statements as S
from .tables import targets as T

_BATCH = 500  # rows fetched at a time when streaming
# the columns of a light article (codec.article_from_row(light=True)): not its offsets, paragraphs and dates,
# which it leaves out (JSON that reading the statements of many articles would parse for nothing)
_LIGHT = tuple(c for c in A.c if c.name not in ("offsets", "paragraphs", "dates"))
# the ledger outcome of a rejected document: not done, tried again when it is given again (a document
# that is not Arabic is recorded as "skipped", and is done)
REJECTED = "rejected"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, with LIKE's wildcards escaped."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Store:
    """A database of processed articles. Open it with :func:`open_store`.

    Writing an article is one transaction: either every layer is written or none.
    """

    def __init__(self, engine: Engine):
        self.engine = engine

    # --- context management ------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # --- writing -----------------------------------------------------------

    def save(self, article: Article) -> bool:
        """Store ``article``; False (nothing written) when an article with its id is already stored."""
        return self.save_many([article])[0]

    def save_many(self, articles: Iterable[Article]) -> list[bool]:
        """Store several articles in one transaction; one flag per article, as :meth:`save`."""
        batch = list(articles)
        if not batch:
            return []
        try:
            with self.engine.begin() as conn:
                return self._insert(conn, batch)
        except IntegrityError:
            # another writer stored one of these ids meanwhile: fall back to one at a time
            out = []
            for article in batch:
                try:
                    with self.engine.begin() as conn:
                        out.extend(self._insert(conn, [article]))
                except IntegrityError as exc:
                    if self._exists(article.id):
                        out.append(False)
                    else:
                        raise self._error(f"cannot store article {article.id}", exc) from exc
            return out
        except SQLAlchemyError as exc:
            raise self._error("cannot store articles", exc) from exc

    def replace(self, article: Article) -> None:
        """Store ``article`` in place of the stored article with its id (re-processing), in one transaction."""
        try:
            with self.engine.begin() as conn:
                self._delete(conn, article.id)
                self._insert(conn, [article])
        except SQLAlchemyError as exc:
            raise self._error(f"cannot replace article {article.id}", exc) from exc

    def delete(self, article_id: str) -> bool:
        """Remove an article and its layers; False when it was not stored."""
        try:
            with self.engine.begin() as conn:
                return self._delete(conn, article_id)
        except SQLAlchemyError as exc:
            raise self._error(f"cannot delete article {article_id}", exc) from exc

    def record_rejection(self, rejection: Rejection) -> None:
        try:
            with self.engine.begin() as conn:
                conn.execute(sa.insert(R), {"origin": rejection.origin, "stage": rejection.stage,
                                            "reason": rejection.reason, "created_at": _now()})
        except SQLAlchemyError as exc:
            raise self._error("cannot record a rejection", exc) from exc

    def _insert(self, conn: Connection, batch: list[Article],
                links: Mapping[str, tuple[str | None, tuple[str, bytes | None]]] | None = None) -> list[bool]:
        ids = list({a.id for a in batch})
        existing: set[str] = set()
        for i in range(0, len(ids), _BATCH):
            chunk = ids[i : i + _BATCH]
            existing.update(conn.execute(sa.select(A.c.id).where(A.c.id.in_(chunk))).scalars())
        flags: list[bool] = []
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        stamp = _now()
        for article in batch:
            if article.id in existing:
                flags.append(False)
                continue
            existing.add(article.id)
            flags.append(True)
            row = codec.article_row(article, stamp)
            link = links.get(article.id) if links else None
            if link is not None:
                row["duplicate_of"] = link[0]
                rows["article_signatures"].append({"article_id": article.id, "text_hash": link[1][0],
                                                   "minhash": link[1][1]})
            rows["articles"].append(row)
            rows["sentences"].extend(codec.sentence_rows(article))
            rows["mentions"].extend(codec.mention_rows(article))
            rows["places"].extend(codec.place_rows(article))
            for pos, st in enumerate(article.statements):
                rows["statements"].append(codec.statement_row(article, pos, st))
                rows["targets"].extend(codec.target_rows(st))
            rows["statement_places"].extend(codec.statement_place_rows(article))
        for table in (A, SE, M, P, S, T, SP, SIG):
            if rows[table.name]:
                insert_rows(conn, table, rows[table.name])
        mark_shifts_dirty(conn, [r["id"] for r in rows["articles"]])
        return flags

    @staticmethod
    def _delete(conn: Connection, article_id: str) -> bool:
        stmt_ids = sa.select(S.c.id).where(S.c.article_id == article_id)
        conn.execute(sa.delete(T).where(T.c.statement_id.in_(stmt_ids)))
        conn.execute(sa.delete(SP).where(SP.c.article_id == article_id))
        conn.execute(sa.delete(S).where(S.c.article_id == article_id))
        conn.execute(sa.delete(M).where(M.c.article_id == article_id))
        conn.execute(sa.delete(P).where(P.c.article_id == article_id))
        conn.execute(sa.delete(SE).where(SE.c.article_id == article_id))
        conn.execute(sa.delete(SIG).where(SIG.c.article_id == article_id))
        deleted = conn.execute(sa.delete(A).where(A.c.id == article_id)).rowcount > 0
        if deleted:
            mark_shifts_dirty(conn, [article_id])
        return deleted

    # --- reading -----------------------------------------------------------

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self._exists(article_id)

    def _exists(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(A.c.id).where(A.c.id == article_id)).first() is not None

    def get_article(self, article_id: str) -> Article | None:
        """The stored article with every layer, or None."""
        try:
            with self.engine.connect() as conn:
                row = conn.execute(sa.select(A).where(A.c.id == article_id)).mappings().first()
                return self._full(conn, row) if row else None
        except SQLAlchemyError as exc:
            raise self._error(f"cannot read article {article_id}", exc) from exc

    def articles(self) -> Iterator[Article]:
        """Every stored article with every layer, in ingestion order."""
        last: tuple[str, str] | None = None
        while True:
            query = sa.select(A).order_by(A.c.ingested_at, A.c.id).limit(_BATCH)
            if last is not None:
                query = query.where(sa.or_(A.c.ingested_at > last[0],
                                           sa.and_(A.c.ingested_at == last[0], A.c.id > last[1])))
            try:
                with self.engine.connect() as conn:
                    rows = conn.execute(query).mappings().all()
                    page = [self._full(conn, row) for row in rows]
            except SQLAlchemyError as exc:
                raise self._error("cannot read articles", exc) from exc
            yield from page
            if len(rows) < _BATCH:
                return
            last = (rows[-1]["ingested_at"], rows[-1]["id"])

    def _full(self, conn: Connection, row: Any) -> Article:
        article = codec.article_from_row(row)
        aid = article.id
        sents = tuple(codec.sentence_from_row(r) for r in conn.execute(
            sa.select(SE).where(SE.c.article_id == aid).order_by(SE.c.position)).mappings())
        ments = tuple(codec.mention_from_row(r) for r in conn.execute(
            sa.select(M).where(M.c.article_id == aid).order_by(M.c.position)).mappings())
        stmts = self._statements_of(conn, [r for r in conn.execute(
            sa.select(S).where(S.c.article_id == aid).order_by(S.c.position)).mappings()])
        places = self._places_of(conn, [aid]).get(aid, ())
        return replace(_with_layers(article, sents, ments, tuple(stmts)), places=places)

    @staticmethod
    def _places_of(conn: Connection, article_ids: Iterable[str]) -> dict[str, tuple[Place, ...]]:
        """The places of these articles (the layer a light article carries: exports read it)."""
        out: dict[str, list[Place]] = defaultdict(list)
        ids = list(article_ids)
        for i in range(0, len(ids), _BATCH):
            query = sa.select(P).where(P.c.article_id.in_(ids[i : i + _BATCH])).order_by(P.c.article_id, P.c.position)
            for r in conn.execute(query).mappings():
                out[r["article_id"]].append(codec.place_from_row(r))
        return {k: tuple(v) for k, v in out.items()}

    @staticmethod
    def _statements_of(conn: Connection, rows: list[Any]) -> list[Statement]:
        by_statement: dict[str, list[TargetStance]] = defaultdict(list)
        ids = [r["id"] for r in rows]
        for i in range(0, len(ids), _BATCH):
            chunk = ids[i : i + _BATCH]
            query = sa.select(T).where(T.c.statement_id.in_(chunk)).order_by(T.c.statement_id, T.c.position)
            for t in conn.execute(query).mappings():
                by_statement[t["statement_id"]].append(codec.target_from_row(t))
        return [codec.statement_from_row(r, tuple(by_statement.get(r["id"], ()))) for r in rows]

    def _has_id(self, column: sa.Column, value: str) -> bool:
        """Some row has this actor id (an indexed lookup)."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.literal(1)).where(column == value).limit(1)).first() is not None

    def statements(self, speaker: str | None = None, target: str | None = None, since: date | None = None,
                   until: date | None = None, article: str | None = None,
                   originals_only: bool = False) -> Iterator[tuple[Article, Statement]]:
        """Statements matching every given filter, oldest first, each with its (light) article.

        ``speaker`` and ``target`` match an actor id exactly — only that actor, when some statement
        has it (``RUS`` is Russia, not also the speaker "Brussels Signal") — or else appear inside the
        folded name or surface (so ``الإنقاذ`` finds ``حكومة الإنقاذ``). ``since``/``until`` are
        inclusive and compare the start of the statement's date, or the article's
        publication day when the statement has no date. The article carries its text
        and metadata but not its layers (sentences, mentions, statements).
        ``originals_only`` leaves out syndicated copies (articles linked to an original), so
        shifts and timelines count a story once.
        """
        query = sa.select(S)
        if speaker:
            key = _like(codec.folded(speaker))
            if self._has_id(S.c.speaker_actor_id, speaker.strip()):
                query = query.where(S.c.speaker_actor_id == speaker.strip())
            else:
                query = query.where(sa.or_(S.c.speaker_folded.like(key, escape="\\"),
                                           S.c.speaker_surface_folded.like(key, escape="\\")))
        if target:
            key = _like(codec.folded(target))
            if self._has_id(T.c.actor_id, target.strip()):
                match = T.c.actor_id == target.strip()
            else:
                match = sa.or_(T.c.name_folded.like(key, escape="\\"), T.c.surface_folded.like(key, escape="\\"))
            query = query.where(sa.exists().where(T.c.statement_id == S.c.id, match))
        if since is not None:
            query = query.where(S.c.day >= _day(since))
        if until is not None:
            query = query.where(S.c.day <= _day(until))
        if article:
            query = query.where(S.c.article_id == article)
        if originals_only:
            query = query.where(~sa.exists().where(A.c.id == S.c.article_id, A.c.duplicate_of.is_not(None)))
        query = query.order_by(S.c.day.is_(None), S.c.day, S.c.article_id, S.c.position)
        cache: OrderedDict[str, Article] = OrderedDict()
        offset = 0
        while True:
            try:
                with self.engine.connect() as conn:
                    rows = conn.execute(query.limit(_BATCH).offset(offset)).mappings().all()
                    stmts = self._statements_of(conn, list(rows))
                    wanted = {r["article_id"] for r in rows} - cache.keys()
                    if wanted:
                        places = self._places_of(conn, wanted)
                        for r in conn.execute(sa.select(*_LIGHT).where(A.c.id.in_(wanted))).mappings():
                            cache[r["id"]] = replace(codec.article_from_row(r, light=True),
                                                     places=places.get(r["id"], ()))
            except SQLAlchemyError as exc:
                raise self._error("cannot read statements", exc) from exc
            for row, st in zip(rows, stmts):
                cache.move_to_end(row["article_id"])
                yield cache[row["article_id"]], st
            while len(cache) > 2 * _BATCH:
                cache.popitem(last=False)
            if len(rows) < _BATCH:
                return
            offset += _BATCH

    def statements_where(self, *, ids: Iterable[str] = (), articles: Iterable[str] = (),
                         originals_only: bool = False, conn: Connection | None = None
                         ) -> list[tuple[Article, Statement, tuple[bool, str, str, int]]]:
        """The statements with these ids and those of these articles, each with its (light) article and
        its place in the order of :meth:`statements` (``(no day, day, article id, position)``), sorted by it.

        ``conn`` reads inside a caller's transaction (its own writes included)."""
        if conn is None:
            try:
                with self.engine.connect() as own:
                    return self.statements_where(ids=ids, articles=articles, originals_only=originals_only, conn=own)
            except SQLAlchemyError as exc:
                raise self._error("cannot read statements", exc) from exc
        rows: dict[str, Any] = {}
        for column, values in ((S.c.id, list(dict.fromkeys(ids))), (S.c.article_id, list(dict.fromkeys(articles)))):
            for i in range(0, len(values), _BATCH):
                query = sa.select(S).where(column.in_(values[i : i + _BATCH]))
                if originals_only:
                    query = query.where(~sa.exists().where(A.c.id == S.c.article_id, A.c.duplicate_of.is_not(None)))
                for r in conn.execute(query).mappings():
                    rows[r["id"]] = r
        ordered = sorted(rows.values(), key=_statement_place)
        stmts = self._statements_of(conn, ordered)
        cache: dict[str, Article] = {}
        wanted = list({r["article_id"] for r in ordered})
        for i in range(0, len(wanted), _BATCH):
            for r in conn.execute(sa.select(*_LIGHT).where(A.c.id.in_(wanted[i : i + _BATCH]))).mappings():
                cache[r["id"]] = codec.article_from_row(r, light=True)
        return [(cache[r["article_id"]], st, _statement_place(r)) for r, st in zip(ordered, stmts)]

    def rejections(self) -> list[Rejection]:
        """Every recorded rejection, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(R.c.origin, R.c.stage, R.c.reason).order_by(R.c.id)).all()
        return [Rejection(o, s, r) for o, s, r in rows]

    def counts(self) -> dict[str, int]:
        """How many articles, statements, targets and rejections are stored."""
        with self.engine.connect() as conn:
            return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for t in (A, S, T, R)}

    # --- ingestion bookkeeping: seen URLs and duplicates ---------------------

    def has_url(self, url: str) -> bool:
        """True when ``url`` was fetched before (recorded by :meth:`remember_url`) or an article has it."""
        if "\x00" in url:
            return False  # no stored URL holds a NUL (PostgreSQL text cannot), and the fetcher refuses it
        try:
            with self.engine.connect() as conn:
                if conn.execute(sa.select(U.c.url_hash).where(U.c.url_hash == _url_hash(url))).first():
                    return True
                return conn.execute(sa.select(A.c.id).where(A.c.url == url).limit(1)).first() is not None
        except SQLAlchemyError as exc:
            raise self._error("cannot read the seen URLs", exc) from exc

    def remember_url(self, url: str, outcome: str = "document") -> None:
        """Record that ``url`` was fetched (``outcome``: "document" or the stage that rejected it)."""
        try:
            with self.engine.begin() as conn:
                if conn.execute(sa.select(U.c.url_hash).where(U.c.url_hash == _url_hash(url))).first():
                    return
                conn.execute(sa.insert(U), {"url_hash": _url_hash(url), "url": url, "outcome": outcome[:32],
                                            "seen_at": _now()})
        except IntegrityError:
            return  # another writer recorded it meanwhile
        except SQLAlchemyError as exc:
            raise self._error("cannot record a seen URL", exc) from exc

    def mark_duplicate(self, article_id: str, original_id: str | None) -> bool:
        """Flag ``article_id`` as a copy of ``original_id`` (None clears the flag); False when it is not stored."""
        if original_id == article_id:
            original_id = None
        try:
            with self.engine.begin() as conn:
                result = conn.execute(sa.update(A).where(A.c.id == article_id).values(duplicate_of=original_id))
                if result.rowcount > 0:
                    mark_shifts_dirty(conn, [article_id])  # a copy's statements leave the shifts (or come back)
                return result.rowcount > 0
        except SQLAlchemyError as exc:
            raise self._error(f"cannot mark article {article_id} as a duplicate", exc) from exc

    def duplicate_of(self, article_id: str) -> str | None:
        """The id of the article ``article_id`` copies, or None for an original (or an unknown id)."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(A.c.duplicate_of).where(A.c.id == article_id)).scalar_one_or_none()

    def article_texts(self) -> Iterator[tuple[str, str, str | None]]:
        """``(id, text, duplicate_of)`` of every stored article in ingestion order, without the layers."""
        last: tuple[str, str] | None = None
        while True:
            query = (sa.select(A.c.id, A.c.text, A.c.duplicate_of, A.c.ingested_at)
                     .order_by(A.c.ingested_at, A.c.id).limit(_BATCH))
            if last is not None:
                query = query.where(sa.or_(A.c.ingested_at > last[0],
                                           sa.and_(A.c.ingested_at == last[0], A.c.id > last[1])))
            try:
                with self.engine.connect() as conn:
                    rows = conn.execute(query).all()
            except SQLAlchemyError as exc:
                raise self._error("cannot read articles", exc) from exc
            for row in rows:
                yield row.id, row.text, row.duplicate_of
            if len(rows) < _BATCH:
                return
            last = (rows[-1].ingested_at, rows[-1].id)

    # --- batch ingest ledger (see rasid.batch) --------------------------------

    def done_keys(self, keys: Iterable[str]) -> set[str]:
        """The document keys among ``keys`` that the ingest ledger holds as done: ingested, duplicate or
        skipped as not Arabic. A document that was rejected is not done: it is tried again."""
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        try:
            with self.engine.connect() as conn:
                for i in range(0, len(wanted), _BATCH):
                    chunk = wanted[i : i + _BATCH]
                    found.update(conn.execute(sa.select(L.c.key).where(L.c.key.in_(chunk),
                                                                       L.c.outcome != REJECTED)).scalars())
        except SQLAlchemyError as exc:
            raise self._error("cannot read the ingest ledger", exc) from exc
        return found

    def signatures(self) -> Iterator[tuple[str, str | None, bytes | None, str | None, str | None]]:
        """``(article id, text hash, minhash, duplicate_of, text)`` of every article in ingestion order;
        the text only for an article with no stored signature yet (hash and minhash None)."""
        last: tuple[str, str] | None = None
        with self.engine.connect() as conn:
            while True:
                query = (sa.select(A.c.id, A.c.ingested_at, A.c.duplicate_of, SIG.c.text_hash, SIG.c.minhash)
                         .select_from(A.outerjoin(SIG, SIG.c.article_id == A.c.id))
                         .order_by(A.c.ingested_at, A.c.id).limit(_BATCH))
                if last is not None:
                    query = query.where(sa.or_(A.c.ingested_at > last[0],
                                               sa.and_(A.c.ingested_at == last[0], A.c.id > last[1])))
                rows = conn.execute(query).all()
                if not rows:
                    return
                texts: dict[str, str] = {}
                bare = [r.id for r in rows if r.text_hash is None]
                if bare:
                    texts = dict(conn.execute(sa.select(A.c.id, A.c.text).where(A.c.id.in_(bare))).all())
                for r in rows:
                    yield r.id, r.text_hash, r.minhash, r.duplicate_of, texts.get(r.id)
                last = (rows[-1].ingested_at, rows[-1].id)

    def save_signatures(self, rows: Iterable[tuple[str, str, bytes | None]]) -> None:
        """Store signatures computed for articles stored before signatures were kept."""
        batch = [{"article_id": a, "text_hash": h, "minhash": m} for a, h, m in rows]
        if not batch:
            return
        try:
            with self.engine.begin() as conn:
                conn.execute(sa.insert(SIG), batch)
        except SQLAlchemyError as exc:
            raise self._error("cannot store the duplicate signatures", exc) from exc

    def save_ledgered(self, items: Sequence[tuple[str, Article | Rejection]],
                      links: Mapping[str, tuple[str | None, tuple[str, bytes | None]]] | None = None) -> list[str]:
        """Store articles and rejections with their document keys, all in one transaction.

        Returns one outcome per item: ``ingested``, ``duplicate`` (an article with its id is
        stored), ``rejected``, or ``done`` when the key is already in the ledger as done (or earlier in
        ``items``) and nothing was written for it. A key the ledger holds as rejected is written again:
        its ledger row and its rejection are replaced by the new outcome (a document rejected on every
        run is one rejection, of the latest run; one that succeeds at last is no longer a rejection). A run killed at any moment leaves either the
        whole batch (articles, rejections and keys) or none of it. ``links`` gives, per article id,
        the original it copies (or None) and its duplicate signature (see rasid.ingest.dedup):
        written in the same transaction, so a syndicated copy is never left unlinked.
        """
        if not items:
            return []
        try:
            with write_transaction(self.engine) as conn:
                return self._save_ledgered(conn, items, links)
        except IntegrityError:
            # another writer stored some of these keys or ids meanwhile: read the ledger again
            try:
                with write_transaction(self.engine) as conn:
                    return self._save_ledgered(conn, items, links)
            except SQLAlchemyError:
                pass
        except (SQLAlchemyError, ValueError) as exc:
            if not _document_fault(exc):
                raise self._error("cannot store a batch", exc) from exc
        # one document could not be written: store the batch one document at a time, and turn the
        # document that fails into a rejection recorded under its key, so that a rerun goes on
        return [self._save_one(key, item, links) for key, item in items]

    def _save_one(self, key: str, item: Article | Rejection,
                  links: Mapping[str, tuple[str | None, tuple[str, bytes | None]]] | None = None) -> str:
        try:
            with write_transaction(self.engine) as conn:
                return self._save_ledgered(conn, [(key, item)], links)[0]
        except (SQLAlchemyError, ValueError) as exc:
            if not _document_fault(exc):
                raise self._error("cannot store a batch", exc) from exc
            why = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            origin = item.origin if isinstance(item, Rejection) else (item.source or item.id)
            rejection = Rejection(origin, "store", f"the document could not be stored: "
                                                   f"{why[0] if why else type(exc).__name__} "
                                                   "(this is a bug in rasid; please report it with the document)")
        try:
            with write_transaction(self.engine) as conn:
                return self._save_ledgered(conn, [(key, rejection)])[0]
        except SQLAlchemyError as exc:
            raise self._error("cannot store a batch", exc) from exc

    def _save_ledgered(self, conn: Connection, items: Sequence[tuple[str, Article | Rejection]],
                       links: Mapping[str, tuple[str | None, tuple[str, bytes | None]]] | None = None) -> list[str]:
        keys = list(dict.fromkeys(k for k, _ in items))
        done: set[str] = set()
        retried: list[Any] = []
        for i in range(0, len(keys), _BATCH):
            chunk = keys[i : i + _BATCH]
            for row in conn.execute(sa.select(L.c.key, L.c.origin, L.c.outcome, L.c.done_at).where(L.c.key.in_(chunk))):
                if row.outcome == REJECTED:
                    retried.append(row)
                else:
                    done.add(row.key)
        for row in retried:
            # a document rejected by an earlier run is tried again: its old outcome and its rejection (the
            # row written with it, in its transaction: same origin and time) make way for the new outcome
            conn.execute(sa.delete(L).where(L.c.key == row.key))
            old = conn.execute(sa.select(R.c.id).where(R.c.origin == row.origin, R.c.created_at == row.done_at)
                               .order_by(R.c.id).limit(1)).scalar()
            if old is not None:
                conn.execute(sa.delete(R).where(R.c.id == old))
        stamp = _now()
        outcomes: list[str] = []
        fresh: list[Article] = []
        rejected: list[dict[str, Any]] = []
        ledger: list[dict[str, Any]] = []
        for key, item in items:
            if key in done:
                outcomes.append("done")
                continue
            done.add(key)
            if isinstance(item, Rejection):
                outcomes.append("rejected")
                origin = valid_text(item.origin)[0]
                rejected.append({"origin": origin, "stage": item.stage, "reason": valid_text(item.reason)[0],
                                 "created_at": stamp})
                # a document that is not Arabic is done (it is skipped, not failed); any other is retried
                ledger.append({"key": key, "origin": origin, "outcome": "skipped" if item.stage == "language"
                               else REJECTED, "article_id": None, "done_at": stamp})
            else:
                outcomes.append("")  # filled below
                fresh.append(item)
                ledger.append({"key": key, "origin": valid_text(item.source or item.id)[0], "outcome": "",
                               "article_id": item.id, "done_at": stamp})
        flags = iter(self._insert(conn, fresh, links))
        article_rows = iter(row for row in ledger if row["article_id"] is not None)
        for pos, outcome in enumerate(outcomes):
            if outcome == "":
                outcomes[pos] = "ingested" if next(flags) else "duplicate"
                next(article_rows)["outcome"] = outcomes[pos]
        if rejected:
            insert_rows(conn, R, rejected)
        if ledger:
            insert_rows(conn, L, ledger)
        return outcomes

    def _error(self, what: str, exc: BaseException) -> StoreError:
        why = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        reason = f"{what} in {self.url}: {why[0] if why else type(exc).__name__}"
        hint = "check that the database is reachable and writable; if it is damaged, ingest into a new file"
        if isinstance(exc, IntegrityError):
            hint = "statement ids must be unique across articles; this is a bug in rasid, please report it"
        return StoreError(reason, hint=hint)


def insert_rows(conn: Connection, table: sa.Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """``conn.execute(sa.insert(table), rows)``, the same values written: in SQLite, as plain tuples
    through the driver's ``executemany`` (each value through its column type's own bind processor,
    e.g. JSON serialised as SQLAlchemy serialises it), which spares SQLAlchemy's per-row parameter
    handling. Rows that do not all name the same columns, a value a processor refuses and other
    databases go through SQLAlchemy."""
    if not rows:
        return
    names = list(rows[0])
    if conn.dialect.name != "sqlite" or any(len(r) != len(names) for r in rows):
        conn.execute(sa.insert(table), rows)
        return
    try:
        columns = [table.c[name] for name in names]
        procs = [c.type.bind_processor(conn.dialect) for c in columns]
        values = [tuple(v if proc is None else proc(v) for proc, v in zip(procs, map(r.__getitem__, names)))
                  for r in rows]
    except Exception:  # noqa: BLE001 - a key the first row lacks, or a value a type refuses: SQLAlchemy says it
        conn.execute(sa.insert(table), rows)
        return
    quote = conn.dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
    conn.exec_driver_sql(sql, values)


def mark_shifts_dirty(conn: Connection, article_ids: Sequence[str]) -> None:
    """Record, in the writer's own transaction, that the stored shifts of these articles' series must be
    computed again (see rasid.stored_shifts): a write and its mark are committed together or not at all."""
    if article_ids:
        conn.execute(sa.insert(DIRTY), [{"article_id": a} for a in dict.fromkeys(article_ids)])


def _document_fault(exc: BaseException) -> bool:
    """Whether a write failed because of a document's data (then that document is rejected) rather than
    because of the database itself (locked, full, unreachable: then the batch stops with an error)."""
    return not isinstance(exc, (OperationalError, InterfaceError))


def _statement_place(row: Any) -> tuple[bool, str, str, int]:
    """A statement row's place in :meth:`Store.statements`'s order (article ids are hex, so Python's
    string order is the database's)."""
    return (row["day"] is None, row["day"] or "", row["article_id"], row["position"])


def _url_hash(url: str) -> str:
    return hashlib.sha1(url.strip().encode("utf-8", "surrogatepass")).hexdigest()


def _day(value: date | datetime) -> str:
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def _with_layers(article: Article, sents, ments, stmts) -> Article:
    return replace(article, sentences=sents, mentions=ments, statements=stmts)


def open_store(db: str | Path | None = None, *, create: bool = True) -> Store:
    """Open (creating and migrating as needed) the store at ``db``.

    ``db`` is a file path (SQLite), ``sqlite:///path``, or ``postgresql://...``;
    None means ``$RASID_DB``, else ``./rasid.db``. ``create=False`` opens only a SQLite file that
    exists (else :class:`rasid.errors.NoSuchDatabase`): what reads a database passes it, so that a
    mistyped path is an error instead of a new, empty database.
    """
    return Store(connect(db, create=create))
