"""The reads behind actor timelines and statement lists, done by the database: filtered through its
indexes, counted, aggregated per month (``GROUP BY``) and paginated (``LIMIT``/``OFFSET``), so a page
of an actor with thousands of statements reads only what it shows.

Two things the database cannot do alone are handled next to it:

* **An actor's family** (:func:`rasid.shifts.family`): a statement counts for its speaker, the
  speaker's parent mention, and the bodies the speaker speaks for *at the statement's day* (dated
  affiliations of the knowledge base), never through a news outlet. :func:`family_of` turns that into
  the actor ids whose statements count, each with the days it counts on, and :func:`family_condition`
  into a SQL condition that the indexes on ``speaker_actor_id`` and ``parent_actor_id`` answer.
* **Corrections**: a statement an analyst corrected may have another speaker, targets, stances or
  day than its row says. Those statements (few) are left out of the SQL (:func:`not_corrected`),
  read and corrected in Python, and merged into the database's order by :func:`merged_page`.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement

from ..actors.kb import KnowledgeBase
from ..shifts import MEDIA_TYPES, SPEAKS_FOR
from ..store.tables import corrections as C
from ..store.tables import statements as S

T = TypeVar("T")


# --- an actor's family as SQL ------------------------------------------------------------------

@dataclass(frozen=True)
class Family:
    """Whose statements count for ``actor``: ``always`` (actor ids whose statements count on any day)
    and ``windows`` (actor id, first day, last day; None is open) for members through a dated
    affiliation. ``media`` are the knowledge base's news outlets: a statement by one (or through one)
    counts for the outlet alone."""

    actor: str
    always: tuple[str, ...]
    windows: tuple[tuple[str, str | None, str | None], ...]
    media: tuple[str, ...]

    @property
    def ids(self) -> list[str]:
        return list(dict.fromkeys([self.actor, *self.always, *(w[0] for w in self.windows)]))


def _speaks_for(relation: str) -> bool:
    return relation in SPEAKS_FOR


def _is_member(kb: KnowledgeBase, member: str, actor: str, day: date | None) -> bool:
    return any(p == actor and getattr(kb.get(p), "type", None) not in MEDIA_TYPES
               for p, _ in kb.parents(member, day, relations=_speaks_for))


def family_of(kb: KnowledgeBase, actor: str) -> Family:
    """The members of ``actor``'s family and the days each one speaks for it.

    Membership changes only on the days an affiliation starts or ends, so it is decided once for each
    stretch between those days, with :meth:`KnowledgeBase.parents` as :func:`rasid.shifts.family` does.
    """
    media = tuple(sorted(a.id for a in kb.actors.values() if a.type in MEDIA_TYPES))
    me = kb.get(actor)
    if me is None or me.type in MEDIA_TYPES:  # an outlet's family is itself
        return Family(actor, (), (), media)
    always: list[str] = []
    windows: list[tuple[str, str | None, str | None]] = []
    for member, info in kb.actors.items():
        # an outlet speaks for itself alone, and through an outlet nobody speaks for its owner
        if member == actor or info.type in MEDIA_TYPES or not _is_member(kb, member, actor, None):
            continue
        bounds: set[date] = set()
        for aid in [member, *(p for p, _ in kb.parents(member, None, relations=_speaks_for))]:
            for aff in getattr(kb.get(aid), "affiliations", ()):
                bounds.update(d for d in (aff.start, aff.end) if d is not None)
        if not bounds:
            always.append(member)
            continue
        # stretches (first, last) on which membership cannot change: before, on and between the bounds
        ordered = sorted(bounds)
        stretches: list[tuple[date | None, date | None, date]] = [(None, ordered[0] - timedelta(1),
                                                                     ordered[0] - timedelta(1))]
        for i, b in enumerate(ordered):
            stretches.append((b, b, b))
            nxt = ordered[i + 1] if i + 1 < len(ordered) else None
            if nxt is None:
                stretches.append((b + timedelta(1), None, b + timedelta(1)))
            elif b + timedelta(1) < nxt:
                stretches.append((b + timedelta(1), nxt - timedelta(1), b + timedelta(1)))
        spans: list[list[date | None]] = []
        for first, last, probe in stretches:
            if not _is_member(kb, member, actor, probe):
                continue
            if spans and spans[-1][1] is not None and first is not None and spans[-1][1] + timedelta(1) == first:
                spans[-1][1] = last
            else:
                spans.append([first, last])
        if spans == [[None, None]]:
            always.append(member)
        else:
            windows += [(member, f.isoformat() if f else None, la.isoformat() if la else None) for f, la in spans]
    return Family(actor, tuple(always), tuple(windows), media)


def _is_media(type_col: Any, id_col: Any, media: Sequence[str]) -> ColumnElement[bool]:
    cond = sa.func.coalesce(type_col, "").in_(sorted(MEDIA_TYPES))
    return sa.or_(cond, sa.func.coalesce(id_col, "").in_(media)) if media else cond


def _speaks_for_actor(column: Any, fam: Family) -> ColumnElement[bool]:
    """``column``'s actor speaks for ``fam.actor`` on the statement's day (its chain of bodies)."""
    terms: list[ColumnElement[bool]] = []
    if fam.always:
        terms.append(column.in_(fam.always))
    for member, first, last in fam.windows:
        bounds = [column == member]
        if first:
            bounds.append(S.c.day >= first)
        if last:
            bounds.append(S.c.day <= last)
        terms.append(sa.and_(*bounds))
    return sa.or_(*terms) if terms else sa.false()


def family_condition(fam: Family) -> ColumnElement[bool]:
    """Statements that count for ``fam.actor``, as :func:`rasid.shifts.timeline` decides (a statement
    without a day is on no timeline). The first term lets the database start from its indexes on
    ``speaker_actor_id`` and ``parent_actor_id``; the rest decides exactly."""
    ids = fam.ids
    candidate = sa.or_(S.c.speaker_actor_id.in_(ids), S.c.parent_actor_id.in_(ids))
    speaker_media = _is_media(S.c.speaker_type, S.c.speaker_actor_id, fam.media)
    parent_ok = sa.and_(S.c.parent_name.is_not(None), sa.not_(_is_media(S.c.parent_type, S.c.parent_actor_id,
                                                                          fam.media)))
    exact = sa.or_(
        S.c.speaker_actor_id == fam.actor,
        sa.and_(sa.not_(speaker_media), parent_ok,
                sa.or_(S.c.parent_actor_id == fam.actor, _speaks_for_actor(S.c.parent_actor_id, fam))),
        sa.and_(sa.not_(speaker_media), sa.not_(parent_ok), _speaks_for_actor(S.c.speaker_actor_id, fam)),
    )
    return sa.and_(candidate, exact, S.c.day.is_not(None))


# --- corrections --------------------------------------------------------------------------------

def not_corrected() -> ColumnElement[bool]:
    """Statements no correction is keyed to (their article and the spans of cue and content)."""
    return ~sa.exists().where(C.c.article_id == S.c.article_id, C.c.cue_start == S.c.cue_start,
                              C.c.cue_end == S.c.cue_end, C.c.content_start == S.c.content_start,
                              C.c.content_end == S.c.content_end)


def merged_page(count: int, fetch: Callable[[int, int], list[T]], extra: list[T], key: Callable[[T], Any],
                limit: int, offset: int, *, reverse: bool = False) -> tuple[int, list[T]]:
    """(total, ``[offset:offset+limit]``) of the database's rows merged with ``extra`` in ``key`` order.

    ``count`` is how many rows the database holds and ``fetch(offset, limit)`` reads them in ``key``
    order (descending when ``reverse``); ``extra`` (the corrected statements, few) is merged in
    without reading the rows before the page: at most ``limit + len(extra)`` rows are fetched.
    """
    total = count + len(extra)
    if not extra:
        return total, fetch(offset, limit) if offset < count else []
    if offset >= total:
        return total, []
    extra = sorted(extra, key=key, reverse=reverse)
    start = max(0, offset - len(extra))
    rows = fetch(start, offset - start + limit)
    if start > 0 and rows:
        first = key(rows[0])
        before = [e for e in extra if (key(e) > first if reverse else key(e) < first)]
        extra = extra[len(before):]
        position = start + len(before)
    else:
        position = 0
    merged = list(heapq.merge(rows, extra, key=key, reverse=reverse))
    return total, merged[offset - position : offset - position + limit]
