"""Analyst corrections: a layer of fixes kept apart from what the pipeline found.

An analyst can change a statement's speaker, its targets, the stance toward a target or
its date, or mark the statement as wrong (not a statement at all). A correction is keyed
to the statement's *provenance* -- the article id (a hash of the article's text) and the
cue and content spans -- rather than to the statement id alone, so it still applies after
the article is ingested again or re-processed by a newer pipeline that finds the same
statement. A correction whose statement is no longer found is kept and reported by
:func:`orphaned`.

Corrections are applied when statements are read::

    pairs = apply_corrections(store.statements(), load_corrections(store))

or in one call with :func:`corrected_statements`. Later corrections of the same
statement apply on top of earlier ones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from .errors import ConfigError, StoreError
from .model import Article, DateRef, DateSource, Granularity, Mention, Span, Stance, Statement, TargetStance

from .store.store import mark_shifts_dirty
from .store.tables import corrections as corrections_table  # created by migration 0004

CORRECTED = "correction"  # Mention.source of a speaker or target set by an analyst
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

Key = tuple[str, int, int, int, int]


class CorrectionError(ConfigError):
    """A correction cannot be made as asked; ``field`` names the offending field."""

    def __init__(self, reason: str, *, field: str | None = None, hint: str | None = None):
        self.field = field
        super().__init__(reason, hint=hint)


@dataclass(frozen=True, slots=True)
class TargetFix:
    """One target of a corrected target list."""

    name: str
    stance: Stance
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class Correction:
    """An analyst's fix of one statement. Fields left as None are not changed."""

    article_id: str
    cue: Span
    content: Span
    statement_id: str | None = None
    speaker: str | None = None  # the right speaker's name
    speaker_actor_id: str | None = None
    targets: tuple[TargetFix, ...] | None = None  # replaces the whole target list
    stances: Mapping[str, Stance] | None = field(default=None, hash=False, compare=False)  # target key -> stance
    date: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    wrong: bool | None = None  # True: not a statement; it is hidden when reading
    note: str | None = None
    author: str = "analyst"
    created_at: str = ""
    id: int | None = None

    @property
    def key(self) -> Key:
        return provenance(self.article_id, self.cue, self.content)

    def changes(self) -> list[str]:
        """The names of the fields this correction changes."""
        names = ("speaker", "targets", "stances", "date", "wrong")
        return [n for n in names if getattr(self, n) is not None]


def provenance(article_id: str, cue: Span, content: Span) -> Key:
    """The key a statement is found by: article id, cue span, content span."""
    return (article_id, cue.start, cue.end, content.start, content.end)


def statement_key(article: Article | str, st: Statement) -> Key:
    return provenance(article if isinstance(article, str) else article.id, st.cue, st.content)


# --- making a correction -----------------------------------------------------

def _stance(value: Any, where: str) -> Stance:
    try:
        return Stance(str(value).strip().lower())
    except ValueError:
        raise CorrectionError(f"{where}: '{value}' is not a stance", field=where,
                              hint="use favor, against or neutral") from None


def _resolve(name: str, kb: Any, where: str) -> tuple[str, str | None]:
    """(display name, actor id) for what an analyst typed: an actor id, a known name, or a new name."""
    name = name.strip()
    if not name:
        raise CorrectionError(f"{where} is empty", field=where, hint="give a name or a knowledge-base actor id")
    if kb is not None:
        actor = kb.get(name) or kb.lookup(name)
        if actor is not None:
            return actor.name_ar, actor.id
    return name, None


def make_correction(article: Article | str, st: Statement, *, author: str, kb: Any = None,
                    speaker: str | None = None, targets: Sequence[Mapping[str, Any]] | None = None,
                    stances: Mapping[str, Any] | None = None, date: str | None = None,
                    wrong: bool | None = None, note: str | None = None) -> Correction:
    """A validated correction of ``st`` (of ``article``), not yet stored.

    ``speaker`` and target names may be actor ids or names known to ``kb`` (they are
    then linked); ``targets`` is a list of ``{"name", "stance"}``; ``stances`` maps a
    current target (actor id or name) to its new stance. Raises :class:`CorrectionError`.
    """
    aid = article if isinstance(article, str) else article.id
    sp_name = sp_id = None
    if speaker is not None:
        sp_name, sp_id = _resolve(speaker, kb, "speaker")
    fixes: tuple[TargetFix, ...] | None = None
    if targets is not None:
        out = []
        for i, t in enumerate(targets):
            if not isinstance(t, Mapping) or "name" not in t:
                raise CorrectionError(f"targets[{i}] has no name", field="targets",
                                      hint='give each target as {"name": ..., "stance": ...}')
            name, actor_id = _resolve(str(t["name"]), kb, "targets")
            out.append(TargetFix(name, _stance(t.get("stance", "neutral"), "targets"), actor_id))
        fixes = tuple(out)
    new_stances: dict[str, Stance] | None = None
    if stances is not None:
        new_stances = {}
        current = {k for ts in st.targets for k in (ts.target.key, ts.target.name)}
        for key, value in stances.items():
            if key not in current:
                raise CorrectionError(f"stances: '{key}' is not a target of statement {st.id}", field="stances",
                                      hint="name a current target by actor id or name, or replace the list with targets")
            new_stances[key] = _stance(value, "stances")
    if date is not None:
        date = date.strip()
        if not _DATE.match(date) or not _valid_day(date):
            raise CorrectionError(f"date: '{date}' is not a date", field="date",
                                  hint="use YYYY-MM-DD, YYYY-MM or YYYY")
    c = Correction(aid, st.cue, st.content, st.id, sp_name, sp_id, fixes, new_stances, date, wrong,
                   (note or None), author)
    if not c.changes():
        raise CorrectionError("the correction changes nothing", field=None,
                              hint="give at least one of speaker, targets, stances, date, wrong")
    return c


def _valid_day(value: str) -> bool:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        datetime(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


# --- applying ----------------------------------------------------------------

def _date_ref(value: str) -> DateRef:
    gran = {10: Granularity.DAY, 7: Granularity.MONTH}.get(len(value), Granularity.YEAR)
    return DateRef(value, gran, DateSource.EXPLICIT, None, None)


def _matches(ts: TargetStance, key: str) -> bool:
    return key in (ts.target.key, ts.target.name)


def correct(st: Statement, c: Correction) -> Statement | None:
    """``st`` with ``c`` applied; None when ``c`` marks it wrong."""
    if c.wrong:
        return None
    if c.speaker is not None:
        old = st.speaker
        st = replace(st, speaker=Mention(old.span, old.surface, c.speaker, c.speaker_actor_id, old.type if
                                         c.speaker_actor_id == old.actor_id else None, CORRECTED, None))
    if c.targets is not None:
        new: list[TargetStance] = []
        for fix in c.targets:
            same = next((ts for ts in st.targets if _matches(ts, fix.actor_id or fix.name)), None)
            mention = same.target if same is not None else Mention(st.content, fix.name, fix.name, fix.actor_id,
                                                                    None, CORRECTED)
            new.append(TargetStance(mention, fix.stance, 1.0, "correction"))
        st = replace(st, targets=tuple(new))
    if c.stances:
        st = replace(st, targets=tuple(
            TargetStance(ts.target, next(v for k, v in c.stances.items() if _matches(ts, k)), 1.0, "correction")
            if any(_matches(ts, k) for k in c.stances) else ts for ts in st.targets))
    if c.date is not None:
        st = replace(st, date=_date_ref(c.date))
    return st


def index(corrections: Iterable[Correction]) -> dict[Key, list[Correction]]:
    """Corrections by statement key, oldest first."""
    out: dict[Key, list[Correction]] = defaultdict(list)
    for c in sorted(corrections, key=lambda c: (c.created_at, c.id or 0)):
        out[c.key].append(c)
    return dict(out)


def apply_corrections(pairs: Iterable[tuple[Article, Statement]],
                      corrections: Iterable[Correction] | Mapping[Key, list[Correction]]
                      ) -> Iterator[tuple[Article, Statement]]:
    """The (article, statement) pairs with every matching correction applied, lazily.

    Statements marked wrong are dropped; the others keep their order. ``corrections``
    is a list of :class:`Correction` or the result of :func:`index`.
    """
    by_key = corrections if isinstance(corrections, Mapping) else index(corrections)
    for article, st in pairs:
        fixes = by_key.get(statement_key(article, st)) if by_key else None
        if not fixes:
            yield article, st
            continue
        current: Statement | None = st
        for c in fixes:
            if current is None:
                break
            current = correct(current, c)
        if current is not None:
            yield article, current


def corrections_of(st: Statement, article: Article | str,
                   by_key: Mapping[Key, list[Correction]]) -> list[Correction]:
    return list(by_key.get(statement_key(article, st), ()))


# --- storage -----------------------------------------------------------------

def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _row(c: Correction) -> dict[str, Any]:
    return {
        "article_id": c.article_id, "cue_start": c.cue.start, "cue_end": c.cue.end,
        "content_start": c.content.start, "content_end": c.content.end, "statement_id": c.statement_id,
        "speaker": c.speaker, "speaker_actor_id": c.speaker_actor_id,
        "targets": ([{"name": t.name, "stance": str(t.stance), "actor_id": t.actor_id} for t in c.targets]
                    if c.targets is not None else None),
        "stances": {k: str(v) for k, v in c.stances.items()} if c.stances is not None else None,
        "date": c.date, "wrong": c.wrong, "note": c.note, "author": c.author, "created_at": c.created_at,
    }


def _from_row(r: Mapping[str, Any]) -> Correction:
    targets = r["targets"]
    stances = r["stances"]
    return Correction(
        article_id=r["article_id"], cue=Span(r["cue_start"], r["cue_end"]),
        content=Span(r["content_start"], r["content_end"]), statement_id=r["statement_id"],
        speaker=r["speaker"], speaker_actor_id=r["speaker_actor_id"],
        targets=(tuple(TargetFix(t["name"], Stance(t["stance"]), t.get("actor_id")) for t in targets)
                 if targets is not None else None),
        stances={k: Stance(v) for k, v in stances.items()} if stances is not None else None,
        date=r["date"], wrong=None if r["wrong"] is None else bool(r["wrong"]), note=r["note"],
        author=r["author"], created_at=r["created_at"], id=r["id"],
    )


def _fail(store: Any, what: str, exc: SQLAlchemyError) -> StoreError:
    why = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return StoreError(f"{what} in {store.url}: {why[0] if why else type(exc).__name__}",
                      hint="check that the database is reachable and writable and migrated by this rasid")


def save_correction(store: Any, c: Correction) -> Correction:
    """Store ``c``; returns it with its id and time."""
    c = replace(c, created_at=c.created_at or _now())
    try:
        with store.engine.begin() as conn:
            result = conn.execute(sa.insert(corrections_table).values(**_row(c)))
            new_id = result.inserted_primary_key[0]
            mark_shifts_dirty(conn, [c.article_id])  # its statement's shift series are computed again
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot store a correction", exc) from exc
    return replace(c, id=int(new_id))


def load_corrections(store: Any, article_id: str | None = None) -> list[Correction]:
    """Every stored correction (of one article), oldest first."""
    query = sa.select(corrections_table).order_by(corrections_table.c.created_at, corrections_table.c.id)
    if article_id is not None:
        query = query.where(corrections_table.c.article_id == article_id)
    try:
        with store.engine.connect() as conn:
            return [_from_row(r) for r in conn.execute(query).mappings()]
    except SQLAlchemyError as exc:
        raise _fail(store, "cannot read corrections", exc) from exc


def get_correction(store: Any, correction_id: int) -> Correction | None:
    query = sa.select(corrections_table).where(corrections_table.c.id == correction_id)
    with store.engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    return _from_row(row) if row else None


def delete_correction(store: Any, correction_id: int) -> bool:
    """Remove a correction; False when there is none with that id."""
    try:
        with store.engine.begin() as conn:
            article_id = conn.execute(sa.select(corrections_table.c.article_id).where(
                corrections_table.c.id == correction_id)).scalar()
            if article_id is None:
                return False
            conn.execute(sa.delete(corrections_table).where(corrections_table.c.id == correction_id))
            mark_shifts_dirty(conn, [article_id])
            return True
    except SQLAlchemyError as exc:
        raise _fail(store, f"cannot delete correction {correction_id}", exc) from exc


def orphaned(store: Any, corrections: Iterable[Correction] | None = None) -> list[Correction]:
    """The corrections whose statement (article id + cue span + content span) is not stored any more."""
    from .store.tables import statements as S

    items = list(corrections) if corrections is not None else load_corrections(store)
    article_ids = sorted({c.article_id for c in items})
    keys: set[Key] = set()
    with store.engine.connect() as conn:
        for i in range(0, len(article_ids), 500):
            chunk = article_ids[i : i + 500]
            query = sa.select(S.c.article_id, S.c.cue_start, S.c.cue_end, S.c.content_start,
                              S.c.content_end).where(S.c.article_id.in_(chunk))
            keys.update(tuple(r) for r in conn.execute(query))
    return [c for c in items if c.key not in keys]


def corrected_statements(store: Any, **filters: Any) -> Iterator[tuple[Article, Statement]]:
    """``store.statements(**filters)`` with the stored corrections applied.

    The filters run on the stored (uncorrected) values; to filter on corrected speakers or
    targets, read everything and filter afterwards.
    """
    by_key = index(load_corrections(store))
    return apply_corrections(store.statements(**filters), by_key)


def correction_record(c: Correction) -> dict[str, Any]:
    """A correction as plain JSON data."""
    return {
        "id": c.id, "statement_id": c.statement_id,
        "provenance": {"article_id": c.article_id, "cue": [c.cue.start, c.cue.end],
                       "content": [c.content.start, c.content.end]},
        "speaker": ({"name": c.speaker, "actor_id": c.speaker_actor_id} if c.speaker is not None else None),
        "targets": ([{"name": t.name, "actor_id": t.actor_id, "stance": str(t.stance)} for t in c.targets]
                    if c.targets is not None else None),
        "stances": {k: str(v) for k, v in c.stances.items()} if c.stances is not None else None,
        "date": c.date, "wrong": c.wrong, "note": c.note, "author": c.author, "created_at": c.created_at,
        "changes": c.changes(),
    }


__all__ = ["Correction", "CorrectionError", "TargetFix", "apply_corrections", "correct", "corrected_statements",
           "correction_record", "delete_correction", "get_correction", "index", "load_corrections",
           "make_correction", "orphaned", "provenance", "save_correction", "statement_key"]
