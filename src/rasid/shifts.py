"""Timelines and position shifts.

A statement belongs to its speaker's *family*: the speaker itself, its parent mention
(إدارة الشؤون السياسية -> حكومة الإنقاذ) and, through the knowledge base, every body
it is affiliated with at the statement's date (حكومة الإنقاذ -> هيئة تحرير الشام).

For each (family member, target) the non-neutral stances are put in date order; a
*shift* is a place where the stance turns (against -> favor or favor -> against). Its
evidence is the last statement of the old stance and the first of the new. When the
same pair of statements shows a shift for several family members, the most specific
member that covers both statements is kept, and ``via`` records the affiliation path
from the later statement's speaker to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from .actors.kb import KnowledgeBase
from .model import Article, Shift, Stance, Statement


@dataclass(frozen=True)
class TimelinePoint:
    day: date
    article: Article
    statement: Statement
    stance: Stance
    target: str


def statement_day(article: Article, st: Statement) -> date | None:
    if st.date is not None:
        return st.date.start
    return article.published.date() if article.published else None


def family(st: Statement, kb: KnowledgeBase, day: date | None) -> list[tuple[str, tuple[str, ...]]]:
    """(member key, path of names from the speaker to it), nearest first."""
    sp = st.speaker
    out: list[tuple[str, tuple[str, ...]]] = [(sp.key, ())]
    path: tuple[str, ...] = (sp.name,)
    if sp.parent is not None:
        out.append((sp.parent.key, path + (sp.parent.name,)))
        path = path + (sp.parent.name,)
        base = sp.parent.actor_id
    else:
        base = sp.actor_id
    if base:
        chain = path
        for parent_id, _ in kb.parents(base, day):
            actor = kb.get(parent_id)
            chain = chain + ((actor.name_ar if actor else parent_id),)
            out.append((parent_id, chain))
    return out


def _name(key: str, kb: KnowledgeBase) -> str:
    actor = kb.get(key)
    return actor.name_ar if actor else key


def find_shifts(pairs: Iterable[tuple[Article, Statement]], kb: KnowledgeBase, *,
                actor: str | None = None, target: str | None = None,
                since: date | None = None, until: date | None = None, min_confidence: float = 0.0) -> list[Shift]:
    groups: dict[tuple[str, str], list[tuple[date, int, Article, Statement, Stance, tuple[str, ...]]]] = {}
    order = 0
    for article, st in pairs:
        day = statement_day(article, st)
        if day is None:
            continue
        members = family(st, kb, day)
        for ts in st.targets:
            if ts.stance == Stance.NEUTRAL or ts.confidence < min_confidence:
                continue
            for key, path in members:
                if key == ts.target.key:
                    continue
                groups.setdefault((key, ts.target.key), []).append((day, order, article, st, ts.stance, path))
        order += 1
    latest = max((x[0] for items in groups.values() for x in items), default=None)
    found: dict[tuple[str, str, str], tuple[int, Shift]] = {}
    for (member, tkey), items in groups.items():
        if actor and actor not in (member, _name(member, kb)):
            continue
        if target and target not in (tkey, _name(tkey, kb)):
            continue
        items.sort(key=lambda x: (x[0], x[1]))
        runs = _run_lengths([x[4] for x in items])
        for n, (prev, cur) in enumerate(zip(items, items[1:])):
            if prev[4] == cur[4]:
                continue
            if since and cur[0] < since or until and cur[0] > until:
                continue
            specificity = len(cur[5]) + len(prev[5])
            score = _score(min(_conf(prev[3], tkey), _conf(cur[3], tkey)), runs[n] + runs[n + 1], cur[0], latest)
            shift = Shift(
                actor=member, target=tkey, before=prev[3], after=cur[3],
                before_article=prev[2].id, after_article=cur[2].id,
                from_stance=prev[4], to_stance=cur[4], via=cur[5], score=score,
            )
            k = (prev[3].id, cur[3].id, tkey)
            if k not in found or specificity < found[k][0]:
                found[k] = (specificity, shift)
    shifts = [s for _, s in found.values()]
    shifts.sort(key=lambda s: (-s.score, -(s.after.date.start.toordinal() if s.after.date else 0)))
    return shifts


def _run_lengths(stances: list[Stance]) -> list[int]:
    """For each position, the length of the run of equal stances it belongs to."""
    out = [0] * len(stances)
    start = 0
    for i in range(1, len(stances) + 1):
        if i == len(stances) or stances[i] != stances[start]:
            for j in range(start, i):
                out[j] = i - start
            start = i
    return out


def _score(strength: float, support: int, day: date, latest: date | None) -> float:
    """Rank a shift: how clear both stances are, how many statements back them, how recent it is."""
    recency = 1.0 if latest is None else 0.5 ** (max((latest - day).days, 0) / 365)
    return round(0.5 * strength + 0.3 * min(support, 6) / 6 + 0.2 * recency, 3)


def _conf(st: Statement, tkey: str) -> float:
    return max((t.confidence for t in st.targets if t.target.key == tkey), default=0.5)


def timeline(pairs: Iterable[tuple[Article, Statement]], kb: KnowledgeBase, actor: str, target: str | None = None) -> list[TimelinePoint]:
    """Stances of ``actor``'s family toward ``target`` (or every target) over time."""
    out = []
    for article, st in pairs:
        day = statement_day(article, st)
        if day is None:
            continue
        keys = {k for k, _ in family(st, kb, day)} | {st.speaker.name}
        if actor not in keys:
            continue
        for ts in st.targets:
            if target is None or target in (ts.target.key, ts.target.name):
                out.append(TimelinePoint(day, article, st, ts.stance, ts.target.key))
    out.sort(key=lambda p: p.day)
    return out
