"""The home page's picture of an archive, as database aggregates: who speaks most, how the main actors
speak of each other, how many statements each month, and the latest position shifts.

Every figure is a count of stored statements that a filtered search lists exactly (the numbers link to
``/search`` with the same filters): a speaker is the statement's own speaker (``speaker_actor_id``; the
actor pages add the bodies an actor speaks for), a month is the month of the statement's day, and a
cell of the stance matrix counts the statements of its speaker that take that stance toward its target.
Statements an analyst corrected are counted with their corrections.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..actors.kb import KnowledgeBase
from ..model import Article, Statement
from ..shifts import MEDIA_TYPES, statement_day
from ..store.tables import articles as A
from ..store.tables import statements as S
from ..store.tables import targets as TG
from .reads import not_corrected

ACTIVE = 10  # speakers in each list of the most active
MATRIX = 10  # actors in the stance matrix (rows and columns)
RECENT_DAYS = 30  # "recent": the last days of the archive, up to its newest publication day
STANCES = ("favor", "against", "neutral")
NOT_SPEAKERS = ("anonymous",)  # an unnamed source is no one's voice


@dataclass
class Overview:
    """What the home page shows. ``last_day`` is the newest publication day of the archive (None when it is
    empty); ``recent_since`` the first day of its last ``RECENT_DAYS``."""

    last_day: str | None = None
    recent_since: str | None = None
    active_recent: list[tuple[str, int]] = field(default_factory=list)  # (actor id, statements)
    active_all: list[tuple[str, int]] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)  # the matrix's rows and columns
    matrix: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)  # (speaker, target) -> stance counts
    months: list[tuple[str, int]] = field(default_factory=list)  # (YYYY-MM, statements), every month of the range
    first_day: str | None = None


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while (y, m) <= (int(last[:4]), int(last[5:7])):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def build(conn: Connection, kb: KnowledgeBase, corrected: list[tuple[Article, Statement]] | None) -> Overview:
    """The overview of the archive ``conn`` reads. ``corrected``: the statements an analyst corrected, with
    their corrections (the SQL leaves them out and they are counted here); None when there are none."""
    first, last = conn.execute(sa.select(sa.func.min(A.c.published_day), sa.func.max(A.c.published_day))).one()
    out = Overview(last_day=last, first_day=first)
    if last is None:
        return out
    since = (date.fromisoformat(last) - timedelta(days=RECENT_DAYS - 1)).isoformat()
    out.recent_since = since
    base = [S.c.speaker_actor_id.is_not(None), S.c.speaker_actor_id.not_in(NOT_SPEAKERS)]
    if corrected is not None:
        base.append(not_corrected())
    fixed = corrected or []

    def fixed_day(a: Article, st: Statement) -> str | None:
        day = statement_day(a, st)
        return day.isoformat() if day else None

    def speakers(window: list[Any], keep: Any) -> list[tuple[str, int]]:
        counts: Counter[str] = Counter()
        query = (sa.select(S.c.speaker_actor_id, sa.func.count()).where(*base, *window)
                 .group_by(S.c.speaker_actor_id))
        counts.update(dict(conn.execute(query).all()))
        counts.update(st.speaker.actor_id for a, st in fixed
                      if st.speaker.actor_id and st.speaker.actor_id not in NOT_SPEAKERS and keep(a, st))
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    everyone = speakers([], lambda a, st: True)
    out.active_all = everyone[:ACTIVE]
    out.active_recent = speakers([S.c.day >= since, S.c.day <= last],
                                 lambda a, st: since <= (fixed_day(a, st) or "") <= last)[:ACTIVE]

    # the matrix: the actors (not news outlets) most often speaking or spoken of
    spoken: Counter[str] = Counter(dict(everyone))
    targeted = (sa.select(TG.c.actor_id, sa.func.count()).where(TG.c.actor_id.is_not(None),
                                                                 TG.c.actor_id.not_in(NOT_SPEAKERS))
                .group_by(TG.c.actor_id))
    spoken.update(dict(conn.execute(targeted).all()))
    main = [a for a, _ in sorted(spoken.items(), key=lambda kv: (-kv[1], kv[0]))
            if getattr(kb.get(a), "type", "media") not in MEDIA_TYPES][:MATRIX]
    out.actors = main
    if main:
        # distinct statements: a statement naming its target twice (two surfaces) counts once
        query = (sa.select(S.c.speaker_actor_id, TG.c.actor_id, TG.c.stance, sa.func.count(sa.distinct(S.c.id)))
                 .select_from(S.join(TG, TG.c.statement_id == S.c.id))
                 .where(*base, S.c.speaker_actor_id.in_(main), TG.c.actor_id.in_(main))
                 .group_by(S.c.speaker_actor_id, TG.c.actor_id, TG.c.stance))
        for speaker, target, stance, n in conn.execute(query):
            out.matrix.setdefault((speaker, target), dict.fromkeys(STANCES, 0))[stance] += n
        for _, st in fixed:
            if st.speaker.actor_id in main:
                seen = {(t.target.actor_id, str(t.stance)) for t in st.targets if t.target.actor_id in main}
                for target, stance in seen:
                    out.matrix.setdefault((st.speaker.actor_id, target), dict.fromkeys(STANCES, 0))[stance] += 1

    # statements per month of their day, over the (whole) months the archive was published in
    if first is not None:
        month = sa.func.substr(S.c.day, 1, 7)
        start, end = first[:7] + "-01", last[:7] + "-31"  # string bounds: every day of the last month
        window = [S.c.day >= start, S.c.day <= end]
        counts = Counter(dict(conn.execute(
            sa.select(month, sa.func.count()).where(*window, *base[2:]).group_by(month)).all()))
        counts.update((d or "")[:7] for a, st in fixed for d in [fixed_day(a, st)] if d and start <= d <= end)
        out.months = [(m, counts.get(m, 0)) for m in _months(first, last)]
    return out
